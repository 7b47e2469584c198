// Where the rules are found, the one answer for every adapter (`tollgate check`, the
// other commands that read the rules, and `tollgate serve`): the directory given
// (--rules), else $TOLLGATE_RULES, else data/rules of the data folder
// (common/data_dir.h: beside the executable, or $TOLLGATE_DATA_DIR).
//
// Thread-safety: reads the environment; no shared state.
// Failure: kIoError when no data folder holds data/rules; LoadRulesAt adds the loader's
// errors (kParseError naming the file and JSON path).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "tollgate/common/result.h"
#include "tollgate/rules/rule_set.h"

namespace tollgate::rules {

// `given` is the --rules flag ("" when not given).
Result<std::filesystem::path> RulesDir(const std::string& given);
// The rules in RulesDir(given), loaded.
Result<std::shared_ptr<const RuleSet>> LoadRulesAt(const std::string& given);

}  // namespace tollgate::rules
