// The record of a party of a master screened by the system rather than asked for
// (issue 15, items 2 and 6): the continuous re-screening of a list change, the full
// re-screening after a change of the screening configuration, and the screening of
// each party an import adds or changes. 15 CFR 762.2(a) makes the results of
// screening export records whoever started them, so these go to the same `screenings`
// table as the screenings asked for, told apart by their channel.
//
// Thread-safety: pure functions. Failure: none (the store's errors arise on writing).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/history/history.h"
#include "tollgate/parties/party.h"
#include "tollgate/storage/store.h"

namespace tollgate::history {

// The channels of the screenings nobody typed in: a list version changed what a party
// may match ("continuous"), or an import of the master added or changed it
// ("party_import").
inline constexpr const char* kContinuousChannel = "continuous";
inline constexpr const char* kPartyImportChannel = "party_import";

// The record of `party` screened on `screening.as_of` against `versions` (the versions
// in force then, VersionsJson) at the review `threshold`: the party's name, country and
// type are the inputs, its matches (rules::ToJson of each hit, with the explanation)
// the answer. The outcome is "nothing_screened" without a version, "no_hit" without a
// match, and "hit" or "review" by the top score as ScreeningOutcome decides.
storage::ScreeningRecord PartyScreeningRecord(const parties::Party& party,
                                              const parties::Screening& screening,
                                              const nlohmann::json& versions, double threshold,
                                              const Asker& asker);

// The same record written over `r`, a record of the same asker's batch before: what
// `r` holds already (its strings' room, the versions when they are the same) is kept,
// so an import's million records are not each allocated and freed again.
void AssignPartyScreeningRecord(storage::ScreeningRecord& r, const parties::Party& party,
                                const parties::Screening& screening, const nlohmann::json& versions,
                                double threshold, const Asker& asker);

// The compact record of the parties of one organization that a continuous screening
// found as candidates and cleared, each of them without any match: one record for all,
// its name their names joined by "; " (so a party-name filter finds each), no country
// or type (they differ by party and changed no answer), outcome "no_hit" (or
// "nothing_screened" without a version), searched `versions` at `threshold`.
storage::ScreeningRecord ClearedPartiesRecord(const std::vector<const parties::Party*>& cleared,
                                              const std::string& as_of,
                                              const nlohmann::json& versions, double threshold,
                                              const Asker& asker);

}  // namespace tollgate::history
