#include "tollgate/parties/access.h"

#include "tollgate/licensing/state_machine.h"

namespace tollgate::parties {

Result<std::string> MasterOf(const licensing::User& user,
                             const std::optional<std::string>& requested) {
  if (user.role != licensing::Role::kApplicant || user.organization.empty()) {
    return MakeError(ErrorCode::kPermissionDenied,
                     std::string("a ") + licensing::RoleName(user.role) +
                         " sees no party master: it is the exporter's own");
  }
  if (requested && !requested->empty() && *requested != user.organization) {
    return MakeError(ErrorCode::kInvalidArgument, "org: " + user.name + " acts for organization " +
                                                      user.organization + ", not " + *requested);
  }
  return user.organization;
}

Result<std::string> MasterOfOperator(const std::optional<std::string>& requested) {
  if (!requested || requested->empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "org: name the organization (--org ORG)");
  }
  return *requested;
}

}  // namespace tollgate::parties
