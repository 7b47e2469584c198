#include "tollgate/audit/record.h"

#include "tollgate/common/sha256.h"

namespace tollgate::audit {

Result<std::string> CanonicalForm(const Record& record) {
  const nlohmann::json object = {{"sequence", record.sequence}, {"timestamp", record.timestamp},
                                 {"actor", record.actor},       {"action", record.action},
                                 {"subject", record.subject},   {"before", record.before},
                                 {"after", record.after}};
  try {
    // Objects keep their keys sorted (std::map), so dump() is canonical; strict UTF-8
    // handling refuses what could not be reproduced byte for byte.
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::type_error& e) {
    return MakeError(
        ErrorCode::kInvalidArgument,
        "audit record " + std::to_string(record.sequence) + " has no canonical form: " + e.what());
  }
}

Result<std::string> ComputeHash(const Record& record) {
  auto canonical = CanonicalForm(record);
  if (!canonical.ok()) return canonical.error();
  return Sha256Hex(record.previous_hash + "\n" + *canonical);
}

Result<Record> Chain(const Record* previous, Entry entry) {
  Record record;
  record.sequence = previous == nullptr ? 1 : previous->sequence + 1;
  record.timestamp = std::move(entry.timestamp);
  record.actor = std::move(entry.actor);
  record.action = std::move(entry.action);
  record.subject = std::move(entry.subject);
  record.before = std::move(entry.before);
  record.after = std::move(entry.after);
  record.previous_hash = previous == nullptr ? std::string(kGenesisHash) : previous->hash;
  auto hash = ComputeHash(record);
  if (!hash.ok()) return hash.error();
  record.hash = std::move(hash).value();
  return record;
}

}  // namespace tollgate::audit
