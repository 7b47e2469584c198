// Loaders for each file of data/rules (private to src/rules). Each validates its file
// completely and throws internal::RuleDataError with the file and JSON path on the
// first problem; LoadRules (rule_set.cpp) reads the files and converts the error.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rules/json_reader.h"
#include "tollgate/rules/rule_set.h"

namespace tollgate::rules::internal {

// countries.json (hand-written, dated facts) with country_chart.json (the 2026 chart and
// groups, written by scripts/convert_ear.py).
CountryTable LoadCountries(const nlohmann::json& json, const std::string& file,
                           const nlohmann::json& chart_json, const std::string& chart_file);
// catalog.json (reasons, EAR99, hand-written paragraphs) with ccl.json (the CCL).
Catalog LoadCatalog(const nlohmann::json& json, const std::string& file,
                    const nlohmann::json& ccl_json, const std::string& ccl_file,
                    const CountryTable& countries);
std::vector<Activity> LoadActivities(const nlohmann::json& json, const std::string& file);
std::vector<GeneralLicense> LoadGeneralLicenses(const nlohmann::json& json, const std::string& file,
                                                const std::vector<Activity>& activities);
std::vector<LicenseException> LoadLicenseExceptions(const nlohmann::json& json,
                                                    const std::string& file, const Catalog& catalog,
                                                    const std::vector<Activity>& activities);
ListRules LoadListRules(const nlohmann::json& json, const std::string& file);

// One dated fact for the overlap check: facts with the same key may not overlap.
struct DatedFact {
  std::string key;
  DateRange range;
  std::string path;
};
// Fails at the later fact's path, naming the earlier one.
void CheckNoOverlap(const std::vector<DatedFact>& facts, const std::string& file,
                    const std::string& what);

// "A:1", "B", "D:5", "E:2": a letter A-E, optionally ':' and digits.
bool IsCountryGroupName(const std::string& name);
// Country groups listed under "groups" of `object`, validated.
GroupExclusion ReadGroupExclusion(JsonObject& object);
// "conditions": [{"text", "from", "to", "citation", ...}]
std::vector<DatedCondition> ReadConditions(JsonObject& object);

}  // namespace tollgate::rules::internal
