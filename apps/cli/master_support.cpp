#include "master_support.h"

#include "tollgate/licensing/organization.h"
#include "tollgate/parties/access.h"

namespace tollgate::cli {

std::optional<Master> OpenMaster(const Context& context, const std::string& org_flag,
                                 const std::string& as, int& exit_code, MasterAccess access) {
  Master master;
  master.store = OpenStoreOrReport(context, exit_code);
  if (!master.store) return std::nullopt;
  const std::optional<std::string> requested =
      org_flag.empty() ? std::nullopt : std::optional(org_flag);
  Result<std::string> org = parties::MasterOfOperator(requested);
  master.actor = "operator";
  if (!as.empty()) {
    auto user = master.store->GetUser(as);
    if (!user.ok()) {
      exit_code = Fail(MakeError(user.error().code, "--as: " + user.error().message));
      return std::nullopt;
    }
    org = (access != nullptr ? access : &parties::MasterOf)(*user, requested);
    master.actor = licensing::Describe(licensing::ActorFor(*user));
  }
  if (!org.ok()) {
    exit_code = Fail(org.error());
    return std::nullopt;
  }
  master.organization = *org;
  return master;
}

}  // namespace tollgate::cli
