// Organizations and users, and what each may see. Export license information is
// confidential (Export Control Reform Act; formerly EAR §12(c)): an applicant's users
// see only their own organization's applications and licenses; BIS reviewers, the
// reviewing agencies and the system see all; anything published is an aggregate.
//
// Thread-safety: plain value types and pure functions.
// Failure: ValidateOrganization and ValidateUser return kInvalidArgument naming the
// field and what is wrong.
#pragma once

#include <optional>
#include <string>

#include "tollgate/common/result.h"
#include "tollgate/licensing/application.h"
#include "tollgate/licensing/state_machine.h"

namespace tollgate::licensing {

struct Organization {
  std::string id;    // the key applications carry: "microsoft"
  std::string name;  // "Microsoft Corporation"
  bool operator==(const Organization&) const = default;
};

struct User {
  std::string name;  // login name: "msft-exports"
  Role role = Role::kApplicant;
  std::string organization;      // applicants only: the organization they act for
  std::optional<Agency> agency;  // agency users only
  bool operator==(const User&) const = default;
};

// Ids and user names: 1 to 64 of lower-case letters, digits, '-', '_' and '.'.
bool IsWellFormedKey(std::string_view key);

Status ValidateOrganization(const Organization& organization);
// An applicant belongs to an organization; an agency user names the agency; reviewers
// and the system belong to neither.
Status ValidateUser(const User& user);

// The actor a user acts as.
Actor ActorFor(const User& user);

// An applicant sees only its organization's applications; everyone else sees all
// (licensing/license_access.h: the one rule, MaySeeOrganization).
bool MaySee(const User& viewer, const Application& application);

}  // namespace tollgate::licensing
