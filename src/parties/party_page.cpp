#include "tollgate/parties/party_page.h"

#include "tollgate/common/paging.h"

namespace tollgate::parties {

Result<Show> ParseShow(std::string_view text) {
  if (text.empty() || text == "all") return Show::kAll;
  if (text == "hits") return Show::kWithMatch;
  if (text == "open") return Show::kWithOpenAlert;
  return MakeError(ErrorCode::kInvalidArgument,
                   "show: '" + std::string(text) + "' is not one of all, hits, open");
}

std::string_view ShowName(Show show) {
  switch (show) {
    case Show::kWithMatch:
      return "hits";
    case Show::kWithOpenAlert:
      return "open";
    case Show::kAll:
      break;
  }
  return "all";
}

Status ValidatePageFilter(const PageFilter& filter) {
  if (filter.organization.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "organization: name the organization");
  }
  return ValidatePaging(filter.page, filter.per_page, kMaxPartiesPerPage);
}

std::string ContainsPattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace tollgate::parties
