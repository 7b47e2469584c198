// The JSON form of a screening answer, one serializer shared by `tollgate screen --json`
// and GET /api/screen (and the batch forms of both), so the two stay byte-compatible:
// what was searched (every list version in force, with its entry count, so that an
// answer of "no match" says against what) and each match with the entry it found and
// why.
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/screening/screening.h"
#include "tollgate/storage/store.h"

namespace tollgate::forms {

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

nlohmann::json MatchJson(const screening::Match& match);
nlohmann::json MatchesJson(const std::vector<screening::Match>& matches);

// {as_of, query (when given), lists_searched, lists_in_force, warnings, matches}.
nlohmann::json ScreenJson(Date as_of, const std::vector<storage::ListVersion>& versions,
                          const std::vector<screening::Match>& matches,
                          const std::string* query = nullptr);

}  // namespace tollgate::forms
