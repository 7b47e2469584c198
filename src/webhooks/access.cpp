#include "tollgate/webhooks/access.h"

#include "tollgate/licensing/state_machine.h"
#include "tollgate/parties/access.h"

namespace tollgate::webhooks {

Result<std::string> WebhooksOf(const licensing::User& user,
                               const std::optional<std::string>& requested) {
  auto organization = parties::MasterOf(user, requested);
  if (!organization.ok() && organization.error().code == ErrorCode::kPermissionDenied) {
    return MakeError(ErrorCode::kPermissionDenied,
                     std::string("a ") + licensing::RoleName(user.role) +
                         " has no webhooks: they carry the exporter's own alerts");
  }
  return organization;
}

}  // namespace tollgate::webhooks
