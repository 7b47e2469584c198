// History: an application with its timeline, and what it looked like on a past date.
// The reports are computed from this, so a report "as of" a past date shows the state
// of that day even though the applications have moved on since: part 762 records are
// kept, and the timeline says when each step was taken.
//
// Thread-safety: LoadHistories uses the store (one thread, as the Store); the rest are
// pure functions over values.
// Failure: LoadHistories returns the store's errors, and kStorageError when a timeline
// entry names an application the store did not list (a damaged database).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/licensing/application.h"
#include "tollgate/licensing/state_machine.h"
#include "tollgate/storage/store.h"

namespace tollgate::reports {

struct ApplicationHistory {
  licensing::Application application;            // as it stands now
  std::vector<storage::TimelineEntry> timeline;  // every step, oldest first
  // The registered name of the application's organization ("" when it has none): what
  // reports print for the applicant, rather than the name the applicant typed.
  std::string organization_name;
};

// Every application in the store with its timeline and its organization's name, by id
// (three reads, whatever the number of applications).
Result<std::vector<ApplicationHistory>> LoadHistories(storage::Store& store);

// The first step of `kind` dated on or before `as_of`; null when there is none.
const storage::TimelineEntry* FirstStep(const ApplicationHistory& history,
                                        licensing::EventKind kind, Date as_of);

// Where the application stood at the end of `as_of`: the state the last step dated on
// or before it led to. nullopt when it had not been submitted by then (a draft is not
// yet at BIS; a draft withdrawn before submission never was).
std::optional<licensing::ApplicationState> StateOn(const ApplicationHistory& history, Date as_of);

// The application as it stood at the end of `as_of`: its state then, and its review
// record without what was recorded later (steps are recorded in date order, so a
// later date means a later step). nullopt as for StateOn.
std::optional<licensing::Application> AsOf(const ApplicationHistory& history, Date as_of);

}  // namespace tollgate::reports
