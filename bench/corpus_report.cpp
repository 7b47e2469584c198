#include "corpus_report.h"

#include <cstdio>

namespace tollgate::bench {
namespace {

constexpr std::size_t kGiB = std::size_t{1} << 30;

double Mib(std::size_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

void PrintLatencyLine(const char* engine, const char* kind, const LatencySummary& latency) {
  std::printf(
      "  %-10s %-9s %6zu queries %11.0f q/s   mean %9.1f us  p50 %9.1f  p99 %9.1f  max %9.1f\n",
      engine, kind, latency.count, latency.QueriesPerSecond(), latency.mean_us, latency.p50_us,
      latency.p99_us, latency.max_us);
}

void PrintLatency(const char* engine, const EngineRun& run) {
  PrintLatencyLine(engine, "all", run.latency);
  PrintLatencyLine(engine, "exact", run.exact);
  PrintLatencyLine(engine, "perturbed", run.perturbed);
  PrintLatencyLine(engine, "clean", run.clean);
  if (run.cpu.count > 0) PrintLatencyLine(engine, "all (CPU)", run.cpu);
}

void PrintRecall(const char* engine, const RecallCounts& recall) {
  std::printf("  %-10s %-18s %-18s %-18s %-18s %-18s %-18s\n", engine, recall.exact.Text().c_str(),
              recall.perturbed.Text().c_str(), recall.typo.Text().c_str(),
              recall.dropped_word.Text().c_str(), recall.reordered.Text().c_str(),
              recall.clean_alerted.Text().c_str());
}

std::size_t GrowthTo(const CorpusResult& result, std::size_t rss) {
  return rss > result.rss_before ? rss - result.rss_before : 0;
}

}  // namespace

std::string Ratio(double ours, double peer) {
  if (peer <= 0) return "-";
  const double ratio = ours / peer;
  return ratio >= 10 ? Format("%.0fx", ratio) : Format("%.2fx", ratio);
}

void PrintReport(const CorpusResult& result, const std::vector<BenchQuery>& queries) {
  const screening::IndexStats& stats = result.stats;
  std::printf(
      "index: %zu entries, %zu names, %zu tokens; built in %.2f s (%.2f s with its background "
      "build); memory_bytes %.1f MiB; RSS %.1f -> %.1f MiB (+%.1f MiB) at Index::Build's return, "
      "%.1f MiB (+%.1f MiB) once whole, peak %.1f MiB (+%.1f MiB)\n",
      stats.entries, stats.names, stats.tokens, result.build_seconds, result.whole_build_seconds,
      Mib(stats.memory_bytes), Mib(result.rss_before), Mib(result.rss_after),
      Mib(GrowthTo(result, result.rss_after)), Mib(result.rss_whole),
      Mib(GrowthTo(result, result.rss_whole)), Mib(result.rss_peak),
      Mib(GrowthTo(result, result.rss_peak)));
  std::printf("peers: %zu names (every primary name and alias as published)\n", result.table_names);
  std::printf("load average before/after the timed passes: %s / %s\n", result.load_before.c_str(),
              result.load_after.c_str());

  std::printf(
      "\nlatency, one thread: wall per query; (CPU) = thread CPU time per query; simstring: its "
      "own per-query clock() timings (CPU time)\n");
  PrintLatency("tollgate", result.tollgate);
  PrintLatency("scan", result.scan);
  PrintLatency("simstring", result.simstring);
  std::printf(
      "  simstring process: %.2f s wall, %.2f s CPU for %zu queries (process start and DB open "
      "included)\n",
      result.simstring.wall_seconds, result.simstring.cpu_seconds, result.simstring.latency.count);

  std::printf(
      "\nrecall: source entry returned (tollgate >= %.2f top %zu; scan JW >= %.2f top %zu; "
      "simstring cosine >= %.2f, all hits)\n",
      screening::kDefaultThreshold, screening::kDefaultLimit, screening::kDefaultThreshold,
      screening::kDefaultLimit, result.simstring_threshold);
  std::printf("  %-10s %-18s %-18s %-18s %-18s %-18s %-18s\n", "engine", "exact", "perturbed",
              "typo", "dropped word", "reordered", "clean alerted");
  PrintRecall("tollgate", result.tollgate.recall);
  PrintRecall("scan", result.scan.recall);
  PrintRecall("simstring", result.simstring.recall);

  std::printf("\nslowest tollgate queries (by thread CPU time):\n");
  for (const SlowQuery& slow : result.tollgate.slowest) {
    const BenchQuery& query = queries[slow.query];
    std::printf("  %9.1f us CPU %9.1f us wall  %-9s %s\n", slow.cpu_us, slow.wall_us,
                QueryKindName(query.kind), query.text.c_str());
  }
}

void AddSummaryRows(const std::string& s, const CorpusTargets& targets, const CorpusResult& result,
                    SummaryFile& summary) {
  const EngineRun& tollgate = result.tollgate;
  const double tollgate_qps = tollgate.latency.QueriesPerSecond();
  const double tollgate_cpu_qps = tollgate.cpu.QueriesPerSecond();
  const double scan_cpu_qps = result.scan.cpu.QueriesPerSecond();
  const double simstring_qps = result.simstring.latency.QueriesPerSecond();
  const double simstring_wall_qps =
      result.simstring.wall_seconds > 0
          ? static_cast<double>(result.simstring.latency.count) / result.simstring.wall_seconds
          : 0;
  const std::string memory_target = targets.memory ? "< 1024 MiB" : "";

  summary.Add(s, "entries / names (Index::Stats)",
              Format("%zu / %zu", result.stats.entries, result.stats.names));
  summary.Add(s, "index build (with its background build)",
              Format("%.2f s (%.2f s)", result.build_seconds, result.whole_build_seconds));
  summary.Add(s, "index memory_bytes", Format("%.1f MiB", Mib(result.stats.memory_bytes)),
              memory_target, result.stats.memory_bytes < kGiB);
  const std::size_t whole = GrowthTo(result, result.rss_whole);
  summary.Add(s, "RSS growth, index built whole", Format("%.1f MiB", Mib(whole)), memory_target,
              whole < kGiB);
  if (result.rss_peak > 0) {
    const std::size_t peak = GrowthTo(result, result.rss_peak);
    summary.Add(s, "RSS growth at the build's peak", Format("%.1f MiB", Mib(peak)), memory_target,
                peak < kGiB);
  }
  summary.Add(s, "load average (1/5/15 min) at end", result.load_after);
  summary.Add(s, "tollgate queries/s (1 thread, wall)",
              Format("%.0f (%zu q)", tollgate_qps, tollgate.latency.count));
  summary.Add(s, "tollgate queries/s (1 thread, CPU)", Format("%.0f", tollgate_cpu_qps));
  summary.Add(s, "tollgate mean latency (wall)", Format("%.1f us", tollgate.latency.mean_us),
              Format("<= %.0f us", targets.mean_us), tollgate.latency.mean_us <= targets.mean_us);
  summary.Add(s, "tollgate p50 latency (wall)", Format("%.1f us", tollgate.latency.p50_us));
  const std::string p99_target = targets.p99_us > 0 ? Format("<= %.0f us", targets.p99_us) : "";
  summary.Add(s, "tollgate p99 latency (wall)", Format("%.1f us", tollgate.latency.p99_us),
              p99_target, tollgate.latency.p99_us <= targets.p99_us);
  summary.Add(s, "tollgate mean latency (CPU)", Format("%.1f us", tollgate.cpu.mean_us),
              Format("<= %.0f us", targets.mean_us), tollgate.cpu.mean_us <= targets.mean_us);
  summary.Add(s, "tollgate p99 latency (CPU)", Format("%.1f us", tollgate.cpu.p99_us), p99_target,
              tollgate.cpu.p99_us <= targets.p99_us);
  summary.Add(s, "scan queries/s (first N queries, CPU)",
              Format("%.2f (%zu q)", scan_cpu_qps, result.scan.cpu.count));
  summary.Add(s, "tollgate / scan (CPU)", Ratio(tollgate_cpu_qps, scan_cpu_qps));
  // simstring times its queries with clock(), which is process CPU time.
  summary.Add(s, "simstring queries/s (own clock(), CPU)", Format("%.0f", simstring_qps));
  summary.Add(s, "simstring queries/s (process wall)", Format("%.0f", simstring_wall_qps));
  summary.Add(s, "tollgate / simstring (CPU)", Ratio(tollgate_cpu_qps, simstring_qps));
  summary.Add(s, "tollgate / simstring (wall)", Ratio(tollgate_qps, simstring_wall_qps));
  summary.Add(s, "simstring DB build", Format("%.2f s", result.simstring_build_seconds));
  summary.Add(s, "perturbed recall tollgate", tollgate.recall.perturbed.Text());
  summary.Add(s, "perturbed recall scan", result.scan.recall.perturbed.Text());
  summary.Add(s, "perturbed recall simstring", result.simstring.recall.perturbed.Text());
  summary.Add(s, "exact recall tollgate", tollgate.recall.exact.Text());
  summary.Add(s, "clean names alerted tollgate", tollgate.recall.clean_alerted.Text());
}

}  // namespace tollgate::bench
