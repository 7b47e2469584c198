// Who may rely on and see a license: an applicant only its own organization's (a
// license authorizes its holder alone, 15 CFR 750.7(a)); reviewers, agencies,
// oversight and admins every one. Another organization's license neither authorizes an
// applicant's export (rules::Engine::Determine for that user) nor appears in its
// answers (licensing::Workflow::ShowLicense: "not found").
//
// Thread-safety: pure function.
#pragma once

#include "tollgate/licensing/license.h"
#include "tollgate/licensing/organization.h"

namespace tollgate::licensing {

bool MayUse(const User& user, const License& license);

}  // namespace tollgate::licensing
