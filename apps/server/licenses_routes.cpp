// Licenses over HTTP, as `tollgate licenses list|show|add --json`. An applicant's
// user sees only the licenses held by its organization (matched by name, as the
// store matches holders: licensing::FoldPartyName); another's is "not found".
#include "routes.h"
#include "tollgate/licensing/license.h"

namespace tollgate::server {
namespace {

using licensing::Role;

std::optional<ApiError> MayRead(const Caller& caller) {
  return RequireRole(caller, {Role::kApplicant, Role::kReviewer, Role::kOversight, Role::kAdmin});
}

// The holder name an applicant's licenses carry: its organization's name.
Result<std::optional<std::string>> HolderFilter(storage::Store& store, const Caller& caller) {
  if (caller.user.role != Role::kApplicant) return std::optional<std::string>();
  auto organizations = store.ListOrganizations();
  if (!organizations.ok()) return organizations.error();
  for (const auto& o : *organizations) {
    if (o.id == caller.user.organization) return std::optional<std::string>(o.name);
  }
  return MakeError(ErrorCode::kInternal, "user's organization is missing");
}

ApiResponse List(ServerState&, storage::Store& store, const Caller* caller, const ApiRequest&) {
  if (auto denied = MayRead(*caller)) return ErrorResponse(*denied);
  auto holder = HolderFilter(store, *caller);
  if (!holder.ok()) return ErrorResponse(FromError(holder.error()));
  auto found = store.ListLicenses(*holder);
  if (!found.ok()) return ErrorResponse(FromError(found.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : *found) out.push_back(licensing::ToJson(l));
  return Json({{"licenses", out}});
}

ApiResponse Show(ServerState&, storage::Store& store, const Caller* caller,
                 const ApiRequest& request) {
  if (auto denied = MayRead(*caller)) return ErrorResponse(*denied);
  const std::string& number = request.path_params.at(0);
  auto holder = HolderFilter(store, *caller);
  if (!holder.ok()) return ErrorResponse(FromError(holder.error()));
  auto license = store.GetLicense(number);
  const bool visible = license.ok() && (!*holder || licensing::FoldPartyName(license->holder) ==
                                                        licensing::FoldPartyName(**holder));
  if (!license.ok() && license.error().code != ErrorCode::kNotFound) {
    return ErrorResponse(FromError(license.error()));
  }
  if (!visible) return ErrorResponse(NotFound("no license " + number));
  return Json(licensing::ToJson(*license));
}

ApiResponse Add(ServerState& state, storage::Store& store, const Caller* caller,
                const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kReviewer, Role::kAdmin})) {
    return ErrorResponse(*denied);
  }
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  auto license = licensing::LicenseFromJson(*body);
  if (!license.ok()) return ErrorResponse(FromError(license.error()));
  if (auto s = store.AddLicense(*license); !s.ok()) return ErrorResponse(FromError(s.error()));
  state.LicensesChanged();
  auto stored = store.GetLicense(license->number);
  if (!stored.ok()) return ErrorResponse(FromError(stored.error()));
  return Json(licensing::ToJson(*stored), 201);
}

}  // namespace

void AddLicensesRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/licenses", Access::kUser, List});
  routes.push_back({"POST", "/api/licenses", Access::kUser, Add});
  routes.push_back({"GET", "/api/licenses/{number}", Access::kUser, Show});
}

}  // namespace tollgate::server
