// Index::Screen alone, for comparing two builds of the engine: the same query mix as
// screening_bench (real lists or a generated list), no peers: one untimed pass that
// checksums every answer (entry, matched name, score and explanation of each match, in
// order), then `--passes` timed passes and the mean time per query. Two builds whose
// checksums agree gave the same answers to every query; run them alternately on a
// shared machine, as their times move with its load.
//
//   screening_ab_bench [--names=0] [--queries=6000] [--passes=5] [--seed=20261122]
//                      [--set=mix] [--lists=DIR]
//   (--names=0: every list file in DIR, by default shared/data/lists; N: a generated
//   list of N names. --set=coined: instead of the mix, the names of
//   parties_import_bench.sh's coined master (coined_master.h), the query a party
//   import makes of each party, nearly all without a match.)
//
// It is also the workload to profile: perf record or valgrind --tool=callgrind
// --toggle-collect='tollgate::screening::Index::Screen*' on it measure only queries
// once the index is built.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "bench_options.h"
#include "coined_master.h"
#include "list_corpus.h"
#include "name_generator.h"
#include "name_table.h"
#include "query_mix.h"
#include "test_paths.h"
#include "thread_cpu_time.h"
#include "tollgate/screening/screening.h"

namespace tollgate::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Folds one answer into the checksum: order, entries, names, scores and explanations.
std::uint64_t Fold(std::uint64_t sum, const std::vector<screening::Match>& matches) {
  for (const screening::Match& match : matches) {
    const std::string key = match.entry->list + '\t' + match.entry->entry_id + '\t' +
                            match.matched_name + '\t' + std::to_string(match.score) + '\t' +
                            match.explanation;
    sum = sum * 1000003 + std::hash<std::string>{}(key);
  }
  return sum * 31 + matches.size();
}

int Main(int argc, char** argv) {
  Result<BenchOptions> parsed = BenchOptions::Parse(argc, argv,
                                                    {{"lists", TOLLGATE_SHARED_DATA "/lists"},
                                                     {"names", "0"},
                                                     {"queries", "6000"},
                                                     {"passes", "5"},
                                                     {"seed", "20261122"},
                                                     {"set", "mix"}});
  if (!parsed.ok()) {
    std::fprintf(stderr, "screening_ab_bench: %s\n", parsed.error().message.c_str());
    return 2;
  }
  const BenchOptions& options = *parsed;
  std::vector<lists::ListEntry> entries;
  if (options.Number("names") == 0) {
    Result<ListCorpus> corpus = LoadListCorpus(options.Text("lists"));
    if (!corpus.ok()) {
      std::fprintf(stderr, "screening_ab_bench: %s\n", corpus.error().message.c_str());
      return 1;
    }
    entries = std::move(corpus->entries);
  } else {
    entries = GenerateEntries(options.Number("names"), options.Number("seed"));
  }
  const NameTable table = MakeNameTable(entries);
  std::vector<BenchQuery> queries;
  if (options.Text("set") == "coined") {
    for (std::string& name : CoinedPartyNames(options.Number("queries"))) {
      queries.push_back({.text = std::move(name)});
    }
  } else if (options.Text("set") == "mix") {
    queries = MakeQueryMix(table, options.Number("queries"), options.Number("seed"));
  } else {
    std::fprintf(stderr, "screening_ab_bench: --set is mix or coined, not '%s'\n",
                 options.Text("set").c_str());
    return 2;
  }
  const auto build_start = Clock::now();
  const auto index = screening::Index::Build(std::move(entries));
  const auto built = Clock::now();
  index->WaitForBackgroundBuild();
  // The skeleton index (names in Arabic script) is built after the rest, on a thread of
  // its own: how much longer it takes is what a measure of the index waits for.
  std::printf("index built in %.2f s, its skeleton index %.2f s after (wall)\n",
              std::chrono::duration<double>(built - build_start).count(),
              std::chrono::duration<double>(Clock::now() - built).count());

  const std::uint64_t passes = std::max<std::uint64_t>(1, options.Number("passes"));
  std::uint64_t checksum = 0;
  std::size_t matches = 0;
  auto screen = [&](const BenchQuery& bench_query) {
    screening::Query query;  // the defaults: threshold, limit, explanations
    query.name = bench_query.text;
    return index->Screen(query);
  };
  // An untimed first pass: the checksum, and the first touches of the index and of the
  // thread's scratch (the first query alone took 20-30 ms at 1M names).
  for (const BenchQuery& bench_query : queries) checksum = Fold(checksum, screen(bench_query));
  const auto start = Clock::now();
  const std::int64_t cpu_start = ThreadCpuNanoseconds();
  for (std::uint64_t pass = 0; pass < passes; ++pass) {
    for (const BenchQuery& bench_query : queries) matches += screen(bench_query).size();
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const double cpu_seconds = static_cast<double>(ThreadCpuNanoseconds() - cpu_start) * 1e-9;
  const double calls = static_cast<double>(passes * queries.size());
  std::printf(
      "%zu names, %zu queries x %llu passes: %.1f us a query (%.1f us CPU), %.2f matches a "
      "query, checksum %016llx\n",
      index->Stats().names, queries.size(), static_cast<unsigned long long>(passes),
      seconds * 1e6 / calls, cpu_seconds * 1e6 / calls, static_cast<double>(matches) / calls,
      static_cast<unsigned long long>(checksum));
  return 0;
}

}  // namespace
}  // namespace tollgate::bench

int main(int argc, char** argv) { return tollgate::bench::Main(argc, argv); }
