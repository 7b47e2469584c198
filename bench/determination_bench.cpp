// Determinations per second in-process: the Engine over every list file in
// ../shared/data/lists imported into a SQLite store (the latest version of each feed in
// force on the transaction date), three parties per transaction, one or two items, a
// mix of destinations, activities and party names (mostly clean, some listed).
//
//   build/bench/determination_bench [--benchmark_filter=...]
//
// The index is built once per version set (Engine caching), before timing starts; what
// is timed is Engine::Determine (validation, screening of three parties, rules,
// authorizations, trace) and, separately, the same plus the JSON the CLI prints.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>

#include "test_paths.h"
#include "tollgate/lists/import.h"
#include "tollgate/rules/engine.h"

namespace {

namespace fs = std::filesystem;
using namespace tollgate;

// Each file with the date from which it is in force (from its name or PROVENANCE.md).
struct ListFile {
  const char* name;
  const char* as_of;
};
constexpr ListFile kListFiles[] = {
    {"state_dtc_debarred_2018-01-24.csv", "2018-01-24"},
    {"state_isn_2019.csv", "2019-01-01"},
    {"csl_sample_2019.csv", "2019-06-01"},
    {"ofac_sdn_2021-07.csv", "2021-07-01"},
    {"bis_dpl_2022-09.txt", "2022-09-01"},
    {"ofac_sdn_2024-05-01.csv", "2024-05-01"},
    {"ofac_sdn_2024-05-03.csv", "2024-05-03"},
    {"csl_sample_2025.csv", "2025-01-01"},
    {"ofac_cons_prim_2025-12.csv", "2025-12-01"},
    {"un_consolidated_2026-02.xml", "2026-02-27"},
};
constexpr const char* kDate = "2026-03-02";

fs::path RulesDir() {
  if (const char* env = std::getenv("TOLLGATE_RULES"); env != nullptr && *env != '\0') return env;
  // The source tree's path comes from CMake: __FILE__ may be relative to the build
  // directory (ccache's base_dir rewrites it), which breaks runs from anywhere else.
  return fs::path(TOLLGATE_SOURCE_DIR) / "data" / "rules";
}

struct World {
  fs::path dir;
  std::unique_ptr<storage::Store> store;
  std::unique_ptr<rules::Engine> engine;
  std::vector<rules::Transaction> transactions;
  std::size_t entries_in_force = 0;

  World() {
    dir =
        fs::temp_directory_path() / ("tollgate-determination-bench-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    store = Must(storage::OpenStore((dir / "bench.db").string()));
    for (const auto& file : kListFiles) {
      lists::ImportOptions options;
      options.as_of = *Date::Parse(file.as_of);
      options.primary_only = true;  // the 2024 SDN files come without alt and add files
      Must(lists::ImportListFile(*store, fs::path(TOLLGATE_SHARED_DATA) / "lists" / file.name,
                                 options));
    }
    auto rule_set = Must(rules::LoadRules(RulesDir()));
    engine = std::make_unique<rules::Engine>(
        std::make_shared<const rules::RuleSet>(std::move(rule_set)), *store);
    auto in_force = Must(lists::EntriesInForce(*store, *Date::Parse(kDate)));
    entries_in_force = in_force.size();
    MakeTransactions(in_force);
    // Build the index (and resolve the date) before anything is timed.
    Must(engine->Determine(transactions.front()));
  }
  ~World() {
    engine.reset();
    store.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  template <typename T>
  static T Must(Result<T> result) {
    if (!result.ok()) {
      std::cerr << "determination_bench: " << result.error().message << "\n";
      std::exit(1);
    }
    return std::move(result).value();
  }

  // 1,000 transactions, fixed seed: 90% of party names made of ordinary company words,
  // 10% the names of entries in force (so screening finds, scores and explains hits).
  void MakeTransactions(const std::vector<lists::ListEntry>& listed) {
    static const char* kFirst[] = {"Shenzhen", "Global",     "Pacific",     "Nordic",
                                   "Apex",     "Blue River", "Golden Gate", "Sunrise",
                                   "Delta",    "Orion",      "Harbor",      "Summit"};
    static const char* kSecond[] = {"Garden Tools",   "Precision Parts", "Logistics",
                                    "Textiles",       "Semiconductor",   "Software",
                                    "Medical Supply", "Foods",           "Instruments",
                                    "Packaging",      "Optics",          "Machinery"};
    static const char* kForm[] = {"Co., Ltd.", "GmbH", "Inc.", "LLC", "S.A.", "Limited", "KK"};
    static const char* kEccns[] = {"EAR99", "5D992.c", "5A992.c", "3A991", "4A994",
                                   "4D994", "5A002",   "5D002",   "3A001", "5A991"};
    static const char* kTo[] = {"CN", "HK", "DE", "GB", "JP", "CA", "IN", "RU"};
    static const char* kActivity[] = {"", "", "", "existing_handset_support", "new_sale"};
    std::mt19937 rng(20261122);
    auto pick = [&](auto& array) { return array[rng() % std::size(array)]; };
    const rules::PartyRole roles[] = {rules::PartyRole::kPurchaser,
                                      rules::PartyRole::kUltimateConsignee,
                                      rules::PartyRole::kEndUser};
    for (int i = 0; i < 1000; ++i) {
      rules::Transaction tx;
      tx.id = std::to_string(i);
      tx.date = *Date::Parse(kDate);
      tx.destination = pick(kTo);
      tx.activity = pick(kActivity);
      int items = 1 + static_cast<int>(rng() % 2);
      for (int k = 0; k < items; ++k) tx.items.push_back({pick(kEccns), 10, 1000});
      for (auto role : roles) {
        std::string name =
            rng() % 10 == 0 ? listed[rng() % listed.size()].name
                            : std::string(pick(kFirst)) + " " + pick(kSecond) + " " + pick(kForm);
        tx.parties.push_back({role, name, ""});
      }
      transactions.push_back(std::move(tx));
    }
  }
};

World& TheWorld() {
  static World world;
  return world;
}

// The share of the run's party screenings the engine's memo answered.
void CountMemoShare(benchmark::State& state, const rules::Engine& engine,
                    const rules::Engine::CacheStats& before) {
  auto after = engine.cache_stats();
  auto hits = static_cast<double>(after.memo_hits - before.memo_hits);
  auto screens = static_cast<double>(after.screens - before.screens);
  state.counters["memo_share"] = hits / std::max(1.0, hits + screens);
}

void BM_Determine(benchmark::State& state) {
  World& world = TheWorld();
  const auto stats = world.engine->cache_stats();
  std::size_t i = 0;
  std::size_t licensed = 0;
  for (auto _ : state) {
    auto d = world.engine->Determine(world.transactions[i++ % world.transactions.size()]);
    if (!d.ok()) state.SkipWithError(d.error().message.c_str());
    licensed += d->decision != rules::Decision::kNoLicenseRequired;
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["entries_in_force"] = static_cast<double>(world.entries_in_force);
  CountMemoShare(state, *world.engine, stats);
  state.counters["share_not_NLR"] =
      static_cast<double>(licensed) /
      static_cast<double>(std::max<std::int64_t>(1, state.iterations()));
}
BENCHMARK(BM_Determine)->Unit(benchmark::kMicrosecond)->MinTime(2.0);

// Every party name never seen before (a numbered suffix), so the screening memo never
// answers: the cost of a first-time check. The suffix counter runs on across Google
// Benchmark's runs of this function, so no run repeats a name an earlier one screened.
// The transactions are made kDistinctBatch at a time outside the timed region: pausing
// the timers for each one (two clock reads, one a system call, each way) added about
// 0.3 us a transaction to the figure.
constexpr std::size_t kDistinctBatch = 1000;
std::size_t next_suffix = 0;

std::vector<rules::Transaction> DistinctBatch(const World& world) {
  std::vector<rules::Transaction> batch;
  batch.reserve(kDistinctBatch);
  for (std::size_t k = 0; k < kDistinctBatch; ++k, ++next_suffix) {
    batch.push_back(world.transactions[next_suffix % world.transactions.size()]);
    for (auto& party : batch.back().parties) party.name += " " + std::to_string(next_suffix);
  }
  return batch;
}

void BM_DetermineDistinctParties(benchmark::State& state) {
  World& world = TheWorld();
  const auto stats = world.engine->cache_stats();
  std::vector<rules::Transaction> batch;
  std::size_t at = 0;
  for (auto _ : state) {
    if (at == batch.size()) {
      state.PauseTiming();
      batch = DistinctBatch(world);
      at = 0;
      state.ResumeTiming();
    }
    // Moved in, as a pipeline hands over a transaction it has just read.
    auto d = world.engine->Determine(std::move(batch[at++]));
    if (!d.ok()) state.SkipWithError(d.error().message.c_str());
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  CountMemoShare(state, *world.engine, stats);
}
BENCHMARK(BM_DetermineDistinctParties)->Unit(benchmark::kMicrosecond)->MinTime(2.0);

void BM_DetermineAndRenderJson(benchmark::State& state) {
  World& world = TheWorld();
  std::size_t i = 0;
  for (auto _ : state) {
    auto d = world.engine->Determine(world.transactions[i++ % world.transactions.size()]);
    if (!d.ok()) state.SkipWithError(d.error().message.c_str());
    std::string json = rules::ToJson(*d).dump();
    benchmark::DoNotOptimize(json);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_DetermineAndRenderJson)->Unit(benchmark::kMicrosecond)->MinTime(2.0);

// The screening alone, with the queries the engine makes (three parties, review
// threshold, as_of, destination as the consignee's country): what the rules add is the
// difference between this and BM_Determine.
void BM_ScreeningOnly(benchmark::State& state) {
  World& world = TheWorld();
  auto index = screening::Index::Build(
      World::Must(lists::EntriesInForce(*world.store, *Date::Parse(kDate))));
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& tx = world.transactions[i++ % world.transactions.size()];
    for (const auto& party : tx.parties) {
      screening::Query query;
      query.name = party.name;
      if (party.role != rules::PartyRole::kPurchaser) query.country = tx.destination;
      query.as_of = tx.date;
      query.threshold = 0.85;
      query.limit = 5;
      benchmark::DoNotOptimize(index->Screen(query));
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ScreeningOnly)->Unit(benchmark::kMicrosecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
