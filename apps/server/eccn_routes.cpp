// Finding an ECCN over HTTP, as `tollgate eccn search|show --json`: the catalog the
// server's determinations use (rules/eccn_search.h). Any signed-in user may read it;
// the Commerce Control List is public (15 CFR 774 Supp. 1).
#include <cstdlib>

#include "routes.h"
#include "tollgate/rules/eccn_search.h"

namespace tollgate::server {
namespace {

// ?date=YYYY-MM-DD, else today on the server's clock.
Result<Date> DateParam(ServerState& state, const ApiRequest& request) {
  const std::string text = Query(request, "date");
  if (text.empty()) return state.clock().Today();
  return Date::Parse(text);
}

ApiResponse Search(ServerState& state, storage::Store&, const Caller*, const ApiRequest& request) {
  auto date = DateParam(state, request);
  if (!date.ok()) return ErrorResponse(Invalid("date", date.error().message));
  std::size_t limit = 20;
  if (const std::string text = Query(request, "limit"); !text.empty()) {
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0' || value < 1 || value > 1000) {
      return ErrorResponse(Invalid("limit", "'" + text + "' is not a whole number 1..1000"));
    }
    limit = static_cast<std::size_t>(value);
  }
  const std::string q = Query(request, "q");
  nlohmann::json out = nlohmann::json::array();
  for (const auto& hit : rules::SearchEccns(state.rules().catalog, q, *date, limit)) {
    out.push_back(rules::EccnHitJson(hit));
  }
  return Json({{"query", q}, {"date", date->ToString()}, {"eccns", out}});
}

ApiResponse Show(ServerState& state, storage::Store&, const Caller*, const ApiRequest& request) {
  auto date = DateParam(state, request);
  if (!date.ok()) return ErrorResponse(Invalid("date", date.error().message));
  const auto& catalog = state.rules().catalog;
  auto shown = rules::ShowEccn(catalog, request.path_params.at(0), *date);
  if (!shown.ok()) {
    // Not in the catalog (or not of an ECCN's form): the resource does not exist.
    Error error = shown.error();
    error.code = ErrorCode::kNotFound;
    return ErrorResponse(FromError(error, "eccn"));
  }
  return Json(rules::EccnJson(catalog, *shown));
}

}  // namespace

void AddEccnRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/eccns", Access::kUser, Search});
  routes.push_back({"GET", "/api/eccns/{eccn}", Access::kUser, Show});
}

}  // namespace tollgate::server
