// The dispositions an organization's determinations apply (issue 15, item 4): each
// decided alert of its party master as a rules::PartyDecision, keyed by the names and
// country the party had when it was last screened (the facts the disposition holds
// against, alerts/alert.h). A decision made a moment ago, by this process or another on
// the same database, applies at once: DecisionsOf reads them from the store, and a
// DecisionCache keeps them per organization, checking on every use, with one read of a
// counter the store bumps in the transaction that changes them
// (Store::AlertDecisionRevision), that they are still the stored ones. Reading them is
// about 15 us per decided alert on SQLite (bench/decisions_bench.cpp); the check is one
// indexed row.
//
// Thread-safety: DecisionsOf as the Store; a DecisionCache may be used from several
// threads at once, each with its own Store.
// Failure: the store's error.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "tollgate/alerts/alert.h"
#include "tollgate/common/result.h"
#include "tollgate/rules/party_decisions.h"
#include "tollgate/storage/store.h"

namespace tollgate::alerts {

// The decisions of these alerts; alerts neither true_match nor false_positive are skipped.
rules::PartyDecisions DecisionsOf(const std::vector<Alert>& alerts);

// The organization's decisions as the store holds them now.
Result<rules::PartyDecisions> DecisionsOf(storage::Store& store, const std::string& organization);

class DecisionCache {
 public:
  // The organization's decisions as the store holds them now; read again only when
  // its revision moved since they were kept.
  Result<std::shared_ptr<const rules::PartyDecisions>> For(storage::Store& store,
                                                           const std::string& organization);

 private:
  struct Held {
    std::int64_t revision = -1;
    std::shared_ptr<const rules::PartyDecisions> decisions;
  };
  std::mutex mu_;
  std::unordered_map<std::string, Held> held_;  // by organization
};

}  // namespace tollgate::alerts
