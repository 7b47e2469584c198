// Alerts on the party master over HTTP, as `tollgate alerts list|show|decide|assign
// --json`. Only an applicant sees its own organization's alerts (the party master's
// rule, parties/access.h): another role gets 403, another organization's alert is
// "not found" (404) like one that does not exist.
#include <charconv>
#include <variant>

#include "routes.h"
#include "tollgate/alerts/decide.h"
#include "tollgate/parties/access.h"

namespace tollgate::server {
namespace {

// ?state=&list=&min_score=&party=&assignee=&sort=&page=&per_page=
Result<alerts::Filter> FilterOf(const ApiRequest& request, const std::string& organization) {
  alerts::Filter filter;
  filter.organization = organization;
  if (auto state = Query(request, "state"); !state.empty()) {
    auto parsed = alerts::ParseState(state);
    if (!parsed.ok()) return parsed.error();
    filter.state = *parsed;
  }
  filter.list = Query(request, "list");
  filter.party = Query(request, "party");
  filter.assignee = Query(request, "assignee");
  if (auto sort = Query(request, "sort"); !sort.empty()) filter.sort = sort;
  if (auto min = Query(request, "min_score"); !min.empty()) {
    const auto [end, ec] = std::from_chars(min.data(), min.data() + min.size(), filter.min_score);
    if (ec != std::errc() || end != min.data() + min.size()) {
      return MakeError(ErrorCode::kInvalidArgument, "min_score: '" + min + "' is not a number");
    }
  }
  if (auto paging = ReadPaging(request, filter.page, filter.per_page); !paging.ok()) {
    return paging.error();
  }
  if (auto s = alerts::ValidateFilter(filter); !s.ok()) return s.error();
  return filter;
}

ApiResponse Reply(const Result<alerts::Alert>& alert) {
  if (!alert.ok()) return ErrorResponse(FromError(alert.error(), FieldOf(alert.error().message)));
  return Json(alerts::ToJson(*alert));
}

ApiResponse List(ServerState&, storage::Store& store, const Caller* caller,
                 const ApiRequest& request) {
  auto organization = parties::MasterOf(caller->user, std::nullopt);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  auto filter = FilterOf(request, *organization);
  if (!filter.ok())
    return ErrorResponse(FromError(filter.error(), FieldOf(filter.error().message)));
  auto page = store.ListAlerts(*filter);
  if (!page.ok()) return ErrorResponse(FromError(page.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : page->alerts) out.push_back(alerts::ToJson(a));
  return Json({{"organization", *organization},
               {"total", page->total},
               {"page", filter->page},
               {"per_page", filter->per_page},
               {"alerts", out}});
}

ApiResponse Show(ServerState&, storage::Store& store, const Caller* caller,
                 const ApiRequest& request) {
  auto organization = parties::MasterOf(caller->user, std::nullopt);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  auto id = WholeNumber(request.path_params.at(0), "id");
  if (!id.ok()) return ErrorResponse(FromError(id.error(), "id"));
  return Reply(alerts::ShowAlert(store, *organization, *id));
}

// What a change of one alert starts from: the caller's organization, the alert's id,
// the body and who acts when; or the error response.
struct Change {
  std::string organization;
  std::int64_t id = 0;
  nlohmann::json body;
  storage::ChangeStamp stamp;
};
std::variant<Change, ApiResponse> ChangeOf(ServerState& state, const Caller& caller,
                                           const ApiRequest& request) {
  auto organization = parties::MasterOf(caller.user, std::nullopt);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  auto id = WholeNumber(request.path_params.at(0), "id");
  if (!id.ok()) return ErrorResponse(FromError(id.error(), "id"));
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  return Change{*organization,
                *id,
                std::move(body).value(),
                {licensing::Describe(licensing::ActorFor(caller.user)), state.clock().Timestamp()}};
}

// {"disposition": "true_match|false_positive|escalated|reopen", "comment": "..."}
ApiResponse Decide(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  auto change = ChangeOf(state, *caller, request);
  if (auto* refused = std::get_if<ApiResponse>(&change)) return std::move(*refused);
  const Change& c = std::get<Change>(change);
  const auto text = [&c](const char* key) {
    auto it = c.body.find(key);
    return it != c.body.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto action = alerts::ParseAction(text("disposition"));
  if (!action.ok()) return ErrorResponse(FromError(action.error(), "disposition"));
  return Reply(alerts::DecideAlert(store, c.organization, c.id, *action, text("comment"), c.stamp));
}

// {"assignee": "user"} ("" to unassign)
ApiResponse Assign(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  auto change = ChangeOf(state, *caller, request);
  if (auto* refused = std::get_if<ApiResponse>(&change)) return std::move(*refused);
  const Change& c = std::get<Change>(change);
  auto it = c.body.find("assignee");
  if (it == c.body.end() || !it->is_string()) {
    return ErrorResponse(Invalid("assignee", "assignee: expected a user name (\"\" to unassign)"));
  }
  return Reply(alerts::AssignAlert(store, c.organization, c.id, it->get<std::string>(), c.stamp));
}

}  // namespace

void AddAlertsRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/alerts", Access::kUser, List});
  routes.push_back({"GET", "/api/alerts/{id}", Access::kUser, Show});
  routes.push_back({"POST", "/api/alerts/{id}/decision", Access::kUser, Decide});
  routes.push_back({"POST", "/api/alerts/{id}/assignment", Access::kUser, Assign});
}

}  // namespace tollgate::server
