// What `audit verify` reads of the party master (migration 16; audit/party_digest.h):
// the party versions recorded, and every party row with its content hash recomputed
// from what the row holds now.
//
// These read the one Store implementation (SqlStore, what storage::OpenStore opens)
// through free functions rather than Store's interface, so that storage/store.h, which
// half the tree includes, did not change on a branch built beside four others on two
// cores; they belong in Store as two more virtual methods once branches merge.
//
// Thread-safety: as the Store passed (one per thread).
// Failure: the store's errors; kInternal for a Store that is not a SqlStore.
#pragma once

#include <vector>

#include "tollgate/audit/party_digest.h"
#include "tollgate/common/result.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

// Every version, by audit sequence, organization and external id.
Result<std::vector<audit::PartyVersion>> PartyVersions(Store& store);
// Every party row (audit_sequence 0), by organization and external id; a row that no
// longer decodes has revision -1 and content hash "(damaged row)".
Result<std::vector<audit::PartyVersion>> PartyRowHashes(Store& store);

}  // namespace tollgate::storage
