// Who may see and change a party master: only the organization's own applicants. A
// party master is the exporter's own business (issue 15): unlike a license or an
// application, which BIS reviewers and the referral agencies act on (15 CFR 750.3,
// 750.4(d)) and oversight audits, nobody outside the exporter has a part in it, so
// reviewers, agencies, oversight and administrators see no party at all. The CLI run
// without --as acts as the operator who holds the database and names the organization.
//
// Thread-safety: pure functions.
// Failure: kPermissionDenied for a user whose role keeps no party master;
// kInvalidArgument for an applicant naming another organization (--org) or an
// operator naming none.
#pragma once

#include <optional>
#include <string>

#include "tollgate/common/result.h"
#include "tollgate/licensing/organization.h"

namespace tollgate::parties {

// The organization whose master `user` works on: its own (`requested`, when given, must
// be it). An error for any other role.
Result<std::string> MasterOf(const licensing::User& user,
                             const std::optional<std::string>& requested);

// The operator (no user): the organization it names, which must be given.
Result<std::string> MasterOfOperator(const std::optional<std::string>& requested);

}  // namespace tollgate::parties
