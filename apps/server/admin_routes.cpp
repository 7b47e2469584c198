// Organizations and users (admin), as `tollgate orgs` and `tollgate users` do: a user
// created without a password gets a generated one-time password in the answer; users
// are listed, disabled, enabled, given another role and reset; a user's API tokens are
// listed and revoked by the user or an administrator.
#include "routes.h"
#include "tollgate/accounts/credentials.h"
#include "tollgate/storage/unit_of_work.h"

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

// The role, organization and agency members of a body, as a user named `name`.
std::optional<ApiError> RoleFields(const nlohmann::json& body, licensing::User& user) {
  std::string role_name, agency_name;
  if (auto e = StringField(body, "role", true, role_name)) return e;
  if (auto e = StringField(body, "organization", false, user.organization)) return e;
  if (auto e = StringField(body, "agency", false, agency_name)) return e;
  auto role = licensing::ParseRole(role_name);
  if (!role || *role == Role::kSystem) {
    return Invalid("role", "one of applicant, reviewer, agency, oversight, admin");
  }
  user.role = *role;
  if (!agency_name.empty()) {
    user.agency = licensing::ParseAgency(agency_name);
    if (!user.agency) return Invalid("agency", "one of defense, state, energy");
  }
  if (auto s = licensing::ValidateUser(user); !s.ok()) {
    return FromError(s.error(), user.role == Role::kAgency ? "agency" : "organization");
  }
  return std::nullopt;
}

ApiResponse AddUser(ServerState& state, storage::Store& store, const Caller* caller,
                    const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin})) return ErrorResponse(*denied);
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  if (auto e = OnlyKeys(*body, {"name", "role", "organization", "agency", "password"})) {
    return ErrorResponse(*e);
  }
  std::string password;
  licensing::User user;
  if (auto e = StringField(*body, "name", true, user.name)) return ErrorResponse(*e);
  if (!licensing::IsWellFormedKey(user.name)) {
    return ErrorResponse(Invalid("name", "1 to 64 of a-z, 0-9, '-', '_' and '.'"));
  }
  if (auto e = RoleFields(*body, user)) return ErrorResponse(*e);
  if (auto e = StringField(*body, "password", false, password)) return ErrorResponse(*e);
  const bool generated = password.empty();
  if (generated) password = accounts::GeneratePassword();
  if (auto s = accounts::ValidateNewPassword(password); !s.ok()) {
    return ErrorResponse(FromError(s.error(), "password"));
  }
  const auto stamp = StampOf(state, *caller);
  // One transaction: a user is never left without the password the answer shows.
  auto unit = storage::UnitOfWork::Begin(store);
  if (!unit.ok()) return ErrorResponse(FromError(unit.error()));
  if (auto s = store.AddUser(user, stamp); !s.ok()) {
    return ErrorResponse(
        FromError(s.error(), s.error().code == ErrorCode::kNotFound ? "organization" : ""));
  }
  // Any password an administrator chose or read is one-time: the user replaces it at
  // the first login, so that only the user knows the one in use.
  if (auto s = store.SetPasswordHash(user.name, accounts::HashPassword(password), true, stamp);
      !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  if (auto s = unit->Commit(); !s.ok()) return ErrorResponse(FromError(s.error()));
  nlohmann::json out = {{"user", UserJson(user)}};
  if (generated) out["password"] = password;  // shown once: only its hash is kept
  return Json(out, 201);
}

nlohmann::json AccountJson(const storage::UserAccount& account) {
  nlohmann::json out = UserJson(account.user);
  out["disabled"] = account.disabled;
  out["has_password"] = account.has_password;
  out["must_change_password"] = account.must_change_password;
  out["tokens"] = account.token_count;
  return out;
}

// The account of `name` as it is now, 404 when unknown.
ApiResponse AccountResponse(storage::Store& store, const std::string& name) {
  auto all = store.ListAccounts();
  if (!all.ok()) return ErrorResponse(FromError(all.error()));
  for (const auto& account : *all) {
    if (account.user.name == name) return Json({{"user", AccountJson(account)}});
  }
  return ErrorResponse(NotFound("unknown user '" + name + "'"));
}

ApiResponse ListUsers(ServerState&, storage::Store& store, const Caller* caller,
                      const ApiRequest&) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin})) return ErrorResponse(*denied);
  auto all = store.ListAccounts();
  if (!all.ok()) return ErrorResponse(FromError(all.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& account : *all) out.push_back(AccountJson(account));
  return Json({{"users", out}});
}

// An administrator cannot lock themselves out by the API; the CLI on the database
// can always undo (tollgate users enable / set-role).
std::optional<ApiError> NotSelf(const Caller& caller, const std::string& name) {
  if (caller.user.name == name) {
    return Invalid("name", "not your own account: ask another administrator");
  }
  return std::nullopt;
}

ApiResponse SetDisabled(ServerState& state, storage::Store& store, const Caller* caller,
                        const ApiRequest& request, bool disabled) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin})) return ErrorResponse(*denied);
  const std::string& name = request.path_params.at(0);
  if (disabled) {
    if (auto e = NotSelf(*caller, name)) return ErrorResponse(*e);
  }
  if (auto s = store.SetUserDisabled(name, disabled, StampOf(state, *caller)); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  return AccountResponse(store, name);
}

ApiResponse DisableUser(ServerState& state, storage::Store& store, const Caller* caller,
                        const ApiRequest& request) {
  return SetDisabled(state, store, caller, request, true);
}

ApiResponse EnableUser(ServerState& state, storage::Store& store, const Caller* caller,
                       const ApiRequest& request) {
  return SetDisabled(state, store, caller, request, false);
}

ApiResponse ChangeRole(ServerState& state, storage::Store& store, const Caller* caller,
                       const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin})) return ErrorResponse(*denied);
  licensing::User user;
  user.name = request.path_params.at(0);
  if (auto e = NotSelf(*caller, user.name)) return ErrorResponse(*e);
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  if (auto e = OnlyKeys(*body, {"role", "organization", "agency"})) return ErrorResponse(*e);
  if (auto e = RoleFields(*body, user)) return ErrorResponse(*e);
  if (auto s = store.ChangeUserRole(user, StampOf(state, *caller)); !s.ok()) {
    const bool organization = s.error().message.find("organization") != std::string::npos;
    return ErrorResponse(FromError(s.error(), organization ? "organization" : ""));
  }
  return AccountResponse(store, user.name);
}

ApiResponse ResetPassword(ServerState& state, storage::Store& store, const Caller* caller,
                          const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin})) return ErrorResponse(*denied);
  const std::string& name = request.path_params.at(0);
  const std::string password = accounts::GeneratePassword();
  if (auto s = store.SetPasswordHash(name, accounts::HashPassword(password), true,
                                     StampOf(state, *caller));
      !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  // Shown once: only its hash is kept, and it must be changed at the first login.
  return Json({{"user", name}, {"password", password}});
}

// A user's tokens: their own, or anyone's for an administrator.
std::optional<ApiError> OwnerOrAdmin(const Caller& caller, const std::string& name) {
  if (caller.user.name == name) return std::nullopt;
  return RequireRole(caller, {Role::kAdmin});
}

ApiResponse TokensOf(storage::Store& store, const Caller& caller, const std::string& name) {
  if (auto denied = OwnerOrAdmin(caller, name)) return ErrorResponse(*denied);
  auto tokens = store.ListApiTokens(name);
  if (!tokens.ok()) return ErrorResponse(FromError(tokens.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : *tokens) {
    out.push_back({{"id", t.id}, {"name", t.name}, {"created_at", t.created_at}});
  }
  return Json({{"user", name}, {"tokens", out}});
}

ApiResponse Revoke(ServerState& state, storage::Store& store, const Caller& caller,
                   const std::string& name, const std::string& id) {
  if (auto denied = OwnerOrAdmin(caller, name)) return ErrorResponse(*denied);
  if (auto s = store.RevokeApiToken(name, id, StampOf(state, caller)); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  return Json({{"user", name}, {"revoked", id}});
}

ApiResponse ListMyTokens(ServerState&, storage::Store& store, const Caller* caller,
                         const ApiRequest&) {
  return TokensOf(store, *caller, caller->user.name);
}

ApiResponse RevokeMyToken(ServerState& state, storage::Store& store, const Caller* caller,
                          const ApiRequest& request) {
  return Revoke(state, store, *caller, caller->user.name, request.path_params.at(0));
}

ApiResponse ListUserTokens(ServerState&, storage::Store& store, const Caller* caller,
                           const ApiRequest& request) {
  return TokensOf(store, *caller, request.path_params.at(0));
}

ApiResponse RevokeUserToken(ServerState& state, storage::Store& store, const Caller* caller,
                            const ApiRequest& request) {
  return Revoke(state, store, *caller, request.path_params.at(0), request.path_params.at(1));
}

}  // namespace

void AddAdminRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/organizations", Access::kUser, ListOrganizations});
  routes.push_back({"POST", "/api/organizations", Access::kUser, AddOrganization});
  routes.push_back({"GET", "/api/users", Access::kUser, ListUsers});
  routes.push_back({"POST", "/api/users", Access::kUser, AddUser});
  routes.push_back({"POST", "/api/users/{name}/disable", Access::kUser, DisableUser});
  routes.push_back({"POST", "/api/users/{name}/enable", Access::kUser, EnableUser});
  routes.push_back({"POST", "/api/users/{name}/role", Access::kUser, ChangeRole});
  routes.push_back({"POST", "/api/users/{name}/password", Access::kUser, ResetPassword});
  routes.push_back({"GET", "/api/users/{name}/tokens", Access::kUser, ListUserTokens});
  routes.push_back(
      {"POST", "/api/users/{name}/tokens/{id}/revoke", Access::kUser, RevokeUserToken});
  routes.push_back({"GET", "/api/tokens", Access::kUser, ListMyTokens});
  routes.push_back({"POST", "/api/tokens/{id}/revoke", Access::kUser, RevokeMyToken});
}

}  // namespace tollgate::server
