// The determination as a pure function of its inputs (private to src/rules): the
// transaction, the rules, a screening index over the list versions in force, and the
// licenses in the store. Engine (rules/engine.h) supplies the cached index and
// licenses; tests call it with an index built from entries they write.
//
// Thread-safety: pure; every argument is read-only.
#pragma once

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "rules/item_requirements.h"
#include "rules/screen_parties.h"
#include "tollgate/common/result.h"
#include "tollgate/licensing/license.h"
#include "tollgate/rules/determination.h"
#include "tollgate/rules/rule_set.h"
#include "tollgate/screening/screening.h"
#include "tollgate/storage/store.h"

namespace tollgate::rules::internal {

// What each item means on the date to the destination (rules/item_requirements.h):
// built directly, or looked up in the Engine's cache.
using ItemRulesFn = std::function<Result<std::shared_ptr<const ItemRules>>(
    std::string_view eccn, const CountryRules& country, Date date)>;

// A transaction checked against the rules, with what each item classifies as on its
// date (kept so the determination does not classify twice).
struct NormalizedTransaction {
  Transaction tx;
  std::vector<std::shared_ptr<const ItemRules>> items;  // one per item, in order
};

// Checks the input against the rules and returns it normalized (upper-case destination,
// trimmed names). kInvalidArgument: no item, no party, an unnamed party, a destination
// that is not an ISO code or has no rules, an unknown activity, a malformed or unknown
// ECCN; kNotFound: no rule in force on the date for a destination or ECCN that has one
// at other dates.
// `item_rules` empty: built directly (ItemRulesFor). `input` by value: the result holds it.
Result<NormalizedTransaction> NormalizeTransaction(const RuleSet& rules, Transaction input,
                                                   const ItemRulesFn& item_rules = {});

// The first trace step: which list versions the parties are screened against.
TraceStep ListVersionsStep(const std::vector<storage::ListVersion>& versions, Date date);

// The lists in force on the transaction's date, as the Engine caches them.
struct ListsInForce {
  const std::vector<storage::ListVersion>& versions;
  std::shared_ptr<const TraceStep> versions_step;  // ListVersionsStep(versions, date)
  ScreenFn screen;
};

Determination DetermineNormalized(const RuleSet& rules, NormalizedTransaction normalized,
                                  const ListsInForce& lists,
                                  const std::vector<licensing::License>& licenses,
                                  const PartyDecisions* decisions = nullptr);

// Normalizes, then determines against `index` directly.
Result<Determination> Determine(const RuleSet& rules, const Transaction& input,
                                const screening::Index& index,
                                const std::vector<storage::ListVersion>& versions,
                                const std::vector<licensing::License>& licenses);

}  // namespace tollgate::rules::internal
