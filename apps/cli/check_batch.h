// `tollgate check --batch IN.jsonl --out OUT.jsonl`: each line is read and validated on
// its own. A bad line is reported on stderr as "IN.jsonl:LINE: FIELD: ..." and the
// batch goes on with the rest: the good lines are determined, written to OUT.jsonl in
// input order (each with its "line") and recorded in the store in one transaction.
//
// Exit status: 0 when every line was determined; kSomeLinesFailed (7) when some lines
// were refused and the others determined, written and recorded; 2 when no line could be
// determined (nothing written or recorded); 4 for a file, 5 for the database.
//
// Thread-safety: runs on the calling thread.
#pragma once

#include <string>

#include "cli_context.h"
#include "tollgate/rules/determination_record.h"

namespace tollgate::cli {

// Some lines were refused, the rest determined (no ErrorCode: the command did its work).
inline constexpr int kSomeLinesFailed = 7;

// `org`, when given, is the organization the lines are checked for (check_store.h).
// Each line is bounded by `limits` (items, parties): a line over them is refused like
// any other bad line, naming its line and field.
int RunCheckBatch(const Context& context, const std::string& in_path, const std::string& out_path,
                  const std::string& rules_dir, const rules::TransactionLimits& limits = {},
                  const std::string& org = "");

}  // namespace tollgate::cli
