// Spike: the three endpoints on plain cpp-httplib, as the server uses it (a pool thread
// per kept-alive connection, TCP_NODELAY), without the real server's guard, rate
// limiter and access log (spike_routes.h).
//   httplib_spike DB_URL PORT THREADS
#include <httplib.h>

#include <iostream>
#include <string>

#include "spike_routes.h"

using tollgate::server::ApiResponse;
using tollgate::server::spike::SpikeRoutes;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: httplib_spike DB_URL PORT THREADS\n";
    return 2;
  }
  const int asked = std::stoi(argv[2]);  // 0: any free port
  const unsigned threads = static_cast<unsigned>(std::stoul(argv[3]));
  SpikeRoutes routes(tollgate::server::spike::OpenOrExit(argv[1]));

  httplib::Server http;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(10000);
  const auto serve = [&routes](const httplib::Request& req, httplib::Response& res) {
    ApiResponse api =
        routes.Answer(req.method, req.path, req.params, req.get_header_value("Authorization"),
                      req.body, req.remote_addr);
    res.status = api.status;
    for (const auto& [name, value] : api.headers) res.set_header(name, value);
    res.set_content(std::move(api.body), api.content_type);
  };
  http.Get("/healthz", serve);
  http.Get("/api/screen", serve);
  http.Post("/api/check", serve);
  http.Get("/bench/screen-unrecorded", serve);
  http.Post("/bench/check-unrecorded", serve);
  const int port = asked == 0 ? http.bind_to_any_port("127.0.0.1")
                              : (http.bind_to_port("127.0.0.1", asked) ? asked : -1);
  if (port <= 0) {
    std::cerr << "httplib_spike: cannot listen on " << asked << "\n";
    return 1;
  }
  std::cout << "listening on http://127.0.0.1:" << port << " (httplib, " << threads << " threads)"
            << std::endl;
  return http.listen_after_bind() ? 0 : 1;
}
