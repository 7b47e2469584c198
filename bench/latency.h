// Per-query timings reduced to the figures the targets are stated in: mean, p50, p99.
// Google Benchmark reports means of batches; a p99 needs every query timed on its own.
//
// Thread-safety: pure function.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tollgate::bench {

struct LatencySummary {
  std::size_t count = 0;
  double mean_us = 0;
  double p50_us = 0;
  double p99_us = 0;
  double max_us = 0;
  double total_seconds = 0;
  double QueriesPerSecond() const { return total_seconds > 0 ? count / total_seconds : 0; }
};

// Nearest-rank percentiles over `nanoseconds` (the order does not matter).
LatencySummary Summarize(std::vector<std::int64_t> nanoseconds);

}  // namespace tollgate::bench
