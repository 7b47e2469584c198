#include "tollgate/licensing/organization.h"

namespace tollgate::licensing {
namespace {

constexpr std::size_t kMaxKeyLength = 64;

Error Invalid(const std::string& what, const std::string& why) {
  return MakeError(ErrorCode::kInvalidArgument, what + ": " + why);
}

}  // namespace

bool IsWellFormedKey(std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyLength) return false;
  for (char c : key) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

Status ValidateOrganization(const Organization& organization) {
  const std::string what = "organization '" + organization.id + "'";
  if (!IsWellFormedKey(organization.id)) {
    return Invalid(what, "the id must be 1 to 64 of a-z, 0-9, '-', '_' and '.'");
  }
  if (organization.name.find_first_not_of(" \t") == std::string::npos) {
    return Invalid(what, "the name is missing");
  }
  return {};
}

Status ValidateUser(const User& user) {
  const std::string what = "user '" + user.name + "'";
  if (!IsWellFormedKey(user.name)) {
    return Invalid(what, "the name must be 1 to 64 of a-z, 0-9, '-', '_' and '.'");
  }
  const bool applicant = user.role == Role::kApplicant;
  if (applicant && user.organization.empty()) {
    return Invalid(what, "an applicant acts for an organization: name it");
  }
  if (!applicant && !user.organization.empty()) {
    return Invalid(
        what, std::string("a ") + RoleName(user.role) + " belongs to no applicant organization");
  }
  if ((user.role == Role::kAgency) != user.agency.has_value()) {
    return Invalid(what, user.role == Role::kAgency
                             ? "an agency user names the agency (defense, state, energy)"
                             : "only agency users name an agency");
  }
  return {};
}

Actor ActorFor(const User& user) { return Actor{user.role, user.name, user.agency}; }

}  // namespace tollgate::licensing
