// Screening speed, one thread: Tollgate's Index against two peers on the same names
// and the same queries in one run (DESIGN.md: "a benchmark runs the same work on a
// peer so the comparison is in one run"). Two corpora: every real list file in
// shared/data/lists (~50k names), and a generated list of 1M names.
//
//   screening_bench [--lists=DIR] [--queries=N] [--large-names=N] [--summary=FILE] ...
//
// Per-query timings are taken one query at a time (a p99 needs them), which is why
// this is a plain harness and not a Google Benchmark loop.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench_options.h"
#include "engine_runs.h"
#include "list_corpus.h"
#include "name_generator.h"
#include "process_memory.h"
#include "subprocess.h"
#include "summary.h"
#include "tollgate/screening/screening.h"

namespace tollgate::bench {
namespace {

using Clock = std::chrono::steady_clock;

// The scan peer's cut-off and result size, chosen to mirror the engine's defaults.
constexpr double kScanThreshold = screening::kDefaultThreshold;
constexpr std::size_t kScanLimit = screening::kDefaultLimit;
constexpr std::size_t kWarmupQueries = 500;

struct CorpusPlan {
  std::string section;  // "lists" or "1M", the summary's first column
  std::string title;
  std::size_t queries = 0;
  std::size_t scan_queries = 0;
  double mean_target_us = 0;
  double p99_target_us = 0;  // 0: no p99 target
  bool memory_target = false;
};

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

// "312x" for large ratios, "0.85x" for small ones, "-" when the peer measured nothing.
std::string Ratio(double ours, double peer) {
  if (peer <= 0) return "-";
  const double ratio = ours / peer;
  return ratio >= 10 ? Format("%.0fx", ratio) : Format("%.2fx", ratio);
}

double Mib(std::size_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

void PrintLatency(const char* engine, const EngineRun& run) {
  auto line = [engine](const char* kind, const LatencySummary& latency) {
    std::printf(
        "  %-10s %-9s %6zu queries %11.0f q/s   mean %9.1f us  p50 %9.1f  p99 %9.1f  max %9.1f\n",
        engine, kind, latency.count, latency.QueriesPerSecond(), latency.mean_us, latency.p50_us,
        latency.p99_us, latency.max_us);
  };
  line("all", run.latency);
  line("exact", run.exact);
  line("perturbed", run.perturbed);
  line("clean", run.clean);
}

void PrintRecall(const char* engine, const RecallCounts& recall) {
  std::printf("  %-10s %-18s %-18s %-18s %-18s %-18s %-18s\n", engine, recall.exact.Text().c_str(),
              recall.perturbed.Text().c_str(), recall.typo.Text().c_str(),
              recall.dropped_word.Text().c_str(), recall.reordered.Text().c_str(),
              recall.clean_alerted.Text().c_str());
}

// Runs everything for one corpus; the entries move into the index.
Status BenchCorpus(const CorpusPlan& plan, std::vector<lists::ListEntry> entries,
                   const BenchOptions& options, SummaryFile& summary) {
  std::printf("\n== %s ==\n", plan.title.c_str());
  const NameTable table = MakeNameTable(entries);
  const std::vector<BenchQuery> queries = MakeQueryMix(table, plan.queries, options.Number("seed"));

  const std::size_t rss_before = ResidentBytes();
  const auto build_start = Clock::now();
  const std::shared_ptr<const screening::Index> index = screening::Index::Build(std::move(entries));
  const double build_seconds = Seconds(Clock::now() - build_start);
  const std::size_t rss_after = ResidentBytes();
  const screening::IndexStats stats = index->Stats();
  const std::size_t rss_growth = rss_after > rss_before ? rss_after - rss_before : 0;
  std::printf(
      "index: %zu entries, %zu names, %zu tokens; built in %.2f s; memory_bytes %.1f MiB; "
      "RSS %.1f -> %.1f MiB (+%.1f MiB)\n",
      stats.entries, stats.names, stats.tokens, build_seconds, Mib(stats.memory_bytes),
      Mib(rss_before), Mib(rss_after), Mib(rss_growth));

  const EngineRun tollgate =
      RunTollgate(*index, queries, table, std::min(kWarmupQueries, queries.size()));

  std::printf("scan baseline: token-sorting %zu names...\n", table.names.size());
  const ScanBaseline scan(table);
  const std::vector<BenchQuery> scan_queries(
      queries.begin(),
      queries.begin() + static_cast<std::ptrdiff_t>(std::min(plan.scan_queries, queries.size())));
  const EngineRun scan_run = RunScan(scan, scan_queries, table, kScanThreshold, kScanLimit);

  Result<TempDir> directory = TempDir::Create("tollgate-bench-");
  if (!directory.ok()) return directory.error();
  std::printf("simstring: building a database of %zu names...\n", table.names.size());
  Result<SimStringPeer> peer = SimStringPeer::Build(SimStringStrings(table), directory->path());
  if (!peer.ok()) return peer.error();
  const double simstring_threshold = options.Real("simstring-threshold");
  Result<EngineRun> simstring = RunSimString(*peer, queries, table, simstring_threshold);
  if (!simstring.ok()) return simstring.error();

  std::printf(
      "\nlatency, one thread (simstring: its own per-query timings; wall %.2f s for %zu "
      "queries incl. process start and DB open)\n",
      simstring->wall_seconds, queries.size());
  PrintLatency("tollgate", tollgate);
  PrintLatency("scan", scan_run);
  PrintLatency("simstring", *simstring);
  std::printf(
      "\nrecall: source entry returned (tollgate >= %.2f top %zu; scan JW >= %.2f top %zu; "
      "simstring cosine >= %.2f, all hits)\n",
      screening::kDefaultThreshold, screening::kDefaultLimit, kScanThreshold, kScanLimit,
      simstring_threshold);
  std::printf("  %-10s %-18s %-18s %-18s %-18s %-18s %-18s\n", "engine", "exact", "perturbed",
              "typo", "dropped word", "reordered", "clean alerted");
  PrintRecall("tollgate", tollgate.recall);
  PrintRecall("scan", scan_run.recall);
  PrintRecall("simstring", simstring->recall);

  const double tollgate_qps = tollgate.latency.QueriesPerSecond();
  const double scan_qps = scan_run.latency.QueriesPerSecond();
  const double simstring_qps = simstring->latency.QueriesPerSecond();
  const double simstring_wall_qps =
      simstring->wall_seconds > 0 ? queries.size() / simstring->wall_seconds : 0;

  std::printf("\nsummary (%s)\n", plan.section.c_str());
  const std::string& s = plan.section;
  summary.Add(s, "entries / names (Index::Stats)", Format("%zu / %zu", stats.entries, stats.names));
  summary.Add(s, "index build", Format("%.2f s", build_seconds));
  summary.Add(s, "index memory_bytes", Format("%.1f MiB", Mib(stats.memory_bytes)),
              plan.memory_target ? "< 1024 MiB" : "", stats.memory_bytes < (std::size_t{1} << 30));
  summary.Add(s, "RSS growth around Index::Build", Format("%.1f MiB", Mib(rss_growth)),
              plan.memory_target ? "< 1024 MiB" : "", rss_growth < (std::size_t{1} << 30));
  summary.Add(s, "tollgate queries/s (1 thread)",
              Format("%.0f (%zu q)", tollgate_qps, tollgate.latency.count));
  summary.Add(s, "tollgate mean latency", Format("%.1f us", tollgate.latency.mean_us),
              Format("<= %.0f us", plan.mean_target_us),
              tollgate.latency.mean_us <= plan.mean_target_us);
  summary.Add(s, "tollgate p50 latency", Format("%.1f us", tollgate.latency.p50_us));
  summary.Add(s, "tollgate p99 latency", Format("%.1f us", tollgate.latency.p99_us),
              plan.p99_target_us > 0 ? Format("<= %.0f us", plan.p99_target_us) : "",
              tollgate.latency.p99_us <= plan.p99_target_us);
  summary.Add(s, "scan queries/s (first N queries)",
              Format("%.1f (%zu q)", scan_qps, scan_run.latency.count));
  summary.Add(s, "tollgate / scan", Ratio(tollgate_qps, scan_qps));
  summary.Add(s, "simstring queries/s (own timing)", Format("%.0f", simstring_qps));
  summary.Add(s, "simstring queries/s (wall, process)", Format("%.0f", simstring_wall_qps));
  summary.Add(s, "tollgate / simstring (own timing)", Ratio(tollgate_qps, simstring_qps));
  summary.Add(s, "simstring DB build", Format("%.2f s", peer->build_seconds()));
  summary.Add(s, "perturbed recall tollgate", tollgate.recall.perturbed.Text());
  summary.Add(s, "perturbed recall scan", scan_run.recall.perturbed.Text());
  summary.Add(s, "perturbed recall simstring", simstring->recall.perturbed.Text());
  summary.Add(s, "exact recall tollgate", tollgate.recall.exact.Text());
  summary.Add(s, "clean names alerted tollgate", tollgate.recall.clean_alerted.Text());
  return {};
}

int Main(int argc, char** argv) {
  Result<BenchOptions> parsed = BenchOptions::Parse(argc, argv,
                                                    {{"lists", TOLLGATE_SHARED_DATA "/lists"},
                                                     {"queries", "6000"},
                                                     {"scan-queries", "150"},
                                                     {"large-names", "1000000"},
                                                     {"large-queries", "3000"},
                                                     {"large-scan-queries", "15"},
                                                     {"seed", "20261122"},
                                                     {"simstring-threshold", "0.7"},
                                                     {"summary", ""}});
  if (!parsed.ok()) {
    std::fprintf(stderr, "screening_bench: %s\n", parsed.error().message.c_str());
    return 2;
  }
  const BenchOptions& options = *parsed;
  SummaryFile summary(options.Text("summary"));

  const auto load_start = Clock::now();
  Result<ListCorpus> corpus = LoadListCorpus(options.Text("lists"));
  if (!corpus.ok()) {
    std::fprintf(stderr, "screening_bench: %s\n", corpus.error().message.c_str());
    return 1;
  }
  std::printf("read %zu list entries from %s in %.2f s:\n", corpus->entries.size(),
              options.Text("lists").c_str(), Seconds(Clock::now() - load_start));
  for (const CorpusFile& file : corpus->files) {
    std::printf("  %-34s %-30s %6zu entries\n", file.file.c_str(), file.format.c_str(),
                file.entries);
  }

  const CorpusPlan lists{"lists",
                         "all lists in " + options.Text("lists"),
                         options.Number("queries"),
                         options.Number("scan-queries"),
                         20,
                         100,
                         false};
  if (Status done = BenchCorpus(lists, std::move(corpus->entries), options, summary); !done) {
    std::fprintf(stderr, "screening_bench: %s\n", done.error().message.c_str());
    return 1;
  }

  const std::size_t large_names = options.Number("large-names");
  if (large_names == 0) return 0;
  const auto generate_start = Clock::now();
  std::vector<lists::ListEntry> generated = GenerateEntries(large_names, options.Number("seed"));
  std::printf("\ngenerated %zu distinct names in %.2f s\n", generated.size(),
              Seconds(Clock::now() - generate_start));
  const CorpusPlan large{"generated",
                         Format("generated list of %zu names", large_names),
                         options.Number("large-queries"),
                         options.Number("large-scan-queries"),
                         100,
                         0,
                         true};
  if (Status done = BenchCorpus(large, std::move(generated), options, summary); !done) {
    std::fprintf(stderr, "screening_bench: %s\n", done.error().message.c_str());
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace tollgate::bench

int main(int argc, char** argv) { return tollgate::bench::Main(argc, argv); }
