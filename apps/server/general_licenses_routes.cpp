// General licenses over HTTP (the Huawei TGL, 15 CFR 744 Supp. 7), as
// `tollgate general-licenses list|show|issue|extend|revoke --json`: any user reads
// them with their windows and citations; BIS's reviewers (and admins) issue, extend
// with a new window and revoke from a date. A change drops the engine's caches, so
// the next /api/check reasons with it.
#include "routes.h"
#include "tollgate/rules/stored_general_licenses.h"

namespace tollgate::server {
namespace {

using licensing::Role;

std::optional<ApiError> MayChange(const Caller& caller) {
  return RequireRole(caller, {Role::kReviewer, Role::kAdmin});
}

Result<storage::GeneralLicenseRecord> Find(storage::Store& store, const std::string& id) {
  auto stored = store.ListGeneralLicenses();
  if (!stored.ok()) return stored.error();
  for (auto& record : *stored) {
    if (record.id == id) return std::move(record);
  }
  return MakeError(ErrorCode::kNotFound, "no general license " + id);
}

// A date field of the body: required, YYYY-MM-DD; 400 naming the field otherwise.
Result<Date> DateField(const nlohmann::json& body, const std::string& name) {
  if (!body.contains(name) || !body.at(name).is_string() ||
      body.at(name).get<std::string>().empty()) {
    return MakeError(ErrorCode::kInvalidArgument, name + ": a date YYYY-MM-DD is required");
  }
  auto date = Date::Parse(body.at(name).get<std::string>());
  if (!date.ok()) return MakeError(ErrorCode::kInvalidArgument, name + ": " + date.error().message);
  return date;
}

ApiResponse DateError(const std::string& name, const Error& error) {
  return ErrorResponse(FromError(error, name));
}

ApiResponse List(ServerState&, storage::Store& store, const Caller*, const ApiRequest&) {
  auto stored = store.ListGeneralLicenses();
  if (!stored.ok()) return ErrorResponse(FromError(stored.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : *stored) out.push_back(rules::GeneralLicenseJson(r));
  return Json({{"general_licenses", out}});
}

ApiResponse Show(ServerState&, storage::Store& store, const Caller*, const ApiRequest& request) {
  auto record = Find(store, request.path_params.at(0));
  if (!record.ok()) return ErrorResponse(FromError(record.error()));
  return Json(rules::GeneralLicenseJson(*record));
}

ApiResponse Issue(ServerState& state, storage::Store& store, const Caller* caller,
                  const ApiRequest& request) {
  if (auto denied = MayChange(*caller)) return ErrorResponse(*denied);
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  auto record =
      rules::GeneralLicenseRecordFromJson(*body, "general license", state.rules().activities);
  if (!record.ok()) {
    return ErrorResponse(FromError(record.error(), FieldOf(record.error().message)));
  }
  const storage::ChangeStamp stamp{caller->user.name, state.clock().Timestamp()};
  if (auto s = store.AddGeneralLicenses({*record}, "general_license.issue", stamp); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  state.LicensesChanged();
  auto stored = Find(store, record->id);
  if (!stored.ok()) return ErrorResponse(FromError(stored.error()));
  return Json(rules::GeneralLicenseJson(*stored), 201);
}

// The body is a window as in the rules data (from, to, citation; optional id,
// supersedes, check, note); rules::ExtendGeneralLicense names a window given without
// an id. A window that overlaps the last one must say which it supersedes, as on the CLI.
ApiResponse Extend(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  if (auto denied = MayChange(*caller)) return ErrorResponse(*denied);
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  auto from = DateField(*body, "from");
  if (!from.ok()) return DateError("from", from.error());
  auto to = DateField(*body, "to");
  if (!to.ok()) return DateError("to", to.error());
  if (!body->contains("citation") || !body->at("citation").is_string() ||
      body->at("citation").get<std::string>().empty()) {
    return ErrorResponse(Invalid("citation", "the Federal Register notice is required"));
  }
  auto record = Find(store, request.path_params.at(0));
  if (!record.ok()) return ErrorResponse(FromError(record.error()));
  auto extended = rules::ExtendGeneralLicense(*record, *body, state.rules().activities);
  if (!extended.ok()) {
    return ErrorResponse(FromError(extended.error(), FieldOf(extended.error().message)));
  }
  const storage::ChangeStamp stamp{caller->user.name, state.clock().Timestamp()};
  auto saved = store.UpdateGeneralLicense(*extended, "general_license.extend", stamp);
  if (!saved.ok()) return ErrorResponse(FromError(saved.error()));
  state.LicensesChanged();
  return Json(rules::GeneralLicenseJson(*saved));
}

// The body: {"on": DATE (or "from"), "citation": the authority}.
ApiResponse Revoke(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  if (auto denied = MayChange(*caller)) return ErrorResponse(*denied);
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  const std::string name = body->contains("from") && !body->contains("on") ? "from" : "on";
  auto on = DateField(*body, name);
  if (!on.ok()) return DateError(name, on.error());
  // Checked before it is read: json::value throws on a member of another type.
  std::string citation;
  if (body->contains("citation")) {
    if (!body->at("citation").is_string()) {
      return ErrorResponse(Invalid("citation", "expected a string (the revoking authority)"));
    }
    citation = body->at("citation").get<std::string>();
  }
  auto record = Find(store, request.path_params.at(0));
  if (!record.ok()) return ErrorResponse(FromError(record.error()));
  auto revoked = rules::RevokeGeneralLicense(*record, *on, citation, state.rules().activities);
  if (!revoked.ok()) return ErrorResponse(FromError(revoked.error(), name));
  const storage::ChangeStamp stamp{caller->user.name, state.clock().Timestamp()};
  auto saved = store.UpdateGeneralLicense(*revoked, "general_license.revoke", stamp);
  if (!saved.ok()) return ErrorResponse(FromError(saved.error()));
  state.LicensesChanged();
  return Json(rules::GeneralLicenseJson(*saved));
}

}  // namespace

void AddGeneralLicensesRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/general-licenses", Access::kUser, List});
  routes.push_back({"POST", "/api/general-licenses", Access::kUser, Issue});
  routes.push_back({"GET", "/api/general-licenses/{id}", Access::kUser, Show});
  routes.push_back({"POST", "/api/general-licenses/{id}/extend", Access::kUser, Extend});
  routes.push_back({"POST", "/api/general-licenses/{id}/revoke", Access::kUser, Revoke});
}

}  // namespace tollgate::server
