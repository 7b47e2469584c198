// The full cross product of issue 12: every entry of the Commerce Control List (and
// EAR99) to every destination of the rules, each determined through the library with
// one party on no list. The full-coverage test (cross_product_test.cpp) and the
// benchmark (bench/coverage_bench.cpp) walk the same pairs.
//
// Thread-safety: pure; the RuleSet and index are read-only.
#pragma once

#include <string>
#include <vector>

#include "rules/determine.h"

namespace tollgate::rules::internal {

struct CrossProduct {
  std::vector<std::string> eccns;         // the CCL's 638 entries, then EAR99
  std::vector<std::string> destinations;  // every country with a chart row (200 + Hong Kong)
};

inline CrossProduct AllPairs(const RuleSet& rules) {
  CrossProduct out;
  for (const auto& entry : rules.catalog.entries()) {
    if (entry.ccl) out.eccns.push_back(entry.eccn);
  }
  out.eccns.push_back("EAR99");
  for (const auto& country : rules.countries.countries()) {
    if (!country.chart.empty()) out.destinations.push_back(country.code);
  }
  return out;
}

// One item of `eccn` to `destination` on `date`, one ultimate consignee on no list.
inline Transaction PairTransaction(const std::string& eccn, const std::string& destination,
                                   Date date) {
  Transaction tx;
  tx.items.push_back({eccn, std::nullopt, std::nullopt});
  tx.destination = destination;
  tx.parties.push_back({PartyRole::kUltimateConsignee, "Example Trading Partner Ltd.", ""});
  tx.date = date;
  return tx;
}

}  // namespace tollgate::rules::internal
