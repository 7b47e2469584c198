#include "check_store.h"

#include "commands.h"
#include "tollgate/alerts/decisions.h"

namespace tollgate::cli {

std::optional<CheckStore> OpenCheckStore(const Context& context, const std::string& org,
                                         int& exit_code) {
  CheckStore out;
  out.store = OpenStoreOrReport(context, exit_code);
  if (!out.store) return std::nullopt;
  if (org.empty()) return out;
  auto organizations = out.store->ListOrganizations();
  if (!organizations.ok()) {
    exit_code = Fail(organizations.error());
    return std::nullopt;
  }
  bool known = false;
  for (const auto& o : *organizations) known = known || o.id == org;
  if (!known) {
    exit_code = Fail(MakeError(ErrorCode::kNotFound,
                               "--org: no organization '" + org + "' (see `tollgate orgs list`)"));
    return std::nullopt;
  }
  auto decisions = alerts::DecisionsOf(*out.store, org);
  if (!decisions.ok()) {
    exit_code = Fail(decisions.error());
    return std::nullopt;
  }
  out.organization = org;
  out.decisions = std::move(decisions).value();
  return out;
}

}  // namespace tollgate::cli
