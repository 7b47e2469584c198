// One page of a party master, for the Parties page and `GET /api/parties`: a master of
// a million parties is read a page at a time, filtered and counted by the store, never
// sent whole (issue 15, item 7: "the list with each party's status").
//
// The filter's text is a substring of the party's external id, name, country or of
// what its body holds (aliases, address, date of birth, identifiers), compared without
// regard to the case of the letters A-Z; `show` narrows to the parties whose latest
// screening found a match, or to those with an open alert (alerts/alert.h). Pages run
// by external id.
//
// Thread-safety: plain value types and pure functions.
// Failure: ValidatePageFilter and ParseShow return kInvalidArgument naming the field
// ("per_page: 0 is outside 1..500").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/parties/party.h"

namespace tollgate::parties {

enum class Show { kAll, kWithMatch, kWithOpenAlert };

// "" or "all", "hits", "open".
Result<Show> ParseShow(std::string_view text);
std::string_view ShowName(Show show);

struct PageFilter {
  std::string organization;
  std::string text;  // "" filters nothing
  Show show = Show::kAll;
  std::int64_t page = 1;  // from 1
  std::int64_t per_page = 50;
};
inline constexpr std::int64_t kMaxPartiesPerPage = 500;

// Checks the organization and the paging; kInvalidArgument naming the field.
Status ValidatePageFilter(const PageFilter& filter);

// `text` as a LIKE pattern that matches it as a substring: '%' and '_' in it stand for
// themselves (escaped with '\').
std::string ContainsPattern(std::string_view text);

struct PartyPage {
  std::vector<Party> parties;             // by external id
  std::vector<std::int64_t> open_alerts;  // open alerts of each party of `parties`
  std::int64_t total = 0;                 // parties matching the filter, all pages
  std::int64_t master_total = 0;          // parties in the organization's master
};

}  // namespace tollgate::parties
