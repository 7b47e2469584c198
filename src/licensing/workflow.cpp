#include "tollgate/licensing/workflow.h"

#include "tollgate/licensing/license_access.h"
#include "tollgate/storage/unit_of_work.h"

namespace tollgate::licensing {
namespace {

storage::ApplicationFilter VisibleTo(const User& viewer) {
  storage::ApplicationFilter filter;
  filter.organization = VisibleOrganization(viewer);
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
  if (eccn_check_) {
    if (auto s = CheckApplicationItems(form, clock_.Today(), eccn_check_); !s.ok()) {
      return s.error();
    }
  }
  // Screened against the lists in force on the submission date, before anything is
  // stored: a screening that cannot run leaves nothing behind either.
  std::vector<storage::ScreeningMatchRecord> matches;
  if (screener_) {
    auto screened = screener_(form, clock_.Today());
    if (!screened.ok()) return screened.error();
    matches = std::move(screened).value();
  }
  const std::string timestamp = clock_.Timestamp();
  // The draft, its control number, the submit step and the screening matches are one
  // transaction: a process killed half-way leaves no draft nobody can submit and no
  // submitted application without its recorded matches (part 762 keeps both).
  auto unit = storage::UnitOfWork::Begin(store_);
  if (!unit.ok()) return unit.error();
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
  auto recorded = store_.RecordTransition(std::move(submitted).value(), submit, today, timestamp);
  if (!recorded.ok()) return recorded;
  for (auto& match : matches) {
    match.screened_on = today;
    match.reason = "submission";
  }
  if (!matches.empty()) {
    auto s = store_.RecordScreening(recorded->id, std::move(matches), {"system", timestamp});
    if (!s.ok()) return s.error();
  }
  if (auto c = unit->Commit(); !c.ok()) return c.error();
  return recorded;
}

Result<std::size_t> Workflow::RescreenOpen(Date on, const std::string& reason) {
  if (!screener_) return std::size_t{0};
  auto applications = store_.ListApplications();
  if (!applications.ok()) return applications.error();
  std::size_t recorded = 0;
  for (const auto& application : *applications) {
    if (application.state == ApplicationState::kDraft || IsFinal(application.state)) continue;
    auto matches = screener_(application, on);
    if (!matches.ok()) return matches.error();
    for (auto& match : *matches) {
      match.screened_on = on;
      match.reason = reason;
    }
    auto added = store_.RecordScreening(application.id, std::move(matches).value(),
                                        {"system", clock_.Timestamp()});
    if (!added.ok()) return added.error();
    recorded += added->size();
  }
  return recorded;
}

Result<std::vector<storage::ScreeningMatchRecord>> Workflow::Screening(
    const User& viewer, const std::string& control_number) {
  auto application = Show(viewer, control_number);
  if (!application.ok()) return application.error();
  return store_.ScreeningMatches(application->id);
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
  if (event.kind == EventKind::kApprove) return Approve(std::move(next).value(), event, today);
  return store_.RecordTransition(std::move(next).value(), event, today, clock_.Timestamp());
}

Result<Application> Workflow::Approve(Application approved, const Event& event, Date today) {
  if (!terms_) {
    auto path = ShippedLicenseTermsPath();
    if (!path.ok()) return path.error();
    auto loaded = LoadLicenseTerms(*path);
    if (!loaded.ok()) return loaded.error();
    terms_ = std::move(loaded).value();
  }
  auto organizations = store_.ListOrganizations();
  if (!organizations.ok()) return organizations.error();
  std::string holder;
  for (const auto& o : *organizations) {
    if (o.id == approved.organization) holder = o.name;
  }
  if (holder.empty()) {
    return MakeError(ErrorCode::kNotFound, "no organization '" + approved.organization + "'");
  }
  auto license = LicenseForApproval(approved, holder, *terms_);
  if (!license.ok()) return license.error();
  auto recorded = store_.RecordApproval(std::move(approved), event, today, clock_.Timestamp(),
                                        std::move(license).value());
  if (!recorded.ok()) return recorded.error();
  return std::move(recorded->application);
}

Result<std::vector<License>> Workflow::Licenses(const User& viewer) {
  storage::LicenseFilter filter;
  filter.organization = VisibleOrganization(viewer);
  return store_.FindLicenses(filter);
}

Result<License> Workflow::ShowLicense(const User& viewer, const std::string& number) {
  auto license = store_.GetLicense(number);
  if (!license.ok()) return license.error();
  if (!MayUse(viewer, *license)) {
    return MakeError(ErrorCode::kNotFound, "no license " + number + " in the store");
  }
  return license;
}

Result<std::optional<License>> Workflow::LicenseOf(const User& viewer,
                                                   const std::string& control_number) {
  auto application = Show(viewer, control_number);
  if (!application.ok()) return application.error();
  storage::LicenseFilter filter;
  filter.application = application->control_number;
  auto found = store_.FindLicenses(filter);
  if (!found.ok()) return found.error();
  if (found->empty()) return std::optional<License>();
  return std::optional<License>(found->front());
}

Result<License> Workflow::Ship(const User& user, Shipment shipment) {
  if (user.role == Role::kAgency) {
    return MakeError(ErrorCode::kPermissionDenied,
                     "an agency does not ship under licenses; " + user.name + " is an agency user");
  }
  if (auto visible = ShowLicense(user, shipment.license_number); !visible.ok()) {
    return visible.error();
  }
  if (eccn_check_) {
    if (auto s = CheckShipmentItems(shipment, eccn_check_); !s.ok()) return s.error();
  }
  return store_.RecordShipment(std::move(shipment), {Describe(ActorFor(user)), clock_.Timestamp()});
}

Result<std::vector<Shipment>> Workflow::Shipments(const User& viewer, const std::string& number) {
  if (auto visible = ShowLicense(viewer, number); !visible.ok()) return visible.error();
  return store_.Shipments(number);
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
