// The audit entry for a change to an application: who (the event's actor), what
// ("application.<event>", "application.create"), on which application, and the
// application's JSON before and after. The store chains it into the audit log in the
// same transaction as the change itself.
//
// Thread-safety: pure functions.
// Failure: none.
#pragma once

#include <string>

#include "tollgate/audit/record.h"
#include "tollgate/licensing/application.h"
#include "tollgate/licensing/state_machine.h"

namespace tollgate::licensing {

// `after` as returned by Apply; `timestamp` from the Clock ("YYYY-MM-DDTHH:MM:SSZ").
audit::Entry TransitionEntry(const Application& before, const Application& after,
                             const Event& event, std::string timestamp);

// A new draft, as saved (with its id).
audit::Entry CreationEntry(const Application& draft, const Actor& actor, std::string timestamp);

}  // namespace tollgate::licensing
