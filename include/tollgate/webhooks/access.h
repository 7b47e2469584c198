// Who may see and change an organization's webhooks and their deliveries: the same
// people as its party master (parties/access.h), its own applicants, since the alerts
// they carry are about the exporter's own parties; the CLI run without --as acts as the
// operator, who names the organization.
//
// Thread-safety: pure functions.
// Failure: kPermissionDenied for a user of another role; kInvalidArgument for an
// applicant naming another organization or an operator naming none.
#pragma once

#include <optional>
#include <string>

#include "tollgate/common/result.h"
#include "tollgate/licensing/organization.h"

namespace tollgate::webhooks {

Result<std::string> WebhooksOf(const licensing::User& user,
                               const std::optional<std::string>& requested);

}  // namespace tollgate::webhooks
