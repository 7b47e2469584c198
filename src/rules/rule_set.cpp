#include "tollgate/rules/rule_set.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "rules/loaders.h"

namespace tollgate::rules {
namespace {

nlohmann::json ReadJsonFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) internal::Fail(path.string(), "", "cannot open the rules file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  try {
    return nlohmann::json::parse(buffer.str());
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann reports a byte offset; the line is what an editor shows.
    std::string text = buffer.str();
    std::size_t offset = std::min<std::size_t>(e.byte, text.size());
    std::size_t line =
        1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
    throw internal::RuleDataError(path.string() + ":" + std::to_string(line) +
                                  ": invalid JSON: " + e.what());
  }
}

}  // namespace

const Activity* RuleSet::FindActivity(std::string_view name) const {
  for (const auto& activity : activities) {
    if (activity.name == name) return &activity;
  }
  return nullptr;
}

Result<RuleSet> LoadRules(const std::filesystem::path& dir) {
  for (const char* name : kRuleFiles) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(dir / name, ec)) {
      return MakeError(ErrorCode::kIoError, (dir / name).string() +
                                                ": rules file not found (the rules directory "
                                                "must hold " +
                                                std::string(name) + ")");
    }
  }
  try {
    auto file = [&](const char* name) { return (dir / name).string(); };
    RuleSet rules;
    rules.countries = internal::LoadCountries(
        ReadJsonFile(file("countries.json")), file("countries.json"),
        ReadJsonFile(file("country_chart.json")), file("country_chart.json"));
    rules.catalog =
        internal::LoadCatalog(ReadJsonFile(file("catalog.json")), file("catalog.json"),
                              ReadJsonFile(file("ccl.json")), file("ccl.json"), rules.countries);
    rules.activities =
        internal::LoadActivities(ReadJsonFile(file("activities.json")), file("activities.json"));
    rules.general_licenses =
        internal::LoadGeneralLicenses(ReadJsonFile(file("general_licenses.json")),
                                      file("general_licenses.json"), rules.activities);
    rules.license_exceptions = internal::LoadLicenseExceptions(
        ReadJsonFile(file("license_exceptions.json")), file("license_exceptions.json"),
        rules.catalog, rules.activities);
    rules.list_rules =
        internal::LoadListRules(ReadJsonFile(file("list_rules.json")), file("list_rules.json"));
    return rules;
  } catch (const internal::RuleDataError& e) {
    return MakeError(ErrorCode::kParseError, e.what());
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal,
                     std::string("loading rules from ") + dir.string() + ": " + e.what());
  }
}

}  // namespace tollgate::rules
