// cpp-httplib's server with the connection handling a public server needs against
// slow clients (issue 11, item 3). cpp-httplib gives each connection a pool thread and
// times out each read alone, so a client sending one header byte every few seconds
// keeps its thread for ever, and 32 such clients starve everyone. GuardedServer runs
// each connection itself (cpp-httplib's request parser and router unchanged):
//   - the request line and headers must arrive within `header_timeout` in all, and
//     the body within `body_timeout`; a connection that misses either is closed;
//   - a pool thread waiting on a client holds one of that client address's
//     `per_client` slots; within a request, a connection that would need one more is
//     closed at once, so one address never keeps more than `per_client` threads
//     waiting on it, and the others (a reserve of `threads - per_client`) stay free
//     for other clients. Waiting for a request to start (a new or kept-alive
//     connection) without a slot left is allowed 200 ms, then the connection is closed.
// A handler may also ask for the connection to be closed after its response
// (CloseAfterResponse), e.g. when it answered before reading the body.
//
// Thread-safety: as httplib::Server; CloseAfterResponse concerns the calling request
// thread's connection only.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace tollgate::server {

struct ConnectionLimits {
  std::chrono::seconds header_timeout{10};  // request line and headers, in all
  std::chrono::seconds body_timeout{60};    // the body, in all
  std::chrono::seconds io_timeout{10};      // any one read or write
  std::size_t per_client = 24;              // threads one address may keep waiting
};

// How many threads each client address has blocked waiting on it.
class ClientSlots {
 public:
  explicit ClientSlots(std::size_t per_client) : per_client_(per_client) {}
  // False when `address` already holds all of its slots, or, for an idle wait between
  // requests (`idle`), all but the quarter kept for requests in progress: a browser's
  // idle keep-alive connections (several per tab, from one address) must never leave
  // a request that is being read, an upload's body, without a slot.
  bool Take(const std::string& address, bool idle = false);
  void Give(const std::string& address);
  std::size_t Held(const std::string& address);

 private:
  std::size_t per_client_;
  std::mutex mu_;
  std::map<std::string, std::size_t> held_;
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits) : limits_(limits), slots_(limits.per_client) {}

  // Call after binding. cpp-httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG,
  // fixed when Debian compiled the library): a burst of new connections (wrk's 32, a
  // proxy's pool) overflowed the accept queue, the kernel dropped the last packet of
  // their handshakes, and each such connection's first request waited for a
  // retransmission, 200 ms and more (nstat TcpExtListenOverflows; BENCHMARKS.md "HTTP
  // server", issue 14). The kernel caps it at net.core.somaxconn.
  bool WidenBacklog(int backlog);

 private:
  bool process_and_close_socket(socket_t sock) override;

  ConnectionLimits limits_;
  ClientSlots slots_;
};

// Closes the calling request thread's connection once its response is written (the
// rest of a request body left unread is never parsed as a next request).
void CloseAfterResponse(httplib::Response& res);

}  // namespace tollgate::server
