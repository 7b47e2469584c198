// Licenses over HTTP, as `tollgate licenses list|show|add|ship --json`. An applicant's
// user sees only its organization's licenses (licensing::Workflow::ShowLicense);
// another's is "not found", like one that does not exist.
#include "routes.h"
#include "tollgate/licensing/eccn_check.h"
#include "tollgate/licensing/license.h"
#include "tollgate/licensing/license_access.h"
#include "tollgate/licensing/shipment.h"
#include "tollgate/licensing/workflow.h"

namespace tollgate::server {
namespace {

using licensing::Role;

std::optional<ApiError> MayRead(const Caller& caller) {
  return RequireRole(caller, {Role::kApplicant, Role::kReviewer, Role::kOversight, Role::kAdmin});
}

// Items are accepted by the catalog `check` uses (the rules live as long as the server).
licensing::Workflow WorkflowOf(ServerState& state, storage::Store& store) {
  licensing::Workflow workflow(store, state.clock(), state.catalog());
  workflow.UseEccnCheck(licensing::CatalogEccnCheck(state.rules().catalog));
  return workflow;
}

ApiResponse List(ServerState&, storage::Store& store, const Caller* caller, const ApiRequest&) {
  if (auto denied = MayRead(*caller)) return ErrorResponse(*denied);
  auto found = store.ListLicenses();
  if (!found.ok()) return ErrorResponse(FromError(found.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : *found) {
    // An applicant's user sees its organization's licenses only (as the CLI's --as).
    if (!licensing::MayUse(caller->user, l)) continue;
    out.push_back(licensing::ToJson(l));
  }
  return Json({{"licenses", out}});
}

ApiResponse Show(ServerState& state, storage::Store& store, const Caller* caller,
                 const ApiRequest& request) {
  if (auto denied = MayRead(*caller)) return ErrorResponse(*denied);
  auto license = WorkflowOf(state, store).ShowLicense(caller->user, request.path_params.at(0));
  if (!license.ok()) return ErrorResponse(FromError(license.error()));
  return Json(licensing::ToJson(*license));
}

ApiResponse Shipments(ServerState& state, storage::Store& store, const Caller* caller,
                      const ApiRequest& request) {
  if (auto denied = MayRead(*caller)) return ErrorResponse(*denied);
  auto shipments = WorkflowOf(state, store).Shipments(caller->user, request.path_params.at(0));
  if (!shipments.ok()) return ErrorResponse(FromError(shipments.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : *shipments) out.push_back(licensing::ToJson(s));
  return Json({{"shipments", out}});
}

// A shipment under the license draws it down (§750.7); one that would exceed what
// remains, or falls outside the license, is refused whole: 422.
ApiResponse Ship(ServerState& state, storage::Store& store, const Caller* caller,
                 const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kApplicant})) return ErrorResponse(*denied);
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  if (body->contains("license")) return ErrorResponse(Invalid("license", "given by the path"));
  nlohmann::json json = std::move(body).value();  // moved: nothing copied from a request
  json["license"] = request.path_params.at(0);
  auto shipment = licensing::ShipmentFromJson(json);
  if (!shipment.ok()) return ErrorResponse(FromError(shipment.error()));
  auto after = WorkflowOf(state, store).Ship(caller->user, std::move(shipment).value());
  if (!after.ok()) {
    Error error = after.error();
    if (error.code == ErrorCode::kInvalidArgument) error.code = ErrorCode::kRefused;
    return ErrorResponse(FromError(error));
  }
  state.LicensesChanged();
  return Json(licensing::ToJson(*after), 201);
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
  if (auto s = licensing::CheckLicenseItems(*license,
                                            licensing::CatalogEccnCheck(state.rules().catalog));
      !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  const storage::ChangeStamp stamp{licensing::Describe(licensing::ActorFor(caller->user)),
                                   state.clock().Timestamp()};
  if (auto s = store.AddLicense(*license, stamp); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
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
  routes.push_back({"GET", "/api/licenses/{number}/shipments", Access::kUser, Shipments});
  routes.push_back({"POST", "/api/licenses/{number}/shipments", Access::kUser, Ship});
}

}  // namespace tollgate::server
