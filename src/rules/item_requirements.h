// What makes a license necessary for one item (private to src/rules), as pure
// functions: the Entity List hits (§744.16(a)), an embargo of the destination
// (part 746), and the Commerce Country Chart for the item's controls (part 738).
//
// ItemRules is the part that depends only on the item, the destination and the date
// (not on the parties): the Engine keeps it per (ECCN as given, destination, date), so
// an order book that ships the same items to the same places builds it once.
//
// Thread-safety: pure functions; an ItemRules is immutable once built.
#pragma once

#include <string_view>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/rules/determination.h"
#include "tollgate/rules/rule_set.h"

namespace tollgate::rules::internal {

// Requirement sources, as Requirement::source spells them.
inline constexpr const char* kEntityList = "entity_list";
inline constexpr const char* kCountryChart = "country_chart";
inline constexpr const char* kEmbargo = "embargo";
inline constexpr const char* kSpecialControl = "special_control";
inline constexpr const char* kAntiTerrorism = "anti_terrorism";

struct ItemRequirements {
  std::vector<Requirement> requirements;
  std::vector<TraceStep> trace;
};

// The Country Chart alone, appended to `out`: for each control of the classification,
// whether the destination's row marks it (or, for a column-less reason such as EI,
// whether the destination is outside its exceptions).
void ApplyCountryChart(const Catalog& catalog, const Classification& item,
                       const CountryRules& country, const ChartRow& row, ItemRequirements& out);

// One requirement and one step per Entity List hit, appended.
void AddEntityListRequirements(const RuleSet& rules, const Classification& item, Date date,
                               const std::vector<ScreeningHit>& entity_list_hits,
                               std::vector<Requirement>& requirements,
                               std::vector<TraceStep>& trace);

// An item on a date to a destination, whoever the parties are.
struct ItemRules {
  Classification classification;
  TraceStep classify;  // the "classify" step
  // edition (when the date is before a fact's earliest edition held), embargoes in
  // force, the chart, paragraph_control, special_control, anti_terrorism.
  ItemRequirements destination;
  // Why the item is REVIEW whatever the parties: a special control the engine could not
  // read, a paragraph-limited control that would require a license while the rest do
  // not, an entry subject to the ITAR. Empty: no such reason.
  std::vector<std::string> review_reasons;
};

// Classifies `eccn` (as given) on `date` and applies the embargoes and the chart of
// `country`; fails as Catalog::Classify does.
Result<ItemRules> ItemRulesFor(const RuleSet& rules, std::string_view eccn,
                               const CountryRules& country, Date date);

}  // namespace tollgate::rules::internal
