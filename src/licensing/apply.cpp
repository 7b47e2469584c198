// Apply: one event through the transition table (transitions.cpp).
#include <algorithm>
#include <deque>
#include <map>

#include "tollgate/licensing/clocks.h"
#include "tollgate/licensing/state_machine.h"

namespace tollgate::licensing {
namespace {

std::string Quoted(ApplicationState state) { return std::string("'") + StateName(state) + "'"; }

// The first step on the shortest path from `state` to a state that allows `event`,
// e.g. "register" for approving a submitted application.
std::optional<EventKind> FirstStepTowards(ApplicationState state, EventKind event) {
  std::map<ApplicationState, EventKind> first_step;
  std::deque<ApplicationState> queue = {state};
  std::map<ApplicationState, bool> seen = {{state, true}};
  while (!queue.empty()) {
    const ApplicationState at = queue.front();
    queue.pop_front();
    for (const Transition* t : AllowedFrom(at)) {
      if (t->event == event && at != state) return first_step.at(at);
      if (seen[t->to]) continue;
      seen[t->to] = true;
      first_step[t->to] = at == state ? t->event : first_step.at(at);
      queue.push_back(t->to);
    }
  }
  return std::nullopt;
}

Error NotAllowed(const Application& app, EventKind event) {
  std::string message =
      Subject(app) + ": cannot " + EventName(event) + " from " + Quoted(app.state);
  if (IsFinal(app.state)) return MakeError(ErrorCode::kInvalidArgument, message + ": it is final");
  message += ": allowed from " + Quoted(app.state) + ": ";
  std::vector<std::string> names;
  for (const Transition* t : AllowedFrom(app.state)) {
    if (std::find(names.begin(), names.end(), EventName(t->event)) == names.end()) {
      names.emplace_back(EventName(t->event));
    }
  }
  for (std::size_t i = 0; i < names.size(); ++i) message += (i ? ", " : "") + names[i];
  if (auto step = FirstStepTowards(app.state, event)) {
    message += std::string("; ") + EventName(event) + " comes after " + EventName(*step);
  }
  return MakeError(ErrorCode::kInvalidArgument, message);
}

std::string RoleList(Roles roles) {
  std::string text;
  for (Role role : {Role::kApplicant, Role::kReviewer, Role::kAgency, Role::kSystem}) {
    if ((roles & RoleBit(role)) == 0) continue;
    text += (text.empty() ? "" : " or ");
    text += std::string("the ") + RoleName(role);
  }
  return text;
}

// The last date the review recorded: an event may not be dated before it.
std::optional<Date> LastRecordedDate(const Review& r) {
  std::optional<Date> last;
  const auto see = [&](const std::optional<Date>& d) {
    if (d && (!last || *d > *last)) last = d;
  };
  see(r.submitted_on);
  see(r.registered_on);
  see(r.referred_on);
  see(r.escalated_on);
  for (const auto& rec : r.recommendations) see(rec.on);
  if (r.intent_to_deny) see(r.intent_to_deny->issued_on);
  if (r.response) see(r.response->on);
  if (r.decision) see(r.decision->on);
  return last;
}

void Record(Application& app, const Event& event, Date today) {
  Review& review = app.review;
  switch (event.kind) {
    case EventKind::kSubmit:
      app.control_number = event.control_number;
      review.submitted_on = today;
      break;
    case EventKind::kRegister:
      review.registered_on = today;
      break;
    case EventKind::kRefer:
      review.referred_on = today;
      review.referred_to = event.agencies;
      break;
    case EventKind::kRecommend:
      review.recommendations.push_back(
          {*event.actor.agency, *event.recommendation, event.text, event.conditions, today});
      break;
    case EventKind::kEscalate:
      review.escalated_on = today;
      review.escalation_reason = event.text;
      break;
    case EventKind::kIntentToDeny:
      review.intent_to_deny =
          IntentToDeny{today, today.AddDays(kIntentToDenyResponseDays), event.criteria, event.text};
      break;
    case EventKind::kRespond:
      review.response = ApplicantResponse{today, event.text};
      break;
    case EventKind::kApprove:
      review.decision =
          Decision{today, event.criteria, event.text, event.conditions, event.approved_items};
      break;
    case EventKind::kDeny: {
      Decision decision{today, event.criteria, event.text, {}, {}};
      if (decision.criteria.empty() && review.intent_to_deny) {
        decision.criteria = review.intent_to_deny->criteria;
      }
      if (decision.reasoning.empty() && review.intent_to_deny) {
        decision.reasoning = review.intent_to_deny->reasons;
      }
      review.decision = std::move(decision);
      break;
    }
    case EventKind::kReturn:
    case EventKind::kWithdraw:
      review.decision = Decision{today, {}, event.text, {}, {}};
      break;
  }
}

}  // namespace

Result<Application> Apply(const Application& application, const Event& event, Date today,
                          const CriteriaCatalog& criteria) {
  const Transition* transition = nullptr;
  for (const Transition* t : AllowedFrom(application.state)) {
    if (t->event == event.kind) transition = t;
  }
  if (transition == nullptr) return NotAllowed(application, event.kind);

  const std::string cannot = Subject(application) + ": cannot " + EventName(event.kind);
  if ((transition->roles & RoleBit(event.actor.role)) == 0) {
    return MakeError(
        ErrorCode::kPermissionDenied,
        cannot + " as " + Describe(event.actor) + ": only " + RoleList(transition->roles) + " may");
  }
  if (event.actor.role == Role::kAgency && !event.actor.agency) {
    return MakeError(ErrorCode::kPermissionDenied,
                     cannot + ": an agency actor must name its agency");
  }
  if (auto last = LastRecordedDate(application.review); last && today < *last) {
    return MakeError(ErrorCode::kInvalidArgument,
                     cannot + " on " + today.ToString() + ": its last recorded step is dated " +
                         last->ToString() + ", and steps are recorded in date order");
  }
  const TransitionContext context{today, &criteria};
  if (std::string problem = transition->check(application, event, context); !problem.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, cannot + ": " + problem);
  }

  Application next = application;
  next.state = transition->to;
  Record(next, event, today);
  return next;
}

}  // namespace tollgate::licensing
