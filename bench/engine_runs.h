// One timed pass of each engine over the query mix: Tollgate's Index::Screen, the scan
// baseline and the SimString peer, each giving latency figures and recall counts in
// the same shape so the report can put them side by side.
//
// Thread-safety: each run is single-threaded; the engines are only read.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "latency.h"
#include "name_table.h"
#include "query_mix.h"
#include "recall.h"
#include "scan_baseline.h"
#include "simstring_peer.h"
#include "tollgate/common/result.h"
#include "tollgate/screening/screening.h"

namespace tollgate::bench {

struct EngineRun {
  LatencySummary latency;  // per-query timings (SimString: its own reported timings)
  LatencySummary exact;    // the same, by query kind
  LatencySummary perturbed;
  LatencySummary clean;
  double wall_seconds = 0;  // the whole pass, including what per-query timings leave out
  RecallCounts recall;
};

// Screens every query with the default threshold and limit, each timed on its own,
// after an untimed warm-up pass over the first `warmup` queries.
EngineRun RunTollgate(const screening::Index& index, const std::vector<BenchQuery>& queries,
                      const NameTable& table, std::size_t warmup);

// The scan at Jaro-Winkler >= threshold, top `limit` entries.
EngineRun RunScan(const ScanBaseline& scan, const std::vector<BenchQuery>& queries,
                  const NameTable& table, double threshold, std::size_t limit);

// All queries, folded as the database strings were, through one simstring process.
Result<EngineRun> RunSimString(const SimStringPeer& peer, const std::vector<BenchQuery>& queries,
                               const NameTable& table, double threshold);

// The strings the SimString database holds: FoldAscii of every name, in table order.
std::vector<std::string> SimStringStrings(const NameTable& table);

}  // namespace tollgate::bench
