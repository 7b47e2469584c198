// RuleSet: everything the determination engine reasons with, loaded from the JSON
// files of data/rules/ (catalog.json, countries.json, activities.json,
// general_licenses.json, license_exceptions.json, list_rules.json; see its README).
//
// Loading validates the whole set before returning it: an unknown field, a missing or
// empty citation, a fact marked "check" without a note, an impossible or reversed
// date, overlapping windows of the same fact (unless the later one "supersedes" the
// earlier), a reference to an unknown column, group, activity or ECCN. The error is
// kParseError with the file and the JSON path: "data/rules/catalog.json: /eccns/3/
// controls/1: unknown control \"NX1\"".
//
// Thread-safety: a loaded RuleSet is immutable; share it (const) between threads.
#pragma once

#include <filesystem>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/rules/authorizations.h"
#include "tollgate/rules/catalog.h"
#include "tollgate/rules/countries.h"
#include "tollgate/rules/list_rules.h"

namespace tollgate::rules {

struct RuleSet {
  Catalog catalog;
  CountryTable countries;
  std::vector<Activity> activities;
  std::vector<GeneralLicense> general_licenses;
  std::vector<LicenseException> license_exceptions;
  ListRules list_rules;

  const Activity* FindActivity(std::string_view name) const;
};

// The names of the files LoadRules reads from a rules directory.
inline constexpr const char* kRuleFiles[] = {"catalog.json",
                                             "countries.json",
                                             "activities.json",
                                             "general_licenses.json",
                                             "license_exceptions.json",
                                             "list_rules.json",
                                             "ccl.json",
                                             "country_chart.json"};

Result<RuleSet> LoadRules(const std::filesystem::path& dir);

}  // namespace tollgate::rules
