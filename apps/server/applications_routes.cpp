// License applications over HTTP, through licensing::Workflow as the CLI's
// `applications` commands: who may see and do what is the library's (an applicant's
// user sees only its organization's applications; another's is "not found", so ids
// do not leak), and a transition based on a stale expected_version is 409.
#include <set>

#include "routes.h"
#include "tollgate/forms/applications_json.h"
#include "tollgate/licensing/application_json.h"
#include "tollgate/licensing/list_change.h"
#include "tollgate/licensing/workflow.h"

namespace tollgate::server {
namespace {

using licensing::Role;

// Items are accepted by the catalog `check` uses (the rules live as long as the server).
licensing::Workflow WorkflowOf(ServerState& state, storage::Store& store) {
  licensing::Workflow workflow(store, state.clock(), state.catalog());
  workflow.UseEccnCheck(licensing::CatalogEccnCheck(state.rules().catalog));
  return workflow;
}

// Applicants, reviewers, agencies and oversight read applications; admins set up
// accounts and lists and have no business reading export license files.
std::optional<ApiError> MayRead(const Caller& caller) {
  return RequireRole(caller, {Role::kApplicant, Role::kReviewer, Role::kAgency, Role::kOversight});
}

ApiResponse List(ServerState& state, storage::Store& store, const Caller* caller,
                 const ApiRequest& request) {
  if (auto denied = MayRead(*caller)) return ErrorResponse(*denied);
  std::optional<licensing::ApplicationState> filter;
  if (const std::string text = Query(request, "state"); !text.empty()) {
    filter = licensing::ParseState(text);
    if (!filter) return ErrorResponse(Invalid("state", "unknown state '" + text + "'"));
  }
  auto found = WorkflowOf(state, store).List(caller->user, filter);
  if (!found.ok()) return ErrorResponse(FromError(found.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : *found) out.push_back(licensing::ToJson(a));
  return Json({{"applications", out}});
}

ApiResponse Submit(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kApplicant})) return ErrorResponse(*denied);
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  auto form = licensing::ApplicationFromJson(*body, licensing::JsonScope::kForm);
  if (!form.ok()) return ErrorResponse(FromError(form.error()));
  auto workflow = WorkflowOf(state, store);
  // Screened at submission as the CLI does, with the server's engine (thread-safe and
  // living as long as the server: the pointer owns nothing).
  workflow.UseScreener(licensing::ScreenerFor(
      std::shared_ptr<rules::Engine>(std::shared_ptr<void>(), &state.engine())));
  auto filed = workflow.Submit(caller->user, std::move(form).value());
  if (!filed.ok()) return ErrorResponse(FromError(filed.error()));
  return Json(forms::ApplicationJson(*filed, {}, {}), 201);
}

ApiResponse Due(ServerState& state, storage::Store& store, const Caller* caller,
                const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kReviewer, Role::kOversight})) {
    return ErrorResponse(*denied);
  }
  Date as_of = state.clock().Today();
  if (const std::string text = Query(request, "as_of"); !text.empty()) {
    auto date = Date::Parse(text);
    if (!date.ok()) return ErrorResponse(Invalid("as_of", date.error().message));
    as_of = *date;
  }
  auto lines = WorkflowOf(state, store).Due(caller->user, as_of);
  if (!lines.ok()) return ErrorResponse(FromError(lines.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& line : *lines) {
    nlohmann::json one = forms::DeadlineJson(line.deadline);
    one["application"] = line.subject;
    one["state"] = licensing::StateName(line.state);
    out.push_back(one);
  }
  return Json({{"as_of", as_of.ToString()}, {"due", out}});
}

ApiResponse Show(ServerState& state, storage::Store& store, const Caller* caller,
                 const ApiRequest& request) {
  if (auto denied = MayRead(*caller)) return ErrorResponse(*denied);
  auto workflow = WorkflowOf(state, store);
  const std::string& acn = request.path_params.at(0);
  auto application = workflow.Show(caller->user, acn);
  if (!application.ok()) return ErrorResponse(FromError(application.error()));
  auto timeline = workflow.Timeline(caller->user, acn);
  if (!timeline.ok()) return ErrorResponse(FromError(timeline.error()));
  const auto due = licensing::DueItems(*application, state.clock().Today());
  auto screening = workflow.Screening(caller->user, acn);
  if (!screening.ok()) return ErrorResponse(FromError(screening.error()));
  // The matches recorded with the application, as `applications show --json`.
  auto out = forms::ApplicationJson(*application, *timeline, due);
  out["screening"] = nlohmann::json::array();
  for (const auto& match : *screening) out["screening"].push_back(forms::ScreeningMatchJson(match));
  return Json(out);
}

ApiResponse Timeline(ServerState& state, storage::Store& store, const Caller* caller,
                     const ApiRequest& request) {
  if (auto denied = MayRead(*caller)) return ErrorResponse(*denied);
  auto workflow = WorkflowOf(state, store);
  auto timeline = workflow.Timeline(caller->user, request.path_params.at(0));
  if (!timeline.ok()) return ErrorResponse(FromError(timeline.error()));
  nlohmann::json out = forms::ApplicationJson(licensing::Application{}, *timeline, {})["timeline"];
  return Json({{"timeline", out}});
}

ApiResponse Transitions(ServerState& state, storage::Store& store, const Caller* caller,
                        const ApiRequest& request) {
  if (auto denied = MayRead(*caller)) return ErrorResponse(*denied);
  auto application = WorkflowOf(state, store).Show(caller->user, request.path_params.at(0));
  if (!application.ok()) return ErrorResponse(FromError(application.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto* t : licensing::AllowedFrom(application->state)) {
    if ((t->roles & licensing::RoleBit(caller->user.role)) == 0) continue;
    out.push_back({{"event", licensing::EventName(t->event)},
                   {"to", licensing::StateName(t->to)},
                   {"needs", std::string(t->needs)}});
  }
  return Json({{"state", licensing::StateName(application->state)},
               {"version", application->version},
               {"transitions", out}});
}

// A step's body, flat ({"event": "register", "text": ..., "expected_version": 3}) or
// with the event as an object ({"event": {"event": "register", ...}, ...}); the
// actor is whoever is logged in, whatever the body says. Errors name the field as
// the client wrote it (flat "text", nested "event/text").
struct Step {
  licensing::Event event;
  std::optional<std::int64_t> expected_version;
};

std::optional<ApiError> StepOf(nlohmann::json body, const licensing::User& user, Step& out) {
  static const std::set<std::string> kStepFields = {
      "agencies", "criteria", "text", "conditions", "recommendation", "approved_items"};
  const bool nested = body.contains("event") && body["event"].is_object();
  const bool flat = body.contains("event") && body["event"].is_string();
  if (!nested && !flat) {
    return Invalid("event",
                   "required: the step's name, e.g. {\"event\": \"register\", \"text\": \"...\", "
                   "\"expected_version\": 3}");
  }
  if (body.contains("expected_version")) {
    const auto& v = body["expected_version"];
    if (!v.is_number_integer() || v.get<std::int64_t>() < 1) {
      return Invalid("expected_version", "expected a positive integer");
    }
    out.expected_version = v.get<std::int64_t>();
    body.erase("expected_version");
  }
  for (const auto& [key, value] : body.items()) {
    if (key == "event" || (flat && kStepFields.contains(key))) continue;
    if (key == "actor") return Invalid(key, "not accepted: the actor is the logged-in user");
    return Invalid(key, flat ? "unknown field (a step takes event, expected_version, agencies, "
                               "recommendation, criteria, text, conditions, approved_items)"
                             : "unknown field (with the event as an object, the step's fields go "
                               "inside it)");
  }
  // Moved, not copied: nothing from a request is copied level by level.
  nlohmann::json event_json = nested ? std::move(body["event"]) : std::move(body);
  if (nested && event_json.contains("actor")) {
    return Invalid("event/actor", "not accepted: the actor is the logged-in user");
  }
  event_json["actor"] = {{"role", licensing::RoleName(user.role)}};
  auto event = licensing::EventFromJson(event_json);
  if (!event.ok()) {
    ApiError error = FromError(event.error());
    if (nested && !error.field.empty()) error.field = "event/" + error.field;
    return error;
  }
  if (event->kind == licensing::EventKind::kSubmit) {
    return Invalid(nested ? "event/event" : "event", "submit with POST /api/applications");
  }
  out.event = std::move(event).value();
  return std::nullopt;
}

ApiResponse Transition(ServerState& state, storage::Store& store, const Caller* caller,
                       const ApiRequest& request) {
  if (auto denied = MayRead(*caller)) return ErrorResponse(*denied);
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  Step step;
  if (auto e = StepOf(std::move(*body), caller->user, step)) return ErrorResponse(*e);
  auto next = WorkflowOf(state, store)
                  .Transition(caller->user, request.path_params.at(0), std::move(step.event),
                              step.expected_version);
  if (!next.ok()) {
    // The request was well-formed; the process refused it (an illegal step, a
    // requirement not met): 422, as the contract says.
    Error error = next.error();
    if (error.code == ErrorCode::kInvalidArgument) error.code = ErrorCode::kRefused;
    return ErrorResponse(FromError(error));
  }
  return Json(forms::ApplicationJson(*next, {}, {}));
}

}  // namespace

void AddApplicationsRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/applications", Access::kUser, List});
  routes.push_back({"POST", "/api/applications", Access::kUser, Submit});
  routes.push_back({"GET", "/api/applications/due", Access::kUser, Due});
  routes.push_back({"GET", "/api/applications/{acn}", Access::kUser, Show});
  routes.push_back({"GET", "/api/applications/{acn}/timeline", Access::kUser, Timeline});
  routes.push_back({"GET", "/api/applications/{acn}/transitions", Access::kUser, Transitions});
  routes.push_back({"POST", "/api/applications/{acn}/transitions", Access::kUser, Transition});
}

}  // namespace tollgate::server
