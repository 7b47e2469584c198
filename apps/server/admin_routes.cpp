// Organizations and users (admin), as `tollgate orgs` and `tollgate users` do; a user
// created without a password gets a generated one-time password in the answer.
#include "routes.h"
#include "tollgate/accounts/credentials.h"

namespace tollgate::server {
namespace {

using licensing::Role;

storage::ChangeStamp StampOf(ServerState& state, const Caller& caller) {
  return {licensing::Describe(licensing::ActorFor(caller.user)), state.clock().Timestamp()};
}

// A string member, "" when absent; an error when present with another type.
std::optional<ApiError> StringField(const nlohmann::json& body, const char* name, bool required,
                                    std::string& out) {
  if (!body.contains(name) || body[name].is_null()) {
    if (required) return Invalid(name, "required");
    return std::nullopt;
  }
  if (!body[name].is_string()) return Invalid(name, "expected a string");
  out = body[name];
  return std::nullopt;
}

std::optional<ApiError> OnlyKeys(const nlohmann::json& body,
                                 std::initializer_list<std::string_view> keys) {
  for (const auto& [key, value] : body.items()) {
    bool known = false;
    for (auto k : keys) known = known || k == key;
    if (!known) return Invalid(key, "unknown field");
  }
  return std::nullopt;
}

ApiResponse ListOrganizations(ServerState&, storage::Store& store, const Caller* caller,
                              const ApiRequest&) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin, Role::kReviewer, Role::kOversight})) {
    return ErrorResponse(*denied);
  }
  auto all = store.ListOrganizations();
  if (!all.ok()) return ErrorResponse(FromError(all.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : *all) out.push_back({{"id", o.id}, {"name", o.name}});
  return Json({{"organizations", out}});
}

ApiResponse AddOrganization(ServerState& state, storage::Store& store, const Caller* caller,
                            const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin})) return ErrorResponse(*denied);
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  licensing::Organization organization;
  if (auto e = OnlyKeys(*body, {"id", "name"})) return ErrorResponse(*e);
  if (auto e = StringField(*body, "id", true, organization.id)) return ErrorResponse(*e);
  if (auto e = StringField(*body, "name", true, organization.name)) return ErrorResponse(*e);
  if (!licensing::IsWellFormedKey(organization.id)) {
    return ErrorResponse(Invalid("id", "1 to 64 of a-z, 0-9, '-', '_' and '.'"));
  }
  if (auto s = store.AddOrganization(organization, StampOf(state, *caller)); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  return Json({{"id", organization.id}, {"name", organization.name}}, 201);
}

ApiResponse ListUsers(ServerState&, storage::Store& store, const Caller* caller,
                      const ApiRequest&) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin})) return ErrorResponse(*denied);
  auto all = store.ListUsers();
  if (!all.ok()) return ErrorResponse(FromError(all.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& u : *all) out.push_back(UserJson(u));
  return Json({{"users", out}});
}

ApiResponse AddUser(ServerState& state, storage::Store& store, const Caller* caller,
                    const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin})) return ErrorResponse(*denied);
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  if (auto e = OnlyKeys(*body, {"name", "role", "organization", "agency", "password"})) {
    return ErrorResponse(*e);
  }
  std::string role_name, agency_name, password;
  licensing::User user;
  if (auto e = StringField(*body, "name", true, user.name)) return ErrorResponse(*e);
  if (auto e = StringField(*body, "role", true, role_name)) return ErrorResponse(*e);
  if (auto e = StringField(*body, "organization", false, user.organization)) {
    return ErrorResponse(*e);
  }
  if (auto e = StringField(*body, "agency", false, agency_name)) return ErrorResponse(*e);
  if (auto e = StringField(*body, "password", false, password)) return ErrorResponse(*e);
  auto role = licensing::ParseRole(role_name);
  if (!role || *role == Role::kSystem) {
    return ErrorResponse(Invalid("role", "one of applicant, reviewer, agency, oversight, admin"));
  }
  user.role = *role;
  if (!agency_name.empty()) {
    user.agency = licensing::ParseAgency(agency_name);
    if (!user.agency) return ErrorResponse(Invalid("agency", "one of defense, state, energy"));
  }
  if (!licensing::IsWellFormedKey(user.name)) {
    return ErrorResponse(Invalid("name", "1 to 64 of a-z, 0-9, '-', '_' and '.'"));
  }
  if (auto s = licensing::ValidateUser(user); !s.ok()) {
    return ErrorResponse(
        FromError(s.error(), user.role == Role::kAgency ? "agency" : "organization"));
  }
  const bool generated = password.empty();
  if (generated) password = accounts::GeneratePassword();
  if (auto s = accounts::ValidateNewPassword(password); !s.ok()) {
    return ErrorResponse(FromError(s.error(), "password"));
  }
  const auto stamp = StampOf(state, *caller);
  if (auto s = store.AddUser(user, stamp); !s.ok()) {
    return ErrorResponse(
        FromError(s.error(), s.error().code == ErrorCode::kNotFound ? "organization" : ""));
  }
  if (auto s = store.SetPasswordHash(user.name, accounts::HashPassword(password), stamp); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  nlohmann::json out = {{"user", UserJson(user)}};
  if (generated) out["password"] = password;  // shown once: only its hash is kept
  return Json(out, 201);
}

}  // namespace

void AddAdminRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/organizations", Access::kUser, ListOrganizations});
  routes.push_back({"POST", "/api/organizations", Access::kUser, AddOrganization});
  routes.push_back({"GET", "/api/users", Access::kUser, ListUsers});
  routes.push_back({"POST", "/api/users", Access::kUser, AddUser});
}

}  // namespace tollgate::server
