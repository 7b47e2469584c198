// What makes a license necessary for one item (private to src/rules), as pure
// functions: the Entity List hits (§744.16(a)), an embargo of the destination
// (part 746), and the Commerce Country Chart for the item's controls (part 738).
//
// Thread-safety: pure functions.
#pragma once

#include <vector>

#include "tollgate/rules/determination.h"
#include "tollgate/rules/rule_set.h"

namespace tollgate::rules::internal {

// Requirement sources, as Requirement::source spells them.
inline constexpr const char* kEntityList = "entity_list";
inline constexpr const char* kCountryChart = "country_chart";
inline constexpr const char* kEmbargo = "embargo";

struct ItemRequirements {
  std::vector<Requirement> requirements;
  std::vector<TraceStep> trace;
};

// The Country Chart alone: for each control of the classification, whether the
// destination's row marks it (or, for a column-less reason such as EI, whether the
// destination is outside its exceptions).
ItemRequirements ApplyCountryChart(const Catalog& catalog, const Classification& item,
                                   const CountryRules& country, const ChartRow& row);

// Everything: Entity List hits, embargoes in force, then the chart.
ItemRequirements RequirementsFor(const RuleSet& rules, const Classification& item,
                                 const CountryRules& country, Date date,
                                 const std::vector<ScreeningHit>& entity_list_hits);

}  // namespace tollgate::rules::internal
