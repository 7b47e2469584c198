// Adding and changing parties, screened: the one use case behind `tollgate parties
// import`, POST /api/parties and the bulk upload. Every party added or changed is
// screened (its name and each alias, with its country) against the lists in force on
// `as_of` exactly as a transaction's party is (rules::Engine::ScreenParties: the same
// index, thresholds and list rules), and stored with that screening's outcome; a
// party given unchanged is neither screened nor written again.
//
// All or nothing: the parties, their screenings and their audit records are one
// transaction (storage::UnitOfWork), so a failure anywhere stores nothing. The screening
// runs inside it, so the master read to tell a change is the one written; the engine
// builds or takes the index once for the whole import (one per version set), not per
// party.
//
// Thread-safety: as the Store (one thread); the engine may be shared. The screening of
// an import runs on one thread per core (the engine is thread-safe), the store only on
// the caller's.
// Failure: the store's errors (kNotFound for an unknown organization) and the engine's;
// nothing is stored then.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/parties/party.h"
#include "tollgate/rules/engine.h"
#include "tollgate/storage/store.h"

namespace tollgate::parties {

struct ImportSummary {
  std::int64_t added = 0;
  std::int64_t changed = 0;
  std::int64_t unchanged = 0;
  // Added or changed parties whose screening found a match at or above the review
  // threshold, as stored.
  std::vector<Party> with_hits;
  // The list versions searched (Screening::lists); empty when none was in force.
  nlohmann::json lists = nlohmann::json::array();
};

// Called after each 1,000 parties screened, and at the end: (screened, to screen). It
// may be called from any of the import's screening threads, one call at a time.
using Progress = std::function<void(std::size_t, std::size_t)>;

// Each party added or changed is also recorded as a screening (channel
// "party_import", history/party_screening.h) in the same transaction, with
// `review_threshold` (the screening policy's, what the engine screened at) as its
// threshold.
Result<ImportSummary> ImportParties(storage::Store& store, rules::Engine& engine,
                                    const std::string& organization, std::vector<Party> parties,
                                    const storage::ChangeStamp& stamp, Date as_of,
                                    const Progress& progress = {}, double review_threshold = 0);

// The list versions in force on `as_of` in the form Screening::lists keeps.
Result<nlohmann::json> ListsInForce(storage::Store& store, Date as_of);

// The party's matches with `engine` on `as_of`: its name and each alias screened as an
// end user, one match per listed entry (the best), by list and entry id.
Result<std::vector<rules::ScreeningHit>> BestHits(rules::Engine& engine, const Party& party,
                                                  Date as_of);

// The Screening of a party whose matches (BestHits) are `hits`, as it is stored.
Screening ScreeningOf(const std::vector<rules::ScreeningHit>& hits, Date as_of,
                      const nlohmann::json& lists, const std::string& timestamp);

// Screens one party (its name and aliases) with `engine`; `lists` as ListsInForce.
Result<Screening> ScreenParty(rules::Engine& engine, const Party& party, Date as_of,
                              const nlohmann::json& lists, const std::string& timestamp);

}  // namespace tollgate::parties
