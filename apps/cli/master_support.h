// What the commands on an organization's own records (`parties`, `alerts`) share: the
// store, the organization worked on and who acts, as --org and --as say (only an
// applicant, on its own organization; without --as, the operator on the one --org
// names: tollgate/parties/access.h).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "commands.h"
#include "tollgate/licensing/organization.h"

namespace tollgate::cli {

struct Master {
  std::unique_ptr<storage::Store> store;
  std::string organization;
  std::string actor;  // licensing::Describe of the user, or "operator"
};

// Prints why not and sets `exit_code` when the store does not open or the user may not
// work on the organization's records.
// `access` says which organization a stored user works on (parties::MasterOf, or
// webhooks::WebhooksOf, which words its refusal for webhooks).
using MasterAccess = Result<std::string> (*)(const licensing::User&,
                                             const std::optional<std::string>&);
std::optional<Master> OpenMaster(const Context& context, const std::string& org,
                                 const std::string& as, int& exit_code,
                                 MasterAccess access = nullptr);

}  // namespace tollgate::cli
