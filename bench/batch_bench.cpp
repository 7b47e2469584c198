// Batch screening throughput: screening::ScreenBatch over 100k+ queries against the
// index of every real list file, on 2 threads (the machine's cores) and on 1 for the
// ratio. Google Benchmark times each batch (wall and whole-process CPU); the rows for
// the `make bench` summary are taken from its results by a reporter.
//
//   batch_bench [--lists=DIR] [--batch-queries=N] [--seed=N] [--summary=FILE]
//               [--benchmark_* flags]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bench_options.h"
#include "list_corpus.h"
#include "machine_state.h"
#include "name_table.h"
#include "query_mix.h"
#include "summary.h"
#include "test_paths.h"
#include "tollgate/screening/batch.h"
#include "tollgate/screening/screening.h"

namespace tollgate::bench {
namespace {

constexpr double kTargetNamesPerSecond = 100'000;

// Prints as the console reporter does and keeps names/s and CPU time per benchmark.
class CapturingReporter : public benchmark::ConsoleReporter {
 public:
  // No colour codes: the output is read in logs and pasted into BENCHMARKS.md.
  CapturingReporter() : ConsoleReporter(OO_Tabular) {}

  struct Figures {
    double names_per_second = 0;
    double wall_seconds = 0;
    double cpu_seconds = 0;  // whole process: every worker thread
  };

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.error_occurred || run.run_type != Run::RT_Iteration || run.iterations == 0) continue;
      // The registered name, without the "/iterations:1/real_time" suffixes.
      Figures& figures = figures_[run.run_name.function_name];
      const auto rate = run.counters.find("items_per_second");
      if (rate != run.counters.end()) figures.names_per_second = rate->second.value;
      const double iterations = static_cast<double>(run.iterations);
      figures.wall_seconds = run.real_accumulated_time / iterations;
      figures.cpu_seconds = run.cpu_accumulated_time / iterations;
    }
  }

  const Figures* Find(const std::string& name) const {
    const auto it = figures_.find(name);
    return it == figures_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, Figures> figures_;
};

std::string BenchmarkName(unsigned threads) {
  return "ScreenBatch/threads:" + std::to_string(threads);
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "batch_bench: %s\n", message.c_str());
  return 1;
}

int Main(int argc, char** argv) {
  // Google Benchmark's own flags go to it; the rest are ours.
  std::vector<char*> ours{argv[0]};
  std::vector<char*> theirs{argv[0]};
  for (int i = 1; i < argc; ++i) {
    (std::string_view(argv[i]).starts_with("--benchmark_") ? theirs : ours).push_back(argv[i]);
  }
  Result<BenchOptions> parsed = BenchOptions::Parse(static_cast<int>(ours.size()), ours.data(),
                                                    {{"lists", TOLLGATE_SHARED_DATA "/lists"},
                                                     {"batch-queries", "120000"},
                                                     {"seed", "20261122"},
                                                     {"summary", ""}});
  if (!parsed.ok()) return Fail(parsed.error().message);
  const BenchOptions& options = *parsed;
  int their_argc = static_cast<int>(theirs.size());
  benchmark::Initialize(&their_argc, theirs.data());

  Result<ListCorpus> corpus = LoadListCorpus(options.Text("lists"));
  if (!corpus.ok()) return Fail(corpus.error().message);
  const NameTable table = MakeNameTable(corpus->entries);
  std::vector<screening::Query> queries;
  for (BenchQuery& query :
       MakeQueryMix(table, options.Number("batch-queries"), options.Number("seed"))) {
    screening::Query screening_query;
    screening_query.name = std::move(query.text);
    screening_query.explain = false;  // as `tollgate screen --batch` asks
    queries.push_back(std::move(screening_query));
  }
  const std::shared_ptr<const screening::Index> index =
      screening::Index::Build(std::move(corpus->entries));
  const screening::IndexStats stats = index->Stats();
  std::printf(
      "batch: %zu queries (exact, perturbed, clean in thirds) against %zu entries, %zu names\n",
      queries.size(), stats.entries, stats.names);
  std::fflush(stdout);

  for (unsigned threads : {1u, 2u}) {
    benchmark::RegisterBenchmark(
        BenchmarkName(threads).c_str(),
        [&index, &queries, threads](benchmark::State& state) {
          screening::BatchOptions batch;
          batch.threads = threads;
          for (auto _ : state) {
            auto results = screening::ScreenBatch(*index, queries, batch);
            benchmark::DoNotOptimize(results.data());
          }
          state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(queries.size()));
        })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MeasureProcessCPUTime()
        ->Iterations(1);
  }
  CapturingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  const CapturingReporter::Figures* one = reporter.Find(BenchmarkName(1));
  const CapturingReporter::Figures* two = reporter.Find(BenchmarkName(2));
  if (one == nullptr || two == nullptr) return 0;  // filtered out by --benchmark_filter
  SummaryFile summary(options.Text("summary"));
  std::printf("\nsummary (batch)\n");
  const std::string section = "batch";
  summary.Add(section, "queries per batch", Format("%zu", queries.size()));
  summary.Add(section, "ScreenBatch names/s, 2 threads", Format("%.0f", two->names_per_second),
              Format(">= %.0f", kTargetNamesPerSecond),
              two->names_per_second >= kTargetNamesPerSecond);
  summary.Add(section, "ScreenBatch names/s, 1 thread", Format("%.0f", one->names_per_second));
  summary.Add(
      section, "2 threads / 1 thread",
      Format("%.2fx",
             one->names_per_second > 0 ? two->names_per_second / one->names_per_second : 0));
  summary.Add(section, "CPU seconds per batch, 1 / 2 threads",
              Format("%.1f / %.1f s", one->cpu_seconds, two->cpu_seconds));
  summary.Add(section, "names per CPU second, 2 threads",
              Format("%.0f", two->cpu_seconds > 0 ? queries.size() / two->cpu_seconds : 0));
  summary.Add(section, "load average (1/5/15 min) at end", LoadAverage());
  return 0;
}

}  // namespace
}  // namespace tollgate::bench

int main(int argc, char** argv) { return tollgate::bench::Main(argc, argv); }
