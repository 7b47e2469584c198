// Screening the parties of a transaction and reading what each match means under the
// list rules (private to src/rules): DPL -> prohibited, EL -> a license requirement
// for the items in the entry's License Requirement column, a possible match or a
// match on another list -> review.
//
// Thread-safety: pure given a thread-safe ScreenFn; an Index may be shared.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "tollgate/rules/determination.h"
#include "tollgate/rules/party_decisions.h"
#include "tollgate/rules/rule_set.h"
#include "tollgate/rules/transaction.h"
#include "tollgate/screening/screening.h"

namespace tollgate::rules::internal {

struct PartyScreening {
  std::vector<ScreeningHit> hits;         // every match at or above the review threshold
  std::vector<ScreeningHit> entity_list;  // block-level EL hits requiring a license for all items
  std::vector<std::string> prohibited;    // why PROHIBITED, one line per denied party
  std::vector<std::string> review;        // why REVIEW, one line per possible match
};

// How a party is screened: an Index's Screen, or the Engine's memo in front of it.
using ScreenFn =
    std::function<std::shared_ptr<const std::vector<screening::Match>>(const screening::Query&)>;

// Screens `index` directly.
ScreenFn ScreenWith(const screening::Index& index);

// Appends to `trace` one step per party, each followed by one per effective hit.
// `decisions`, when given, are the asking organization's dispositions of its own
// parties (rules/party_decisions.h): they clear or confirm the matches they cover.
PartyScreening ScreenParties(const RuleSet& rules, const Transaction& tx, const ScreenFn& screen,
                             std::vector<TraceStep>& trace,
                             const PartyDecisions* decisions = nullptr);

}  // namespace tollgate::rules::internal
