// The real `tollgate serve` listens with a backlog that takes a burst of new
// connections. cpp-httplib's own is 5: 32 connections opened at once (wrk's, a proxy's
// pool) overflowed the accept queue, the kernel dropped the last packet of their
// handshakes, and each such connection's first request waited for a TCP retransmission
// of 200 ms or more (nstat TcpExtListenOverflows; BENCHMARKS.md "HTTP server", issue 14).
// The backlog is read where an operator would read it: `ss`, whose Send-Q column is the
// backlog of a listening socket.
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>
#include <string>

#include "server_runner.h"
#include "test_databases.h"

namespace tollgate::testing {
namespace {

// The backlog of the socket listening on `port` on loopback, or -1 when ss finds none.
long ListenBacklog(int port) {
  const std::string command = "ss -ltnH 'sport = :" + std::to_string(port) + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  char line[512];
  std::string first = fgets(line, sizeof line, pipe) != nullptr ? line : "";
  pclose(pipe);
  std::istringstream fields(first);  // State Recv-Q Send-Q Local Peer
  std::string state;
  long recv_q = -1;
  long send_q = -1;
  fields >> state >> recv_q >> send_q;
  return state == "LISTEN" ? send_q : -1;
}

TEST(ServerListenBacklogTest, TheServerTakesABurstOfNewConnections) {
  TestDatabase db("sqlite");
  ServerProcess server(db.url());
  const long backlog = ListenBacklog(server.port());
  ASSERT_NE(backlog, -1) << "ss found no socket listening on port " << server.port();
  // 1024 asked; the kernel caps it at net.core.somaxconn (4096 by default since 5.4).
  EXPECT_GE(backlog, 128) << "listen backlog " << backlog;
}

}  // namespace
}  // namespace tollgate::testing
