// Who may see and rely on what an organization holds (its licenses and its license
// applications): the one rule every adapter and the library apply.
//
// An applicant's user sees only its own organization's: a license authorizes its
// holder alone (15 CFR 750.7(a)), and an application is the applicant's own filing.
// Reviewers, agencies (referred applications, 15 CFR 750.4(d)), oversight, admins and
// the system see every one. Another organization's license neither authorizes an
// applicant's export (rules::Engine::Determine for that user) nor appears in its
// answers (licensing::Workflow::ShowLicense and Show: "not found"; `tollgate licenses
// list --as`, GET /api/licenses).
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tollgate/licensing/license.h"
#include "tollgate/licensing/organization.h"

namespace tollgate::licensing {

// The rule itself: may `viewer` see what `organization` holds? An applicant without an
// organization sees none (ValidateUser refuses such a user; this keeps it so).
bool MaySeeOrganization(const User& viewer, std::string_view organization);

// The same rule as a store filter (storage::LicenseFilter, ApplicationFilter): the
// organization a viewer's listings are limited to, or none for those who see all.
std::optional<std::string> VisibleOrganization(const User& viewer);

// MaySeeOrganization of the license's holder. (MaySee, organization.h, is the same for
// an application.)
bool MayUse(const User& user, const License& license);

}  // namespace tollgate::licensing
