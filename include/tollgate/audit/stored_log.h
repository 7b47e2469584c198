// The audit log as a store holds it: verifying it whole (the chain, the append-only
// triggers, and an anchor or a signed checkpoint kept elsewhere) and signing a
// checkpoint of it. One function each, so `tollgate audit ...` and the server's
// /api/audit/... routes do the same thing.
//
// Thread-safety: as the Store passed (one per thread).
// Failure: the store's errors; CheckpointStoredLog is kConflict when the log does not
// verify (a checkpoint vouches only for a whole log), naming how many problems.
#pragma once

#include <optional>
#include <string>

#include "tollgate/audit/checkpoint.h"
#include "tollgate/audit/verify.h"
#include "tollgate/storage/store.h"

namespace tollgate::audit {

// Verify, or VerifyAgainst `checkpoint` (its signature checked by the caller), with the
// store's missing append-only guards as guard_problems, and the party master's rows
// checked against the records that vouch for them (audit/party_digest.h) as problems.
Result<Verification> VerifyStoredLog(storage::Store& store, const std::optional<Anchor>& anchor,
                                     const std::optional<Checkpoint>& checkpoint);

// The signed checkpoint of the stored log's head at `time`, once it verifies.
Result<Checkpoint> CheckpointStoredLog(storage::Store& store, const SigningKey& key,
                                       std::string time);

// The public key of the database's own checkpoint key (AuditKeyPath of `db_url` and
// `given`), or "" when it has none yet (or none can be placed: PostgreSQL without a
// path). A checkpoint is checked against it, so one re-signed with another key fails.
Result<std::string> OwnPublicKey(const std::string& db_url, const std::string& given);

// "SEQUENCE:HASH" as `audit verify` prints the head; kInvalidArgument naming `flag`.
Result<Anchor> ParseAnchor(const std::string& text, const std::string& flag);

}  // namespace tollgate::audit
