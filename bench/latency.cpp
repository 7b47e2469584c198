#include "latency.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tollgate::bench {
namespace {

double Percentile(const std::vector<std::int64_t>& sorted, double percent) {
  // Nearest rank: the smallest value with at least `percent` of the samples at or below.
  const auto rank =
      static_cast<std::size_t>(std::ceil(percent / 100.0 * static_cast<double>(sorted.size())));
  const std::size_t index = rank == 0 ? 0 : rank - 1;
  return static_cast<double>(sorted[std::min(index, sorted.size() - 1)]) / 1000.0;
}

}  // namespace

LatencySummary Summarize(std::vector<std::int64_t> nanoseconds) {
  LatencySummary summary;
  if (nanoseconds.empty()) return summary;
  std::sort(nanoseconds.begin(), nanoseconds.end());
  const double total_ns = std::accumulate(
      nanoseconds.begin(), nanoseconds.end(), 0.0,
      [](double sum, std::int64_t value) { return sum + static_cast<double>(value); });
  summary.count = nanoseconds.size();
  summary.total_seconds = total_ns / 1e9;
  summary.mean_us = total_ns / static_cast<double>(nanoseconds.size()) / 1000.0;
  summary.p50_us = Percentile(nanoseconds, 50);
  summary.p99_us = Percentile(nanoseconds, 99);
  summary.max_us = static_cast<double>(nanoseconds.back()) / 1000.0;
  return summary;
}

}  // namespace tollgate::bench
