// Shared by `tollgate check` (one transaction) and `tollgate check --batch`: finding
// and loading the rules, recording determinations, and the human-readable rendering.
//
// Thread-safety: free functions without shared state.
// Failure: LoadRulesForCli returns the loader's error (kParseError naming the file and
// JSON path, kIoError for a missing file).
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "tollgate/common/result.h"
#include "tollgate/rules/determination.h"
#include "tollgate/rules/rule_set.h"
#include "tollgate/storage/store.h"

namespace tollgate::cli {

// The rules directory: --rules, else $TOLLGATE_RULES, else data/rules of the data
// folder (common/data_dir.h: beside the executable, or $TOLLGATE_DATA_DIR).
Result<std::shared_ptr<const rules::RuleSet>> LoadRulesForCli(const std::string& flag);
// That directory itself (the licensing workflow reads license_terms.json from it).
Result<std::filesystem::path> RulesDirForCli(const std::string& flag);

// `requested_by`: licensing::Describe of the user who asked, or "operator" for the
// CLI run by whoever holds the database.
storage::DeterminationRecord RecordOf(const rules::Determination& determination,
                                      std::string requested_by);

void PrintDetermination(std::ostream& out, const rules::Determination& determination);

}  // namespace tollgate::cli
