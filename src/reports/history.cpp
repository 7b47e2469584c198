#include "tollgate/reports/history.h"

#include <algorithm>
#include <map>

namespace tollgate::reports {
namespace {

using licensing::ApplicationState;
using licensing::EventKind;

template <typename T>
void DropAfter(std::optional<T>& value, Date as_of, Date T::*on) {
  if (value && (*value).*on > as_of) value.reset();
}

void DropAfter(std::optional<Date>& date, Date as_of) {
  if (date && *date > as_of) date.reset();
}

}  // namespace

Result<std::vector<ApplicationHistory>> LoadHistories(storage::Store& store) {
  auto applications = store.ListApplications();
  if (!applications.ok()) return applications.error();
  auto steps = store.AllTimelines();
  if (!steps.ok()) return steps.error();
  auto organizations = store.ListOrganizations();
  if (!organizations.ok()) return organizations.error();
  std::map<std::string, std::string> names;
  for (const auto& o : *organizations) names[o.id] = o.name;
  std::vector<ApplicationHistory> histories;
  histories.reserve(applications->size());
  std::map<std::int64_t, std::size_t> index;
  for (auto& application : *applications) {
    index[application.id] = histories.size();
    auto name = names.find(application.organization);
    histories.push_back(
        {std::move(application), {}, name == names.end() ? std::string() : name->second});
  }
  for (auto& step : *steps) {
    auto found = index.find(step.application_id);
    if (found == index.end()) {
      return MakeError(ErrorCode::kStorageError,
                       "timeline entry " + std::to_string(step.seq) + " names application #" +
                           std::to_string(step.application_id) + ", which is not stored");
    }
    histories[found->second].timeline.push_back(std::move(step));
  }
  return histories;
}

const storage::TimelineEntry* FirstStep(const ApplicationHistory& history, EventKind kind,
                                        Date as_of) {
  for (const auto& step : history.timeline) {
    if (step.on > as_of) break;
    if (step.event.kind == kind) return &step;
  }
  return nullptr;
}

std::optional<ApplicationState> StateOn(const ApplicationHistory& history, Date as_of) {
  if (FirstStep(history, EventKind::kSubmit, as_of) == nullptr) return std::nullopt;
  std::optional<ApplicationState> state;
  for (const auto& step : history.timeline) {
    if (step.on > as_of) break;
    state = step.to;
  }
  return state;
}

std::optional<licensing::Application> AsOf(const ApplicationHistory& history, Date as_of) {
  auto state = StateOn(history, as_of);
  if (!state) return std::nullopt;
  licensing::Application then = history.application;
  then.state = *state;
  licensing::Review& r = then.review;
  DropAfter(r.submitted_on, as_of);
  DropAfter(r.registered_on, as_of);
  if (r.referred_on && *r.referred_on > as_of) {
    r.referred_on.reset();
    r.referred_to.clear();
  }
  std::erase_if(r.recommendations,
                [&](const licensing::AgencyRecommendation& rec) { return rec.on > as_of; });
  if (r.escalated_on && *r.escalated_on > as_of) {
    r.escalated_on.reset();
    r.escalation_reason.clear();
  }
  DropAfter(r.intent_to_deny, as_of, &licensing::IntentToDeny::issued_on);
  DropAfter(r.response, as_of, &licensing::ApplicantResponse::on);
  DropAfter(r.decision, as_of, &licensing::Decision::on);
  return then;
}

}  // namespace tollgate::reports
