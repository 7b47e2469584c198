// `tollgate check --batch IN.jsonl --out OUT.jsonl`: every line is validated before
// any is determined; any bad line fails the whole batch (exit 2, "IN.jsonl:LINE: ...")
// with nothing written or recorded. Results are written to OUT.jsonl in input order and
// recorded in the store in one transaction.
//
// Thread-safety: runs on the calling thread. Failure: prints the error and returns its
// exit code (2 for a bad line, 4 for a file, 5 for the database).
#pragma once

#include <string>

#include "cli_context.h"
#include "tollgate/rules/determination_record.h"

namespace tollgate::cli {

// Each line is bounded by `limits` (items, parties): a line over them fails the run,
// naming its line, before anything is recorded.
int RunCheckBatch(const Context& context, const std::string& in_path, const std::string& out_path,
                  const std::string& rules_dir, const rules::TransactionLimits& limits = {});

}  // namespace tollgate::cli
