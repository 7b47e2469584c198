#include "tollgate/rules/locate.h"

#include <cstdlib>

#include "tollgate/common/data_dir.h"

namespace tollgate::rules {

Result<std::filesystem::path> RulesDir(const std::string& given) {
  if (!given.empty()) return std::filesystem::path(given);
  const char* env = std::getenv("TOLLGATE_RULES");
  if (env != nullptr && *env != '\0') return std::filesystem::path(env);
  return ShippedPath("data/rules");
}

Result<std::shared_ptr<const RuleSet>> LoadRulesAt(const std::string& given) {
  auto dir = RulesDir(given);
  if (!dir.ok()) return dir.error();
  auto loaded = LoadRules(*dir);
  if (!loaded.ok()) return loaded.error();
  return std::make_shared<const RuleSet>(std::move(loaded).value());
}

}  // namespace tollgate::rules
