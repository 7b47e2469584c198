// The transaction check of `tollgate check` and POST /api/check, with the request field
// each refusal concerns: an item the catalog does not know is "items/0/eccn: ...", a
// destination without a chart row "destination: ...". The words are the catalog's and
// the engine's (rules::ValidateTransaction); this adds only where.
//
// Thread-safety: pure over an immutable RuleSet.
// Failure: the engine's error code (kInvalidArgument, kNotFound) with the message
// "transaction: FIELD: ..." when the field is known, else the engine's message as is.
#pragma once

#include "tollgate/common/result.h"
#include "tollgate/rules/rule_set.h"
#include "tollgate/rules/transaction.h"

namespace tollgate::rules {

Status ValidateTransactionFields(const RuleSet& rules, const Transaction& transaction);

}  // namespace tollgate::rules
