// What is kept of a determination when it is recorded (storage::DeterminationRecord,
// the recordkeeping of 15 CFR 762.2(a)): the decision, each item's decision with the
// citations that require or authorize it, and each list match by list, entry and score.
// The explanation and the step-by-step trace are not stored: the request is stored
// beside it and the lists, licenses and rules are versioned, so the full answer can be
// worked out again, and storing it made one 236 KB request a 6.8 MB row (issue 11,
// item 9).
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>

#include "tollgate/common/result.h"
#include "tollgate/rules/determination.h"
#include "tollgate/rules/transaction.h"
#include "tollgate/storage/store.h"

namespace tollgate::rules {

nlohmann::json CompactJson(const Determination& determination);

// The record a determination is kept as (part 762): the request whole, the answer
// compact. `requested_by`: licensing::Describe of the user who asked, or "operator" for
// the CLI run by whoever holds the database; `organization`: the one the asker acts
// for ("" for none), which the history is filtered by with the parties' names. The one
// form `tollgate check` (single and --batch) and POST /api/check store.
storage::DeterminationRecord RecordOf(const Determination& determination, std::string requested_by,
                                      std::string organization = "");
// As RecordOf, with the request already written as text (ToJson of the transaction,
// dumped): the server's answer holds that text and writes it once for both
// (history/answer_text.h).
storage::DeterminationRecord RecordWithRequest(const Determination& determination,
                                               std::string request_json, std::string requested_by,
                                               std::string organization);

// How much one request (an /api/check body, a `check --batch` line) may ask about.
struct TransactionLimits {
  std::size_t max_items = 100;
  std::size_t max_parties = 100;
};

// kRefused "items: at most 100 per request (this one has 250)" (or parties).
Status CheckTransactionLimits(const Transaction& tx, const TransactionLimits& limits);

}  // namespace tollgate::rules
