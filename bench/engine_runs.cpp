#include "engine_runs.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "name_text.h"
#include "thread_cpu_time.h"

namespace tollgate::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kSlowest = 10;

std::int64_t Nanoseconds(Clock::duration duration) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(duration).count();
}

// Per-query timings, overall and by query kind.
class Timings {
 public:
  explicit Timings(std::size_t expected) {
    all_.reserve(expected);
    cpu_.reserve(expected);
  }
  void Add(const BenchQuery& query, std::int64_t wall_ns, std::int64_t cpu_ns) {
    slow_.push_back({static_cast<double>(wall_ns) / 1000.0,
                     cpu_ns >= 0 ? static_cast<double>(cpu_ns) / 1000.0 : -1, slow_.size()});
    all_.push_back(wall_ns);
    if (cpu_ns >= 0) cpu_.push_back(cpu_ns);
    by_kind_[static_cast<std::size_t>(query.kind)].push_back(wall_ns);
  }
  void SummarizeInto(EngineRun& run) {
    const std::size_t keep = std::min(kSlowest, slow_.size());
    std::partial_sort(slow_.begin(), slow_.begin() + static_cast<std::ptrdiff_t>(keep), slow_.end(),
                      [](const SlowQuery& a, const SlowQuery& b) {
                        return a.cpu_us != b.cpu_us ? a.cpu_us > b.cpu_us : a.wall_us > b.wall_us;
                      });
    run.slowest.assign(slow_.begin(), slow_.begin() + static_cast<std::ptrdiff_t>(keep));
    run.exact = Summarize(std::move(by_kind_[static_cast<std::size_t>(QueryKind::kExact)]));
    run.perturbed = Summarize(std::move(by_kind_[static_cast<std::size_t>(QueryKind::kPerturbed)]));
    run.clean = Summarize(std::move(by_kind_[static_cast<std::size_t>(QueryKind::kClean)]));
    run.latency = Summarize(std::move(all_));
    run.cpu = Summarize(std::move(cpu_));
  }

 private:
  std::vector<SlowQuery> slow_;
  std::vector<std::int64_t> all_;
  std::vector<std::int64_t> cpu_;
  std::vector<std::int64_t> by_kind_[3];
};

bool IsSource(const NameTable& table, const BenchQuery& query, const std::string& key) {
  return query.source_entry >= 0 &&
         table.entry_keys[static_cast<std::size_t>(query.source_entry)] == key;
}

// Times `screen` on each query, wall and thread CPU; `screen` returns the entry keys
// it found, which decide recall. Key lookups happen outside the timed region.
template <typename Screen>
EngineRun TimedPass(const std::vector<BenchQuery>& queries, const NameTable& table, Screen screen) {
  EngineRun run;
  Timings timings(queries.size());
  const auto pass_start = Clock::now();
  const std::int64_t pass_cpu_start = ThreadCpuNanoseconds();
  for (const BenchQuery& query : queries) {
    const std::int64_t cpu_start = ThreadCpuNanoseconds();
    const auto start = Clock::now();
    auto results = screen(query);
    const auto end = Clock::now();
    const std::int64_t cpu_end = ThreadCpuNanoseconds();
    timings.Add(query, Nanoseconds(end - start), cpu_end - cpu_start);
    bool found = false;
    for (const std::string& key : results.Keys()) found = found || IsSource(table, query, key);
    run.recall.Add(query, found, !results.Empty());
  }
  run.cpu_seconds = static_cast<double>(ThreadCpuNanoseconds() - pass_cpu_start) / 1e9;
  run.wall_seconds = std::chrono::duration<double>(Clock::now() - pass_start).count();
  timings.SummarizeInto(run);
  return run;
}

// Adapters giving both engines' results the Keys()/Empty() shape TimedPass reads.
struct TollgateResults {
  std::vector<screening::Match> matches;
  std::vector<std::string> Keys() const {
    std::vector<std::string> keys;
    for (const screening::Match& match : matches) {
      if (match.entry != nullptr) keys.push_back(EntryKey(*match.entry));
    }
    return keys;
  }
  bool Empty() const { return matches.empty(); }
};

struct ScanResults {
  const NameTable* table = nullptr;
  std::vector<ScanHit> hits;
  std::vector<std::string> Keys() const {
    std::vector<std::string> keys;
    for (const ScanHit& hit : hits) keys.push_back(table->entry_keys[hit.entry]);
    return keys;
  }
  bool Empty() const { return hits.empty(); }
};

}  // namespace

EngineRun RunTollgate(const screening::Index& index, const std::vector<BenchQuery>& queries,
                      const NameTable& table, std::size_t warmup) {
  for (std::size_t i = 0; i < warmup && i < queries.size(); ++i) {
    screening::Query query;
    query.name = queries[i].text;
    (void)index.Screen(query);
  }
  return TimedPass(queries, table, [&index](const BenchQuery& bench_query) {
    screening::Query query;
    query.name = bench_query.text;
    return TollgateResults{index.Screen(query)};
  });
}

EngineRun RunScan(const ScanBaseline& scan, const std::vector<BenchQuery>& queries,
                  const NameTable& table, double threshold, std::size_t limit) {
  return TimedPass(queries, table, [&](const BenchQuery& query) {
    return ScanResults{&table, scan.Search(query.text, threshold, limit)};
  });
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
  run.cpu_seconds = result->cpu_seconds;
  Timings timings(queries.size());
  for (std::size_t q = 0; q < queries.size(); ++q) {
    timings.Add(queries[q], static_cast<std::int64_t>(result->query_seconds[q] * 1e9), -1);
    bool found = false;
    for (const std::string& hit : result->results[q]) {
      const auto it = entries_of.find(hit);
      if (it == entries_of.end()) continue;
      for (std::uint32_t entry : it->second) {
        found = found || IsSource(table, queries[q], table.entry_keys[entry]);
      }
    }
    run.recall.Add(queries[q], found, !result->results[q].empty());
  }
  timings.SummarizeInto(run);
  return run;
}

}  // namespace tollgate::bench
