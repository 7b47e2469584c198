#include "tollgate/licensing/workflow.h"

namespace tollgate::licensing {
namespace {

storage::ApplicationFilter VisibleTo(const User& viewer) {
  storage::ApplicationFilter filter;
  if (viewer.role == Role::kApplicant) filter.organization = viewer.organization;
  return filter;
}

}  // namespace

Result<Application> Workflow::Submit(const User& applicant, Application form) {
  if (applicant.role != Role::kApplicant) {
    return MakeError(ErrorCode::kPermissionDenied, "only an applicant files applications; " +
                                                       applicant.name + " is a " +
                                                       RoleName(applicant.role));
  }
  if (!form.organization.empty() && form.organization != applicant.organization) {
    return MakeError(ErrorCode::kPermissionDenied,
                     "user " + applicant.name + " files for organization '" +
                         applicant.organization + "', not '" + form.organization + "'");
  }
  form.organization = applicant.organization;
  // Check the form before anything is stored, so a refused form leaves no draft behind.
  if (auto s = ValidateForSubmission(form); !s.ok()) return s.error();
  const std::string timestamp = clock_.Timestamp();
  auto draft =
      store_.CreateApplication(std::move(form), {Describe(ActorFor(applicant)), timestamp});
  if (!draft.ok()) return draft.error();
  auto number = store_.IssueControlNumber();
  if (!number.ok()) return number.error();
  Event submit;
  submit.kind = EventKind::kSubmit;
  submit.actor = ActorFor(applicant);
  submit.control_number = number->ToString();
  const Date today = clock_.Today();
  auto submitted = Apply(*draft, submit, today, criteria_);
  if (!submitted.ok()) return submitted.error();
  return store_.RecordTransition(std::move(submitted).value(), submit, today, timestamp);
}

Result<Application> Workflow::Transition(const User& user, const std::string& control_number,
                                         Event event,
                                         std::optional<std::int64_t> expected_version) {
  auto current = Show(user, control_number);
  if (!current.ok()) return current.error();
  if (expected_version && *expected_version != current->version) {
    return MakeError(ErrorCode::kConflict,
                     Subject(*current) + " is at version " + std::to_string(current->version) +
                         ", not " + std::to_string(*expected_version) +
                         ": it changed since you read it; reload it and try again");
  }
  event.actor = ActorFor(user);
  const Date today = clock_.Today();
  auto next = Apply(*current, event, today, criteria_);
  if (!next.ok()) return next.error();
  return store_.RecordTransition(std::move(next).value(), event, today, clock_.Timestamp());
}

Result<Application> Workflow::Show(const User& viewer, const std::string& control_number) {
  auto application = store_.FindApplication(control_number);
  if (!application.ok()) return application.error();
  if (!MaySee(viewer, *application)) {
    return MakeError(ErrorCode::kNotFound, "no application " + control_number);
  }
  return application;
}

Result<std::vector<storage::TimelineEntry>> Workflow::Timeline(const User& viewer,
                                                               const std::string& control_number) {
  auto application = Show(viewer, control_number);
  if (!application.ok()) return application.error();
  return store_.Timeline(application->id);
}

Result<std::vector<Application>> Workflow::List(const User& viewer,
                                                std::optional<ApplicationState> state) {
  storage::ApplicationFilter filter = VisibleTo(viewer);
  filter.state = state;
  return store_.ListApplications(filter);
}

Result<std::vector<DueLine>> Workflow::Due(const User& viewer, Date as_of) {
  auto applications = store_.ListApplications(VisibleTo(viewer));
  if (!applications.ok()) return applications.error();
  return DueAcross(*applications, as_of);
}

}  // namespace tollgate::licensing
