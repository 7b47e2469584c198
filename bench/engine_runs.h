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

struct SlowQuery {
  double wall_us = 0;
  double cpu_us = 0;      // -1 when not measured (SimString)
  std::size_t query = 0;  // index into the queries passed in
};

struct EngineRun {
  // Per-query wall time (SimString: its own reported timings, which it takes with
  // clock(), i.e. CPU time), overall and by kind.
  LatencySummary latency;
  LatencySummary exact;
  LatencySummary perturbed;
  LatencySummary clean;
  // Per-query CPU time of the calling thread (empty for SimString). On a busy machine
  // wall time includes time slices lost to other processes; CPU time does not.
  LatencySummary cpu;
  double wall_seconds = 0;  // the whole pass, including what per-query timings leave out
  double cpu_seconds = 0;   // CPU used by the whole pass (SimString: its process)
  // Slowest first, by CPU time where measured: under load, wall time ranks whichever
  // queries happened to be preempted.
  std::vector<SlowQuery> slowest;
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
