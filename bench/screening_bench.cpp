// Screening speed, one thread: Tollgate's Index against two peers on the same names
// and the same queries in one run (DESIGN.md: "a benchmark runs the same work on a
// peer so the comparison is in one run"). Two corpora: every real list file in
// shared/data/lists (~50k names with aliases), and a generated list of 1M names.
//
//   screening_bench [--lists=DIR] [--queries=N] [--large-names=N] [--summary=FILE] ...
//
// Per-query timings are taken one query at a time (a p99 needs them), which is why
// this is a plain harness and not a Google Benchmark loop.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bench_options.h"
#include "corpus_report.h"
#include "engine_runs.h"
#include "list_corpus.h"
#include "machine_state.h"
#include "name_generator.h"
#include "subprocess.h"
#include "summary.h"
#include "test_paths.h"
#include "tollgate/screening/screening.h"

namespace tollgate::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kWarmupQueries = 500;

struct CorpusPlan {
  std::string section;  // the summary's first column
  std::string title;
  Vocabulary clean_vocabulary = Vocabulary::kRich;  // for the clean names of the mix
  std::size_t queries = 0;
  std::size_t scan_queries = 0;  // the scan runs on the first this many queries
  CorpusTargets targets;
};

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

// Builds the index (the entries move into it) and runs the three engines.
Status RunCorpus(const CorpusPlan& plan, std::vector<lists::ListEntry> entries,
                 const BenchOptions& options, const std::vector<BenchQuery>& queries,
                 const NameTable& table, CorpusResult& result) {
  result.table_names = table.names.size();
  result.rss_before = ResidentBytes();
  const bool peak_known = ResetPeakResident();
  const auto build_start = Clock::now();
  const std::shared_ptr<const screening::Index> index = screening::Index::Build(std::move(entries));
  result.build_seconds = Seconds(Clock::now() - build_start);
  result.rss_after = ResidentBytes();
  // The skeleton index may still be building on another thread: the index's memory is
  // what the process holds once it is done, as the queries below use it whole.
  index->WaitForBackgroundBuild();
  result.whole_build_seconds = Seconds(Clock::now() - build_start);
  result.rss_whole = ResidentBytes();
  if (peak_known) result.rss_peak = PeakResidentBytes();
  result.stats = index->Stats();

  result.load_before = LoadAverage();
  result.tollgate = RunTollgate(*index, queries, table, std::min(kWarmupQueries, queries.size()));

  const ScanBaseline scan(table);
  const std::vector<BenchQuery> scan_queries(
      queries.begin(),
      queries.begin() + static_cast<std::ptrdiff_t>(std::min(plan.scan_queries, queries.size())));
  result.scan =
      RunScan(scan, scan_queries, table, screening::kDefaultThreshold, screening::kDefaultLimit);

  Result<TempDir> directory = TempDir::Create("tollgate-bench-");
  if (!directory.ok()) return directory.error();
  Result<SimStringPeer> peer = SimStringPeer::Build(SimStringStrings(table), directory->path());
  if (!peer.ok()) return peer.error();
  result.simstring_build_seconds = peer->build_seconds();
  result.simstring_threshold = options.Real("simstring-threshold");
  Result<EngineRun> simstring = RunSimString(*peer, queries, table, result.simstring_threshold);
  if (!simstring.ok()) return simstring.error();
  result.simstring = std::move(*simstring);
  result.load_after = LoadAverage();
  return {};
}

Status BenchCorpus(const CorpusPlan& plan, std::vector<lists::ListEntry> entries,
                   const BenchOptions& options, SummaryFile& summary) {
  std::printf("\n== %s ==\n", plan.title.c_str());
  std::fflush(stdout);
  const NameTable table = MakeNameTable(entries);
  const std::vector<BenchQuery> queries =
      MakeQueryMix(table, plan.queries, options.Number("seed"), plan.clean_vocabulary);
  CorpusResult result;
  if (Status done = RunCorpus(plan, std::move(entries), options, queries, table, result); !done) {
    return done;
  }
  PrintReport(result, queries);
  std::printf("\nsummary (%s)\n", plan.section.c_str());
  AddSummaryRows(plan.section, plan.targets, result, summary);
  std::fflush(stdout);
  return {};
}

int Fail(const Error& error) {
  std::fprintf(stderr, "screening_bench: %s\n", error.message.c_str());
  return error.code == ErrorCode::kInvalidArgument ? 2 : 1;
}

int Main(int argc, char** argv) {
  Result<BenchOptions> parsed = BenchOptions::Parse(argc, argv,
                                                    {{"lists", TOLLGATE_SHARED_DATA "/lists"},
                                                     {"queries", "6000"},
                                                     {"scan-queries", "90"},
                                                     {"large-names", "1000000"},
                                                     {"large-queries", "3000"},
                                                     {"large-scan-queries", "15"},
                                                     {"large-vocabulary", "rich"},
                                                     {"seed", "20261122"},
                                                     {"simstring-threshold", "0.7"},
                                                     {"summary", ""}});
  if (!parsed.ok()) return Fail(parsed.error());
  const BenchOptions& options = *parsed;
  SummaryFile summary(options.Text("summary"));

  const auto load_start = Clock::now();
  Result<ListCorpus> corpus = LoadListCorpus(options.Text("lists"));
  if (!corpus.ok()) return Fail(corpus.error());
  std::printf("read %zu list entries from %s in %.2f s:\n", corpus->entries.size(),
              options.Text("lists").c_str(), Seconds(Clock::now() - load_start));
  for (const CorpusFile& file : corpus->files) {
    std::printf("  %-34s %-30s %6zu entries\n", file.file.c_str(), file.format.c_str(),
                file.entries);
  }

  const CorpusPlan lists{"lists",
                         "all lists in " + options.Text("lists"),
                         Vocabulary::kRich,
                         options.Number("queries"),
                         options.Number("scan-queries"),
                         CorpusTargets{20, 100, false}};
  if (Status done = BenchCorpus(lists, std::move(corpus->entries), options, summary); !done) {
    return Fail(done.error());
  }

  const std::size_t large_names = options.Number("large-names");
  if (large_names == 0) return 0;
  const std::optional<Vocabulary> vocabulary = ParseVocabulary(options.Text("large-vocabulary"));
  if (!vocabulary) {
    return Fail(MakeError(ErrorCode::kInvalidArgument, "--large-vocabulary is rich or pools"));
  }
  const auto generate_start = Clock::now();
  std::vector<lists::ListEntry> generated =
      GenerateEntries(large_names, options.Number("seed"), *vocabulary);
  std::printf("\ngenerated %zu distinct names in %.2f s\n", generated.size(),
              Seconds(Clock::now() - generate_start));
  const CorpusPlan large{"generated",
                         Format("generated list of %zu names (%s vocabulary)", large_names,
                                options.Text("large-vocabulary").c_str()),
                         *vocabulary,
                         options.Number("large-queries"),
                         options.Number("large-scan-queries"),
                         CorpusTargets{100, 0, true}};
  if (Status done = BenchCorpus(large, std::move(generated), options, summary); !done) {
    return Fail(done.error());
  }
  return 0;
}

}  // namespace
}  // namespace tollgate::bench

int main(int argc, char** argv) { return tollgate::bench::Main(argc, argv); }
