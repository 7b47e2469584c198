// The HTTP-layer spikes of issue 14, item 5: the same three endpoints (GET /healthz,
// GET /api/screen, POST /api/check) served through the real route table
// (apps/server/routes.h) and the real ServerState (OpenServerState), behind two HTTP
// layers: plain cpp-httplib (thread per kept-alive connection) and Boost.Beast on an
// Asio event loop. Only the layer differs; what the spikes leave out of the real
// server (the slow-client guard, the rate limiter, the access log, static files) is
// left out of both, so the two measure the layer and the real server measures what
// the guard and the log add (bench/http_bench.sh, its LAYER argument).
//
// Thread-safety: Answer may be called from any thread (the route table is read-only;
// the state's store pool hands each call its own store).
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

#include "../../apps/server/routes.h"

namespace tollgate::server::spike {

class SpikeRoutes {
 public:
  explicit SpikeRoutes(ServerState& state);

  // The route's answer, or 404 for a path other than the three. `query` as httplib
  // parses it (percent-decoded).
  ApiResponse Answer(const std::string& method, const std::string& path,
                     const httplib::Params& query, const std::string& authorization,
                     std::string body, const std::string& remote);

 private:
  ServerState& state_;
  std::vector<Route> routes_;
};

// Opens the state as `tollgate serve --db URL` does; exits with a message on failure.
ServerState& OpenOrExit(const std::string& db_url);

}  // namespace tollgate::server::spike
