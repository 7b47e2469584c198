#include "engine_runs.h"

#include <chrono>
#include <cstdint>
#include <unordered_map>

#include "name_text.h"

namespace tollgate::bench {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t Nanoseconds(Clock::duration duration) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(duration).count();
}

// Per-query timings, overall and by query kind.
class Timings {
 public:
  explicit Timings(std::size_t expected) { all_.reserve(expected); }
  void Add(const BenchQuery& query, std::int64_t nanoseconds) {
    all_.push_back(nanoseconds);
    by_kind_[static_cast<std::size_t>(query.kind)].push_back(nanoseconds);
  }
  void SummarizeInto(EngineRun& run) {
    run.exact = Summarize(std::move(by_kind_[static_cast<std::size_t>(QueryKind::kExact)]));
    run.perturbed = Summarize(std::move(by_kind_[static_cast<std::size_t>(QueryKind::kPerturbed)]));
    run.clean = Summarize(std::move(by_kind_[static_cast<std::size_t>(QueryKind::kClean)]));
    run.latency = Summarize(std::move(all_));
  }

 private:
  std::vector<std::int64_t> all_;
  std::vector<std::int64_t> by_kind_[3];
};

bool IsSource(const NameTable& table, const BenchQuery& query, const std::string& key) {
  return query.source_entry >= 0 &&
         table.entry_keys[static_cast<std::size_t>(query.source_entry)] == key;
}

}  // namespace

EngineRun RunTollgate(const screening::Index& index, const std::vector<BenchQuery>& queries,
                      const NameTable& table, std::size_t warmup) {
  for (std::size_t i = 0; i < warmup && i < queries.size(); ++i) {
    screening::Query query;
    query.name = queries[i].text;
    (void)index.Screen(query);
  }
  EngineRun run;
  Timings timings(queries.size());
  const auto pass_start = Clock::now();
  for (const BenchQuery& bench_query : queries) {
    screening::Query query;
    query.name = bench_query.text;
    const auto start = Clock::now();
    const std::vector<screening::Match> matches = index.Screen(query);
    timings.Add(bench_query, Nanoseconds(Clock::now() - start));
    bool found = false;
    for (const screening::Match& match : matches) {
      if (match.entry != nullptr && IsSource(table, bench_query, EntryKey(*match.entry))) {
        found = true;
      }
    }
    run.recall.Add(bench_query, found, !matches.empty());
  }
  run.wall_seconds = std::chrono::duration<double>(Clock::now() - pass_start).count();
  timings.SummarizeInto(run);
  return run;
}

EngineRun RunScan(const ScanBaseline& scan, const std::vector<BenchQuery>& queries,
                  const NameTable& table, double threshold, std::size_t limit) {
  EngineRun run;
  Timings timings(queries.size());
  const auto pass_start = Clock::now();
  for (const BenchQuery& query : queries) {
    const auto start = Clock::now();
    const std::vector<ScanHit> hits = scan.Search(query.text, threshold, limit);
    timings.Add(query, Nanoseconds(Clock::now() - start));
    bool found = false;
    for (const ScanHit& hit : hits) {
      if (IsSource(table, query, table.entry_keys[hit.entry])) found = true;
    }
    run.recall.Add(query, found, !hits.empty());
  }
  run.wall_seconds = std::chrono::duration<double>(Clock::now() - pass_start).count();
  timings.SummarizeInto(run);
  return run;
}

std::vector<std::string> SimStringStrings(const NameTable& table) {
  std::vector<std::string> strings;
  strings.reserve(table.names.size());
  for (const std::string& name : table.names) strings.push_back(FoldAscii(name));
  return strings;
}

Result<EngineRun> RunSimString(const SimStringPeer& peer, const std::vector<BenchQuery>& queries,
                               const NameTable& table, double threshold) {
  std::vector<std::string> folded;
  folded.reserve(queries.size());
  for (const BenchQuery& query : queries) folded.push_back(FoldAscii(query.text));
  Result<SimStringRun> result = peer.Query(folded, threshold);
  if (!result.ok()) return result.error();

  // SimString answers with strings; a string is a hit for every entry that has it.
  std::unordered_map<std::string, std::vector<std::uint32_t>> entries_of;
  entries_of.reserve(table.names.size());
  for (std::size_t i = 0; i < table.names.size(); ++i) {
    entries_of[FoldAscii(table.names[i])].push_back(table.entry_of[i]);
  }

  EngineRun run;
  run.wall_seconds = result->wall_seconds;
  Timings timings(queries.size());
  for (std::size_t q = 0; q < queries.size(); ++q) {
    timings.Add(queries[q], static_cast<std::int64_t>(result->query_seconds[q] * 1e9));
    bool found = false;
    for (const std::string& hit : result->results[q]) {
      const auto it = entries_of.find(hit);
      if (it == entries_of.end()) continue;
      for (std::uint32_t entry : it->second) {
        if (IsSource(table, queries[q], table.entry_keys[entry])) found = true;
      }
    }
    run.recall.Add(queries[q], found, !result->results[q].empty());
  }
  timings.SummarizeInto(run);
  return run;
}

}  // namespace tollgate::bench
