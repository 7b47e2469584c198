#include "tollgate/licensing/license_access.h"

namespace tollgate::licensing {

bool MaySeeOrganization(const User& viewer, std::string_view organization) {
  if (viewer.role != Role::kApplicant) return true;
  return !viewer.organization.empty() && viewer.organization == organization;
}

std::optional<std::string> VisibleOrganization(const User& viewer) {
  if (viewer.role != Role::kApplicant) return std::nullopt;
  return viewer.organization;
}

bool MayUse(const User& user, const License& license) {
  return MaySeeOrganization(user, license.organization);
}

bool MaySee(const User& viewer, const Application& application) {
  return MaySeeOrganization(viewer, application.organization);
}

}  // namespace tollgate::licensing
