// The full cross product of issue 12: every entry of the Commerce Control List (and
// EAR99) to every destination of the rules, each determined through the library with
// one party on no list. The full-coverage test (cross_product_test.cpp) and the
// benchmark (bench/coverage_bench.cpp) walk the same pairs.
//
// Thread-safety: pure; the RuleSet and index are read-only.
#pragma once

#include <memory>
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

// One list version in force, so that the parties count as screened (with none in force
// every answer would be REVIEW), whose index holds one entry no pair's party matches.
struct OneEntryLists {
  std::vector<storage::ListVersion> versions;
  std::shared_ptr<const screening::Index> index;
};

inline OneEntryLists MakeOneEntryLists() {
  OneEntryLists out;
  storage::ListVersion version;
  version.id = 1;
  version.feed = "test";
  version.as_of = *Date::Parse("2010-01-01");
  version.file_name = "written-by-cross_product.h";
  version.entry_count = 1;
  out.versions.push_back(version);
  lists::ListEntry entry;
  entry.list = "DPL";
  entry.entry_id = "dpl-1";
  entry.name = "Aaron Abraham Villa";
  out.index = screening::Index::Build({entry});
  return out;
}

}  // namespace tollgate::rules::internal
