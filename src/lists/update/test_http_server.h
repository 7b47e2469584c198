// TestHttpServer: a real cpp-httplib server on 127.0.0.1 with an ephemeral port, run in
// a thread, for the tests of `lists update`. Routes are registered before it starts,
// because httplib does not guard its route table against concurrent changes.
//
// Thread-safety: construct and destroy on one thread; requests may come from any.
#pragma once

#include <httplib.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

namespace tollgate::lists {

class TestHttpServer {
 public:
  explicit TestHttpServer(const std::function<void(httplib::Server&)>& add_routes) {
    add_routes(server_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("cannot bind a test server on 127.0.0.1");
    // The socket listens from here on, so requests queue even before the loop runs.
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~TestHttpServer() {
    // stop() does nothing before the accept loop has started; wait for it.
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    server_.stop();
    thread_.join();
  }
  TestHttpServer(const TestHttpServer&) = delete;
  TestHttpServer& operator=(const TestHttpServer&) = delete;

  std::string Url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

// The bytes of a file, for serving; throws when the file cannot be read, which fails the
// test that needs it.
inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read test file " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace tollgate::lists
