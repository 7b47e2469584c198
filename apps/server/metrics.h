// The server's /metrics in the Prometheus text exposition format (version 0.0.4):
// requests counted by method, route pattern ("/api/applications/{acn}", never the raw
// path, so the series stay few) and status, and their latency as histograms; at each
// scrape, the screening index (entries, bytes, builds and build time), the party index
// of the continuous re-screening (builds, re-uses, parties), the list
// versions in force, the applications by state and the overdue deadlines
// (reports/operations.h).
//
// Who may read it: a client on the loopback interface without credentials (the
// Prometheus agent on the same machine), anyone else with the API token or session of
// an oversight or admin user (README, "Operations").
//
// Thread-safety: RequestMetrics may be observed and rendered from any thread.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace tollgate::server {

class RequestMetrics {
 public:
  // Upper bounds of the latency buckets, in seconds (the last is +Inf).
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};

  // One answered request. `route` is the route's pattern, or "" when no route took it
  // (a static file, an unknown path, a refusal before routing).
  void Observe(const std::string& method, const std::string& route, int status, double seconds);
  // The request families in the text format.
  std::string Render() const;

 private:
  struct Latency {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // not cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::pair<std::string, std::string>, Latency> latency_;
};

// A label value escaped as the text format wants it (backslash, quote, newline).
std::string LabelValue(const std::string& value);

// Whether `address` (as the socket reports it) is on the loopback interface.
bool IsLoopback(const std::string& address);

}  // namespace tollgate::server
