// Spike: the three endpoints on Boost.Beast over an Asio event loop run by THREADS
// threads (Debian's libboost1.74-dev, header-only). Each connection is a chain of
// asynchronous reads and writes, so an idle kept-alive connection holds no thread; a
// handler still runs on the loop thread that read its request and blocks it while it
// screens or waits for its determination's group commit (DeterminationRecorder), so
// THREADS bounds the requests in progress, as the pool does for cpp-httplib.
//   beast_spike DB_URL PORT THREADS
// Asio 1.74's awaitable.hpp uses std::exchange without including <utility> (GCC 12).
#include <utility>
// (kept first)
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "spike_routes.h"

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using tollgate::server::ApiResponse;
using tollgate::server::spike::SpikeRoutes;

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, SpikeRoutes& routes) : stream_(std::move(socket)), routes_(routes) {
    beast::error_code ignored;
    remote_ = stream_.socket().remote_endpoint(ignored).address().to_string();
  }
  void Read() {
    parser_.emplace();
    parser_->body_limit(1 << 20);
    stream_.expires_after(std::chrono::seconds(10));
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

 private:
  void OnRead(beast::error_code ec, std::size_t) {
    if (ec) return Close();
    auto request = parser_->release();
    const std::string target(request.target());
    const auto question = target.find('?');
    httplib::Params query;
    if (question != std::string::npos) {
      httplib::detail::parse_query_text(target.substr(question + 1), query);
    }
    ApiResponse api = routes_.Answer(
        std::string(request.method_string()), target.substr(0, question), query,
        std::string(request[http::field::authorization]), std::move(request.body()), remote_);
    response_ = {};
    response_.result(static_cast<unsigned>(api.status));
    response_.version(request.version());
    response_.set(http::field::content_type, api.content_type);
    for (const auto& [name, value] : api.headers) response_.insert(name, value);
    response_.body() = std::move(api.body);
    response_.keep_alive(request.keep_alive());
    response_.prepare_payload();
    http::async_write(stream_, response_,
                      beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }
  void OnWrite(beast::error_code ec, std::size_t) {
    if (ec || !response_.keep_alive()) return Close();
    Read();
  }
  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  SpikeRoutes& routes_;
  std::string remote_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;
};

void Accept(tcp::acceptor& acceptor, net::io_context& io, SpikeRoutes& routes) {
  acceptor.async_accept(net::make_strand(io), [&](beast::error_code ec, tcp::socket socket) {
    if (!ec) {
      socket.set_option(tcp::no_delay(true));
      std::make_shared<Session>(std::move(socket), routes)->Read();
    }
    Accept(acceptor, io, routes);
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: beast_spike DB_URL PORT THREADS\n";
    return 2;
  }
  const auto port = static_cast<unsigned short>(std::stoi(argv[2]));  // 0: any free port
  const int threads = std::stoi(argv[3]);
  SpikeRoutes routes(tollgate::server::spike::OpenOrExit(argv[1]));

  net::io_context io(threads);
  tcp::acceptor acceptor(io, {net::ip::make_address("127.0.0.1"), port});
  Accept(acceptor, io, routes);
  std::cout << "listening on http://127.0.0.1:" << acceptor.local_endpoint().port() << " (beast, "
            << threads << " threads)" << std::endl;
  std::vector<std::thread> runners;
  for (int i = 1; i < threads; ++i) runners.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& runner : runners) runner.join();
  return 0;
}
