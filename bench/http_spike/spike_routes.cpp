#include "spike_routes.h"

#include <cstdlib>
#include <iostream>
#include <memory>

#include "../../apps/server/server.h"

namespace tollgate::server::spike {

SpikeRoutes::SpikeRoutes(ServerState& state) : state_(state) {
  for (auto& route : AllRoutes()) {
    if ((route.method == "GET" && (route.path == "/healthz" || route.path == "/api/screen")) ||
        (route.method == "POST" && route.path == "/api/check")) {
      routes_.push_back(std::move(route));
    }
  }
}

ApiResponse SpikeRoutes::Answer(const std::string& method, const std::string& path,
                                const httplib::Params& query, const std::string& authorization,
                                std::string body, const std::string& remote) {
  const Route* route = nullptr;
  for (const auto& r : routes_) {
    if (r.method == method && r.path == path) route = &r;
  }
  if (route == nullptr) {
    return ErrorResponse({MakeError(ErrorCode::kNotFound, "no route for " + method + " " + path),
                          "", 404, "no_route"});
  }
  auto store = state_.stores().Acquire();
  if (!store.ok()) return ErrorResponse(FromError(store.error()));
  Caller caller;
  const Caller* who = nullptr;
  if (route->access != Access::kPublic) {
    if (auto denied = Authenticate(state_, **store, method, {authorization, "", ""}, caller)) {
      return ErrorResponse(*denied);
    }
    who = &caller;
  }
  ApiRequest api;
  api.method = method;
  api.path = path;
  for (const auto& [key, value] : query) api.query.emplace(key, value);
  api.body = std::move(body);
  api.remote = remote;
  return route->handler(state_, **store, who, api);
}

ServerState& OpenOrExit(const std::string& db_url) {
  ServerOptions options;
  options.db_url = db_url;
  options.rate_limit = 0;
  auto state = OpenServerState(options, std::cout);
  if (!state.ok()) {
    std::cerr << "spike: " << state.error().message << "\n";
    std::exit(1);
  }
  return *state->release();  // lives as long as the process
}

}  // namespace tollgate::server::spike
