// What /metrics costs each request (issue 13, item 10): RequestMetrics::Observe, called
// once per answered request from the access log, against the peer of doing nothing
// (the same loop without it), on one thread and on four at once (the one mutex shared
// by the request threads); and one scrape's rendering of the request families after a
// day's worth of distinct series (45 route patterns, as many as the server has, eight
// statuses each).
//   build/bench/metrics_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only
// The whole server with metrics on: BENCHMARKS.md (http_bench.sh).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "metrics.h"

namespace {

using tollgate::server::RequestMetrics;

// As many route patterns as the server has (about 45), of a typical length.
std::vector<std::string> RoutePaths() {
  std::vector<std::string> paths;
  for (int i = 0; i < 45; ++i) paths.push_back("/api/area" + std::to_string(i) + "/{acn}/steps");
  return paths;
}

void BM_Peer(benchmark::State& state) {
  const auto paths = RoutePaths();
  std::size_t i = 0;
  for (auto _ : state) {
    const std::string& route = paths[i++ % paths.size()];
    benchmark::DoNotOptimize(route);
  }
}
BENCHMARK(BM_Peer)->Threads(1)->Threads(4);

RequestMetrics shared_metrics;

void BM_Observe(benchmark::State& state) {
  const auto paths = RoutePaths();
  std::size_t i = static_cast<std::size_t>(state.thread_index()) * 7;
  for (auto _ : state) {
    const std::string& route = paths[i++ % paths.size()];
    shared_metrics.Observe("GET", route, 200, 0.0021);
  }
}
BENCHMARK(BM_Observe)->Threads(1)->Threads(4);

void BM_Render(benchmark::State& state) {
  RequestMetrics metrics;
  for (const auto& path : RoutePaths()) {
    for (int status : {200, 201, 400, 401, 403, 404, 409, 422}) {
      metrics.Observe("GET", path, status, 0.003);
    }
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = metrics.Render();
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Render);

}  // namespace

BENCHMARK_MAIN();
