// Verifying an audit chain (audit/record.h): recompute every record's hash and check
// that the records run 1, 2, 3, ... each chained to the one before it. Backs
// `tollgate audit verify`.
//
// What it finds, and how it names it (the sequence number of the record concerned):
//   edited      a record whose content no longer matches its hash
//   re-hashed   a record edited and given a new hash: the next record was chained to
//               a different hash
//   deleted     a sequence number missing from the run
//   inserted    a sequence number that appears twice
//   reordered   a sequence number found after a later one
// A chain rewritten from some record to its end, every hash recomputed, verifies on
// its own: only a hash kept elsewhere (an Anchor: the head printed by an earlier
// verify, a copy, or a signed checkpoint: audit/checkpoint.h) exposes it. So does
// removing the last records.
// guard problems  the store's append-only triggers dropped or disabled: nothing then
//               stops an UPDATE or DELETE of the log (Store::AuditGuardProblems)
//
// Thread-safety: pure functions.
// Failure: never fails; problems are the result.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "tollgate/audit/record.h"

namespace tollgate::audit {

struct Problem {
  std::int64_t sequence = 0;
  std::string what;
  bool operator==(const Problem&) const = default;
};

struct Verification {
  std::int64_t records = 0;
  std::int64_t last_sequence = 0;
  std::string head_hash;  // of the last record, kGenesisHash for an empty log
  std::vector<Problem> problems;
  std::vector<std::string> guard_problems;  // about the log as a whole, not one record
  bool ok() const { return problems.empty() && guard_problems.empty(); }
};

// A record known from outside the log: it must still be there with this hash.
struct Anchor {
  std::int64_t sequence = 0;
  std::string hash;
};

// `records` in the order they were read (by sequence, as the store returns them).
Verification Verify(std::span<const Record> records,
                    const std::optional<Anchor>& anchor = std::nullopt);

// {records, last_sequence, head_hash, ok, problems: [{sequence, problem}],
// guard_problems: [text]}: the form
// `tollgate audit verify --json` prints and GET /api/audit/verify answers.
nlohmann::json ToJson(const Verification& verification);

}  // namespace tollgate::audit
