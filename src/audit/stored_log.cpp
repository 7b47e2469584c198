#include "tollgate/audit/stored_log.h"

#include <algorithm>
#include <stdexcept>

#include "tollgate/audit/party_digest.h"

namespace tollgate::audit {

Result<Verification> VerifyStoredLog(storage::Store& store, const std::optional<Anchor>& anchor,
                                     const std::optional<Checkpoint>& checkpoint) {
  auto log = store.AuditLog();
  if (!log.ok()) return log.error();
  auto guards = store.AuditGuardProblems();
  if (!guards.ok()) return guards.error();
  Verification result = checkpoint ? VerifyAgainst(*log, *checkpoint) : Verify(*log);
  // The chain vouches for the records; the party master's rows are checked against
  // what the records say they were (audit/party_digest.h).
  auto versions = store.PartyVersions();
  if (!versions.ok()) return versions.error();
  auto rows = store.PartyRowHashes();
  if (!rows.ok()) return rows.error();
  for (auto& problem : VerifyPartyRows(*log, *versions, *rows)) {
    result.problems.push_back(std::move(problem));
  }
  if (anchor) {
    // The anchor's check alone, added to what the checkpoint found.
    for (auto& problem : Verify(*log, anchor).problems) {
      if (problem.sequence == anchor->sequence &&
          std::find(result.problems.begin(), result.problems.end(), problem) ==
              result.problems.end()) {
        result.problems.push_back(std::move(problem));
      }
    }
  }
  result.guard_problems = std::move(guards).value();
  return result;
}

Result<Checkpoint> CheckpointStoredLog(storage::Store& store, const SigningKey& key,
                                       std::string time) {
  auto verified = VerifyStoredLog(store, std::nullopt, std::nullopt);
  if (!verified.ok()) return verified.error();
  if (!verified->ok()) {
    return MakeError(
        ErrorCode::kConflict,
        "the audit log does not verify (" +
            std::to_string(verified->problems.size() + verified->guard_problems.size()) +
            " problem(s); see audit verify): a checkpoint vouches only for a whole "
            "log");
  }
  return key.Sign(verified->last_sequence, verified->head_hash, std::move(time));
}

Result<std::string> OwnPublicKey(const std::string& db_url, const std::string& given) {
  auto path = AuditKeyPath(db_url, given);
  if (!path.ok()) return std::string();
  auto key = SigningKey::Load(*path);
  if (!key.ok()) {
    if (key.error().code == ErrorCode::kNotFound) return std::string();
    return key.error();
  }
  return key->public_key();
}

Result<Anchor> ParseAnchor(const std::string& text, const std::string& flag) {
  const auto colon = text.find(':');
  Anchor anchor;
  try {
    std::size_t used = 0;
    if (colon == std::string::npos) throw std::invalid_argument(text);
    anchor.sequence = std::stoll(text.substr(0, colon), &used);
    if (used != colon || anchor.sequence < 1) throw std::invalid_argument(text);
  } catch (const std::exception&) {
    return MakeError(ErrorCode::kInvalidArgument,
                     flag + " '" + text + "': expected SEQUENCE:HASH, as verify prints it");
  }
  anchor.hash = text.substr(colon + 1);
  return anchor;
}

}  // namespace tollgate::audit
