// Workflow: the licensing process as a user drives it, over a Store, a Clock and the
// criteria catalog: who may see what (organization.h), who may do what (the state
// machine's table), control numbers, and optimistic concurrency. The CLI and the
// server are thin adapters over it.
//
// Confidentiality: an application an applicant's user may not see is reported as not
// found, exactly like one that does not exist, so its existence is not disclosed.
//
// Thread-safety: as the Store it uses: one thread.
// Failure: the Store's errors, and those of licensing::Apply (kInvalidArgument,
// kPermissionDenied); kConflict when `expected_version` is given and stale.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/licensing/application.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/licensing/clocks.h"
#include "tollgate/licensing/criteria.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/licensing/state_machine.h"
#include "tollgate/storage/store.h"

namespace tollgate::licensing {

class Workflow {
 public:
  Workflow(storage::Store& store, const Clock& clock, const CriteriaCatalog& criteria)
      : store_(store), clock_(clock), criteria_(criteria) {}

  // An applicant files `form` (as ApplicationFromJson(kForm) reads it): saved as a
  // draft of the user's organization and submitted at once, with a new control number.
  // A form naming another organization is refused.
  Result<Application> Submit(const User& applicant, Application form);

  // `event` (its actor is the user) on the application with `control_number`, taken on
  // the clock's date. With `expected_version`, a change to the application since that
  // version is kConflict.
  Result<Application> Transition(const User& user, const std::string& control_number, Event event,
                                 std::optional<std::int64_t> expected_version = std::nullopt);

  Result<Application> Show(const User& viewer, const std::string& control_number);
  Result<std::vector<storage::TimelineEntry>> Timeline(const User& viewer,
                                                       const std::string& control_number);
  Result<std::vector<Application>> List(const User& viewer,
                                        std::optional<ApplicationState> state = std::nullopt);
  // What is due or overdue on `as_of` across the applications the viewer may see.
  Result<std::vector<DueLine>> Due(const User& viewer, Date as_of);

 private:
  storage::Store& store_;
  const Clock& clock_;
  const CriteriaCatalog& criteria_;
};

}  // namespace tollgate::licensing
