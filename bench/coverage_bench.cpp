// The full cross product of issue 12 timed on one core: every ECCN of the Commerce
// Control List (and EAR99) x every destination with a chart row (639 x 201 = 128,439
// determinations), through the determination library on the shipped rules, one party
// screened against a one-entry index (the screening engine is timed elsewhere:
// determination_bench, screening_bench).
//
//   build/bench/coverage_bench [--benchmark_filter=...]
//
// One iteration is the whole cross product; items/s is determinations per second.
// BM_CrossProductDirect builds each item's rules anew (no cache): the cost of the
// rules themselves.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "rules/cross_product.h"
#include "test_paths.h"

namespace {

using namespace tollgate;
using namespace tollgate::rules;

std::filesystem::path RulesDir() {
  if (const char* env = std::getenv("TOLLGATE_RULES"); env != nullptr && *env != '\0') return env;
  return std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data" / "rules";
}

void BM_CrossProduct(benchmark::State& state, const char* date_text) {
  auto loaded = LoadRules(RulesDir());
  if (!loaded.ok()) {
    state.SkipWithError(loaded.error().message.c_str());
    return;
  }
  const RuleSet& rules = *loaded;
  internal::CrossProduct pairs = internal::AllPairs(rules);
  internal::OneEntryLists lists = internal::MakeOneEntryLists();
  Date date = *Date::Parse(date_text);
  std::int64_t not_nlr = 0;
  std::int64_t determined = 0;
  for (auto _ : state) {
    for (const auto& eccn : pairs.eccns) {
      for (const auto& destination : pairs.destinations) {
        auto d = internal::Determine(rules, internal::PairTransaction(eccn, destination, date),
                                     *lists.index, lists.versions, {});
        if (!d.ok()) {
          state.SkipWithError(d.error().message.c_str());
          return;
        }
        not_nlr += d->decision != Decision::kNoLicenseRequired;
        ++determined;
        benchmark::DoNotOptimize(d);
      }
    }
  }
  state.SetItemsProcessed(determined);
  state.counters["pairs"] = static_cast<double>(pairs.eccns.size() * pairs.destinations.size());
  state.counters["share_not_NLR"] =
      static_cast<double>(not_nlr) / std::max<std::int64_t>(1, determined);
}
BENCHMARK_CAPTURE(BM_CrossProduct, edition_2026, "2026-10-01")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(3.0);
BENCHMARK_CAPTURE(BM_CrossProduct, before_edition_2019, "2019-06-01")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
