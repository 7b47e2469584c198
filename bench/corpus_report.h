// What one corpus run measured, and how it is shown: the detailed report (latency by
// query kind, CPU time, recall, the slowest queries) and the summary rows with their
// targets that scripts/bench.sh collects into the final table.
//
// Thread-safety: plain data and printing; one thread.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine_runs.h"
#include "query_mix.h"
#include "summary.h"
#include "tollgate/screening/screening.h"

namespace tollgate::bench {

struct CorpusTargets {
  double mean_us = 0;
  double p99_us = 0;    // 0: no p99 target
  bool memory = false;  // index memory < 1 GiB
};

struct CorpusResult {
  screening::IndexStats stats;
  std::size_t table_names = 0;     // names the peers indexed (primary names and aliases)
  double build_seconds = 0;        // until Index::Build returns
  double whole_build_seconds = 0;  // until its background build is done too
  std::size_t rss_before = 0;
  std::size_t rss_after = 0;  // when Index::Build returns
  std::size_t rss_whole = 0;  // once the background build is done: what the index holds
  std::size_t rss_peak = 0;   // the most the process held during the build (0: unknown)
  EngineRun tollgate;
  EngineRun scan;
  EngineRun simstring;
  double simstring_build_seconds = 0;
  double simstring_threshold = 0;
  std::string load_before;  // load averages around the timed passes
  std::string load_after;
};

void PrintReport(const CorpusResult& result, const std::vector<BenchQuery>& queries);

void AddSummaryRows(const std::string& section, const CorpusTargets& targets,
                    const CorpusResult& result, SummaryFile& summary);

// "312x" for large ratios, "0.85x" for small ones, "-" when the peer measured nothing.
std::string Ratio(double ours, double peer);

}  // namespace tollgate::bench
