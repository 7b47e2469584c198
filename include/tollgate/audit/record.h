// The audit log's record: who did what, when, to what, with the state before and
// after, chained to the record before it by a SHA-256 hash so that an edited, inserted,
// deleted or reordered record is detectable (audit/verify.h). Part 762 makes these the
// export records kept for five years; the application never deletes them.
//
//   hash = SHA-256( previous_hash + "\n" + canonical form of the record )
//
// The canonical form is the record's JSON object {"action", "actor", "after", "before",
// "sequence", "subject", "timestamp"} with keys sorted at every level and no
// insignificant whitespace (nlohmann::json::dump() of an object), so the same record
// hashes the same on every machine and after a round trip through either store.
// The first record's previous hash is kGenesisHash.
//
// Thread-safety: plain value types and pure functions.
// Failure: CanonicalForm, ComputeHash and Chain return kInvalidArgument when a string
// in the record is not valid UTF-8 (it has no canonical form).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "tollgate/common/result.h"

namespace tollgate::audit {

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// What a change says about itself; Chain turns it into a Record.
struct Entry {
  std::string timestamp;  // UTC "YYYY-MM-DDTHH:MM:SSZ" (licensing::Clock::Timestamp)
  std::string actor;      // "reviewer licensing-officer-1", "applicant msft-exports"
  std::string action;     // "application.approve", "organization.create"
  std::string subject;    // "application D123456"
  nlohmann::json before;  // null when the subject is created
  nlohmann::json after;   // null when the subject is removed from view
};

struct Record {
  std::int64_t sequence = 0;  // 1, 2, 3, ... without gaps
  std::string timestamp;
  std::string actor;
  std::string action;
  std::string subject;
  nlohmann::json before;
  nlohmann::json after;
  std::string previous_hash;  // the hash of record sequence - 1, or kGenesisHash
  std::string hash;           // lower-case hex
  bool operator==(const Record&) const = default;
};

Result<std::string> CanonicalForm(const Record& record);
// The hash `record` should carry, from its previous_hash and canonical form.
Result<std::string> ComputeHash(const Record& record);

// The record that follows `previous` (nullptr for the first record of a log).
Result<Record> Chain(const Record* previous, Entry entry);

}  // namespace tollgate::audit
