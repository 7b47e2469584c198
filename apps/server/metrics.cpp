#include "metrics.h"

#include <cstdio>
#include <set>

namespace tollgate::server {
namespace {

// A request's method as a label: only the methods HTTP defines, so a client cannot
// make a new series per invented method.
std::string MethodLabel(const std::string& method) {
  static const std::set<std::string> kKnown = {"GET",    "HEAD",  "POST",   "PUT",
                                               "DELETE", "PATCH", "OPTIONS"};
  return kKnown.count(method) ? method : "other";
}

// Requests no route took: static files of the web UI when they were served, else
// "unmatched" (unknown paths, refusals before routing), never the raw path.
std::string RouteLabel(const std::string& route, int status) {
  if (!route.empty()) return route;
  return status < 400 ? "(static)" : "(unmatched)";
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", value);
  return text;
}

}  // namespace

std::string LabelValue(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool IsLoopback(const std::string& address) {
  return address.rfind("127.", 0) == 0 || address == "::1" || address.rfind("::ffff:127.", 0) == 0;
}

void RequestMetrics::Observe(const std::string& method, const std::string& route, int status,
                             double seconds) {
  const std::string m = MethodLabel(method);
  const std::string r = RouteLabel(route, status);
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  std::lock_guard lock(mu_);
  ++requests_[{m, r, status}];
  Latency& latency = latency_[{m, r}];
  if (bucket < kBuckets.size()) ++latency.buckets[bucket];
  ++latency.count;
  latency.sum += seconds;
}

std::string RequestMetrics::Render() const {
  std::string out;
  std::lock_guard lock(mu_);
  out +=
      "# HELP tollgate_http_requests_total Requests answered, by method, route pattern and "
      "status.\n"
      "# TYPE tollgate_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += "tollgate_http_requests_total{method=\"" + method + "\",route=\"" + LabelValue(route) +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
  }
  out +=
      "# HELP tollgate_http_request_duration_seconds Time from the request's arrival to its "
      "answer, by method and route pattern.\n"
      "# TYPE tollgate_http_request_duration_seconds histogram\n";
  for (const auto& [key, latency] : latency_) {
    const std::string labels =
        "method=\"" + key.first + "\",route=\"" + LabelValue(key.second) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += latency.buckets[i];
      out += "tollgate_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
             Number(kBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "tollgate_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
           std::to_string(latency.count) + "\n";
    out +=
        "tollgate_http_request_duration_seconds_sum{" + labels + "} " + Number(latency.sum) + "\n";
    out += "tollgate_http_request_duration_seconds_count{" + labels + "} " +
           std::to_string(latency.count) + "\n";
  }
  return out;
}

}  // namespace tollgate::server
