#include "guarded_server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <vector>

namespace tollgate::server {
namespace {

using Clock = std::chrono::steady_clock;

// Set by CloseAfterResponse on the thread that runs the connection.
thread_local bool tl_close_after_response = false;

std::string AddressOf(int sock, bool peer) {
  sockaddr_storage addr{};
  socklen_t length = sizeof addr;
  const int got = peer ? getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &length)
                       : getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &length);
  if (got != 0) return "";
  char host[NI_MAXHOST] = "";
  if (getnameinfo(reinterpret_cast<sockaddr*>(&addr), length, host, sizeof host, nullptr, 0,
                  NI_NUMERICHOST) != 0) {
    return "";
  }
  return host;
}

int PortOf(int sock, bool peer) {
  sockaddr_storage addr{};
  socklen_t length = sizeof addr;
  const int got = peer ? getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &length)
                       : getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &length);
  if (got != 0) return 0;
  if (addr.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
  return 0;
}

// One client connection: reads buffered (cpp-httplib's parser reads a byte at a time),
// every wait bounded by the I/O timeout and by the deadline of the part of the request
// being read, and every wait for input counted against the client's address.
class ClientStream final : public httplib::Stream {
 public:
  ClientStream(int sock, const ConnectionLimits& limits, ClientSlots& slots,
               std::function<bool()> stopping)
      : sock_(sock),
        limits_(limits),
        slots_(slots),
        stopping_(std::move(stopping)),
        remote_(AddressOf(sock, true)),
        remote_port_(PortOf(sock, true)) {}

  // Waits up to `idle` for the next request to start; false when none did, the server
  // is stopping, or the client's address has no slot left and nothing came within the
  // grace (a fast client's request on its way gets through; an idle one is closed).
  bool WaitForRequest(std::chrono::seconds idle) {
    if (start_ < buffer_.size() || Ready(POLLIN)) return true;
    const auto until = Clock::now() + idle;
    if (slots_.Take(remote_, /*idle=*/true)) {
      const bool ready = Poll(POLLIN, until);
      slots_.Give(remote_);
      return ready;
    }
    return Poll(POLLIN, std::min(until, Clock::now() + kGrace));
  }
  void StartHead() { deadline_ = Clock::now() + limits_.header_timeout; }
  void StartBody() { deadline_ = Clock::now() + limits_.body_timeout; }
  // A deadline passed, the address ran out of slots, or the socket failed: the
  // connection must not serve another request.
  bool failed() const { return failed_; }

  bool is_readable() const override {
    if (start_ < buffer_.size()) return true;
    return WaitForInput(std::min(deadline_, Clock::now() + limits_.io_timeout));
  }

  bool is_writable() const override { return Wait(POLLOUT, Clock::now() + limits_.io_timeout); }

  ssize_t read(char* ptr, size_t size) override {
    if (start_ == buffer_.size()) {
      if (!is_readable()) return -1;
      buffer_.resize(4096);
      ssize_t n;
      do {
        n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) {
        buffer_.clear();
        start_ = 0;
        if (n < 0) failed_ = true;
        return n;
      }
      buffer_.resize(static_cast<std::size_t>(n));
      start_ = 0;
    }
    const std::size_t count = std::min(size, buffer_.size() - start_);
    std::memcpy(ptr, buffer_.data() + start_, count);
    start_ += count;
    if (start_ == buffer_.size()) {
      buffer_.clear();
      start_ = 0;
    }
    return static_cast<ssize_t>(count);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do {
      n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n < 0) failed_ = true;
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = remote_;
    port = remote_port_;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = AddressOf(sock_, false);
    port = PortOf(sock_, false);
  }
  socket_t socket() const override { return sock_; }

 private:
  // Within a request, a wait for input holds one of the address's slots; none left:
  // the connection is refused at once (a slow client is not waited for).
  bool WaitForInput(Clock::time_point until) const {
    if (Ready(POLLIN)) return true;
    if (stopping_() || !slots_.Take(remote_)) {
      failed_ = true;
      return false;
    }
    const bool ready = Poll(POLLIN, until);
    slots_.Give(remote_);
    if (!ready) failed_ = true;
    return ready;
  }

  bool Wait(short events, Clock::time_point until) const {
    if (Poll(events, until)) return true;
    failed_ = true;
    return false;
  }

  bool Ready(short events) const {
    pollfd p{sock_, events, 0};
    return ::poll(&p, 1, 0) > 0;
  }

  // Polls in steps so that a stopping server is noticed within 100 ms.
  bool Poll(short events, Clock::time_point until) const {
    pollfd p{sock_, events, 0};
    while (!stopping_()) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
      if (left <= 0) return false;
      p.revents = 0;
      const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 100)));
      if (r > 0) return true;
      if (r < 0 && errno != EINTR) return false;
    }
    return false;
  }

  static constexpr std::chrono::milliseconds kGrace{200};

  int sock_;
  const ConnectionLimits& limits_;
  ClientSlots& slots_;
  std::function<bool()> stopping_;
  std::string remote_;
  int remote_port_;
  Clock::time_point deadline_ = Clock::time_point::max();
  std::vector<char> buffer_;
  std::size_t start_ = 0;
  mutable bool failed_ = false;
};

}  // namespace

bool ClientSlots::Take(const std::string& address, bool idle) {
  std::lock_guard lock(mu_);
  std::size_t& held = held_[address];
  const std::size_t reserve = idle ? std::max<std::size_t>(1, per_client_ / 4) : 0;
  if (held + reserve >= per_client_) {
    if (held == 0) held_.erase(address);
    return false;
  }
  ++held;
  return true;
}

void ClientSlots::Give(const std::string& address) {
  std::lock_guard lock(mu_);
  auto it = held_.find(address);
  if (it == held_.end()) return;
  if (--it->second == 0) held_.erase(it);
}

std::size_t ClientSlots::Held(const std::string& address) {
  std::lock_guard lock(mu_);
  auto it = held_.find(address);
  return it == held_.end() ? 0 : it->second;
}

void CloseAfterResponse(httplib::Response& res) {
  tl_close_after_response = true;
  res.set_header("Connection", "close");
}

bool GuardedServer::WidenBacklog(int backlog) {
  // listen() again on a listening socket changes only its backlog (Linux).
  return svr_sock_ != INVALID_SOCKET && ::listen(svr_sock_, backlog) == 0;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  bool ret = false;
  {
    ClientStream stream(sock, limits_, slots_, [this] { return svr_sock_ == INVALID_SOCKET; });
    const auto idle = std::chrono::seconds(keep_alive_timeout_sec_);
    for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
      if (svr_sock_ == INVALID_SOCKET || !stream.WaitForRequest(idle)) break;
      tl_close_after_response = false;
      stream.StartHead();
      bool closed = false;
      // Called by cpp-httplib once the request line and headers are read.
      ret = process_request(stream, left == 1, closed,
                            [&stream](httplib::Request&) { stream.StartBody(); });
      if (!ret || closed || stream.failed() || tl_close_after_response) break;
    }
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ret;
}

}  // namespace tollgate::server
