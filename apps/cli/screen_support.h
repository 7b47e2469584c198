// Shared by the single and batch screening commands: building the index over the
// lists in force on a date, validating --country, and the JSON form of a match.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/screening/screening.h"
#include "tollgate/storage/store.h"

namespace tollgate::cli {

// `tollgate screen` (single and batch) exits with this when no list version is in
// force on the date: nothing was screened, which is not "no match" (exit 0).
constexpr int kExitNoListInForce = 10;

// The list versions in force on a date and the index over their entries.
struct IndexInForce {
  std::vector<storage::ListVersion> versions;
  std::shared_ptr<const screening::Index> index;
};
Result<IndexInForce> BuildIndexInForce(storage::Store& store, Date as_of);

// "no list version is in force on DATE: nothing was screened (...)".
std::string NoListInForceMessage(Date as_of);

// What a screening answer says it searched, for every form of it (CLI JSON, API):
// "lists_searched" (each version with its entry count), "lists_in_force" (their number)
// and "warnings" ([{code: "no_list_in_force", message}] when there were none), added to
// `out`.
void AddListsSearched(nlohmann::json& out, Date as_of,
                      const std::vector<storage::ListVersion>& versions);

// "ofac-sdn version 3 of 2024-05-03 (14966 entries); csl version 1 of ..." or "none".
std::string ListsSearchedText(const std::vector<storage::ListVersion>& versions);

// Upper-cased ISO alpha-2 code, or an error naming the flag.
Result<std::string> ValidateCountryFlag(const std::string& value);

nlohmann::json MatchJson(const screening::Match& match);

}  // namespace tollgate::cli
