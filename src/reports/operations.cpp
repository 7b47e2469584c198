#include "tollgate/reports/operations.h"

#include "tollgate/licensing/clocks.h"
#include "tollgate/lists/in_force_index.h"

namespace tollgate::reports {

Result<Operations> TakeOperations(storage::Store& store, Date today) {
  Operations out;
  auto versions = store.ListVersions();
  if (!versions.ok()) return versions.error();
  out.lists_in_force = lists::SelectInForce(*versions, today);

  using licensing::ApplicationState;
  for (int s = static_cast<int>(ApplicationState::kDraft);
       s <= static_cast<int>(ApplicationState::kWithdrawn); ++s) {
    out.applications_by_state[licensing::StateName(static_cast<ApplicationState>(s))] = 0;
  }
  using licensing::DeadlineKind;
  for (int k = static_cast<int>(DeadlineKind::kReferral);
       k <= static_cast<int>(DeadlineKind::kDecision); ++k) {
    out.overdue_by_deadline[licensing::DeadlineKindName(static_cast<DeadlineKind>(k))] = 0;
  }
  auto applications = store.ListApplications();
  if (!applications.ok()) return applications.error();
  for (const auto& application : *applications) {
    ++out.applications_by_state[licensing::StateName(application.state)];
  }
  for (const auto& line : licensing::DueAcross(*applications, today)) {
    if (line.deadline.overdue())
      ++out.overdue_by_deadline[licensing::DeadlineKindName(line.deadline.kind)];
  }
  return out;
}

}  // namespace tollgate::reports
