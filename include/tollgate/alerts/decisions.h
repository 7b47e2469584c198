// The dispositions an organization's determinations apply (issue 15, item 4): each
// decided alert of its party master as a rules::PartyDecision, keyed by the names and
// country the party had when it was last screened (the facts the disposition holds
// against, alerts/alert.h). Read from the store on every determination, so a decision
// made a moment ago, by this process or another on the same database, applies at once.
//
// Thread-safety: as the Store (one thread).
// Failure: the store's error.
#pragma once

#include <string>
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

}  // namespace tollgate::alerts
