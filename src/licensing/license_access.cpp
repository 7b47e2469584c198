#include "tollgate/licensing/license_access.h"

namespace tollgate::licensing {

bool MayUse(const User& user, const License& license) {
  if (user.role != Role::kApplicant) return true;
  return !user.organization.empty() && user.organization == license.organization;
}

}  // namespace tollgate::licensing
