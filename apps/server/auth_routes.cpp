// Login, logout, the current user, API tokens; and Authenticate, which every
// non-public route runs first. Sessions and tokens live in the store (hashed), so
// several servers on one database accept the same ones.
#include <chrono>
#include <iostream>
#include <variant>

#include "routes.h"
#include "tollgate/accounts/credentials.h"
#include "tollgate/accounts/login_throttle.h"

namespace tollgate::server {
namespace {

constexpr const char* kCookieName = "tollgate_session";
constexpr std::chrono::hours kSessionLifetime{12};

ApiError Unauthenticated(std::string message) {
  return {MakeError(ErrorCode::kPermissionDenied, std::move(message)), "", 401, "unauthenticated"};
}

std::string CookieValue(const std::string& header, const std::string& name) {
  std::size_t start = 0;
  while (start < header.size()) {
    auto end = header.find(';', start);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(start, end - start);
    const auto first = part.find_first_not_of(' ');
    if (first != std::string::npos) part = part.substr(first);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    start = end + 1;
  }
  return "";
}

std::string SessionCookie(const std::string& value, long long max_age) {
  return std::string(kCookieName) + "=" + value +
         "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age);
}

void LogLoginFailure(const std::string& user, const ApiRequest& request, std::int64_t failures,
                     bool locked) {
  // One write per line, as the access log does, so lines from several threads do not
  // interleave; an operator sees guessing in the log (NIST SP 800-63B 5.2.2).
  const nlohmann::json line = {{"event", locked ? "login_refused_backoff" : "login_failed"},
                               {"user", user},
                               {"remote", request.remote},
                               {"failures", failures}};
  std::cerr << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"
            << std::flush;
}

// Checks `password` for `name` behind the login back-off (accounts/login_throttle.h).
// Answers the stored password, or the response to send: 429 while backing off, 401
// for a wrong password or an unknown user (the same words and about the same time, so
// the answer does not tell which names exist).
std::variant<storage::StoredPassword, ApiResponse> CheckPassword(ServerState& state,
                                                                 storage::Store& store,
                                                                 const ApiRequest& request,
                                                                 const std::string& name,
                                                                 const std::string& password) {
  const std::vector<std::string> keys = {accounts::UserKey(name),
                                         accounts::AddressKey(request.remote)};
  const auto now = state.clock().Now();
  auto locked = accounts::LockedUntil(store, keys, now);
  if (!locked.ok()) return ErrorResponse(FromError(locked.error()));
  if (*locked) {
    LogLoginFailure(name, request, 0, true);
    auto response = ErrorResponse(
        {MakeError(ErrorCode::kPermissionDenied, "too many failed logins: try again after " +
                                                     licensing::FormatTimestamp(**locked)),
         "", 429, "too_many_failures"});
    response.headers.emplace_back("Retry-After", std::to_string((**locked - now).count()));
    return response;
  }
  auto stored = store.Password(name);
  if (!stored.ok() && stored.error().code != ErrorCode::kNotFound) {
    return ErrorResponse(FromError(stored.error()));
  }
  // An unknown user costs the same hashing as a known one: timing does not tell
  // which user names exist.
  static const std::string kDecoy = accounts::HashPassword("decoy password, never valid");
  const bool verified =
      accounts::VerifyPassword(password, stored.ok() ? stored->hash : kDecoy) && stored.ok();
  if (!verified || password.size() > accounts::kMaxPasswordLength) {
    auto failures = accounts::RecordLoginFailure(store, keys, now);
    if (!failures.ok()) return ErrorResponse(FromError(failures.error()));
    LogLoginFailure(name, request, *failures, false);
    return ErrorResponse(Unauthenticated("wrong user name or password"));
  }
  if (stored->user_disabled) {
    return ErrorResponse(Unauthenticated("this account is disabled: ask an administrator"));
  }
  // The address keeps its count: one good password must not wipe out the guesses
  // made from there at other names.
  if (auto s = store.ClearLoginFailures(accounts::UserKey(name)); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  return std::move(stored).value();
}

// The user and password members of a login or password-change body.
std::optional<ApiError> RequireStrings(const nlohmann::json& json,
                                       std::initializer_list<const char*> fields) {
  for (const char* field : fields) {
    if (!json.contains(field) || !json[field].is_string()) {
      return Invalid(field, "required, a string");
    }
  }
  return std::nullopt;
}

ApiResponse StartSession(ServerState& state, storage::Store& store, const std::string& name) {
  auto user = store.GetUser(name);
  if (!user.ok()) return ErrorResponse(FromError(user.error()));
  const std::string session_id = accounts::RandomSecret();
  const auto now = state.clock().Now();
  storage::SessionRecord session{accounts::SecretDigest(session_id), *user,
                                 accounts::RandomSecret(), licensing::FormatTimestamp(now),
                                 licensing::FormatTimestamp(now + kSessionLifetime)};
  if (auto s = store.AddSession(session); !s.ok()) return ErrorResponse(FromError(s.error()));
  auto response = Json({{"user", UserJson(*user)}, {"csrf_token", session.csrf_token}});
  response.headers.emplace_back(
      "Set-Cookie", SessionCookie(session_id, std::chrono::seconds(kSessionLifetime).count()));
  return response;
}

ApiResponse Login(ServerState& state, storage::Store& store, const Caller*,
                  const ApiRequest& request) {
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  if (auto e = RequireStrings(*body, {"user", "password"})) return ErrorResponse(*e);
  const std::string name = (*body)["user"];
  auto checked = CheckPassword(state, store, request, name, (*body)["password"]);
  if (auto* refused = std::get_if<ApiResponse>(&checked)) return *refused;
  if (std::get<storage::StoredPassword>(checked).must_change) {
    // A one-time password was read off an administrator's terminal: it opens no
    // session, only the change to a password the user alone knows.
    return ErrorResponse({MakeError(ErrorCode::kPermissionDenied,
                                    "password change required: send user, password and "
                                    "new_password to POST /api/password"),
                          "new_password", 403, "password_change_required"});
  }
  return StartSession(state, store, name);
}

// Anyone who knows a user's password (one-time or not) sets a new one and is logged in.
ApiResponse ChangePassword(ServerState& state, storage::Store& store, const Caller*,
                           const ApiRequest& request) {
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  if (auto e = RequireStrings(*body, {"user", "password", "new_password"})) {
    return ErrorResponse(*e);
  }
  const std::string name = (*body)["user"];
  const std::string password = (*body)["password"];
  const std::string new_password = (*body)["new_password"];
  auto checked = CheckPassword(state, store, request, name, password);
  if (auto* refused = std::get_if<ApiResponse>(&checked)) return *refused;
  if (auto s = accounts::ValidateNewPassword(new_password); !s.ok()) {
    return ErrorResponse(FromError(s.error(), "new_password"));
  }
  if (new_password == password) {
    return ErrorResponse(Invalid("new_password", "must differ from the current password"));
  }
  auto user = store.GetUser(name);
  if (!user.ok()) return ErrorResponse(FromError(user.error()));
  const storage::ChangeStamp stamp{licensing::Describe(licensing::ActorFor(*user)),
                                   state.clock().Timestamp()};
  if (auto s = store.SetPasswordHash(name, accounts::HashPassword(new_password), false, stamp);
      !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  return StartSession(state, store, name);
}

ApiResponse Logout(ServerState&, storage::Store& store, const Caller* caller, const ApiRequest&) {
  if (caller->by_session) {
    if (auto s = store.DeleteSession(caller->session_digest); !s.ok()) {
      return ErrorResponse(FromError(s.error()));
    }
  }
  auto response = Json({{"logged_out", true}});
  response.headers.emplace_back("Set-Cookie", SessionCookie("", 0));
  return response;
}

ApiResponse Me(ServerState&, storage::Store&, const Caller* caller, const ApiRequest&) {
  return Json(
      {{"user", UserJson(caller->user)},
       {"csrf_token", caller->by_session ? nlohmann::json(caller->csrf_token) : nlohmann::json()}});
}

ApiResponse IssueToken(ServerState& state, storage::Store& store, const Caller* caller,
                       const ApiRequest& request) {
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  if (!body->contains("name") || !(*body)["name"].is_string()) {
    return ErrorResponse(Invalid("name", "required: what the token is for, e.g. order-system"));
  }
  const std::string name = (*body)["name"];
  if (!licensing::IsWellFormedKey(name)) {
    return ErrorResponse(Invalid("name", "1 to 64 of a-z, 0-9, '-', '_' and '.'"));
  }
  const std::string token = accounts::RandomSecret("tg_");
  const std::string timestamp = state.clock().Timestamp();
  storage::ApiTokenRecord record{accounts::SecretDigest(token), caller->user.name, name, timestamp};
  const storage::ChangeStamp stamp{licensing::Describe(licensing::ActorFor(caller->user)),
                                   timestamp};
  if (auto s = store.AddApiToken(record, stamp); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  return Json({{"token", token}, {"name", name}, {"user", caller->user.name}}, 201);
}

}  // namespace

std::optional<ApiError> Authenticate(ServerState& state, storage::Store& store,
                                     const std::string& method, const Credentials& credentials,
                                     Caller& caller) {
  if (!credentials.authorization.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (credentials.authorization.rfind(kBearer, 0) != 0) {
      return Unauthenticated("Authorization: expected 'Bearer <token>'");
    }
    const std::string token = credentials.authorization.substr(kBearer.size());
    auto user = store.UserForToken(accounts::SecretDigest(token));
    if (!user.ok()) {
      if (user.error().code == ErrorCode::kNotFound) {
        return Unauthenticated("unknown or revoked API token, or its user is disabled");
      }
      return FromError(user.error());
    }
    caller.user = *user;
    return std::nullopt;
  }
  const std::string session_id = CookieValue(credentials.cookie, kCookieName);
  if (session_id.empty()) {
    return Unauthenticated("log in (POST /api/login) or send 'Authorization: Bearer <token>'");
  }
  auto session = store.FindSession(accounts::SecretDigest(session_id));
  if (!session.ok()) {
    if (session.error().code == ErrorCode::kNotFound) {
      return Unauthenticated("the session is unknown or ended: log in again");
    }
    return FromError(session.error());
  }
  if (session->expires_at <= state.clock().Timestamp()) {
    return Unauthenticated("the session expired: log in again");
  }
  // A cookie is sent by the browser whatever page caused the request; the CSRF token
  // is known only to pages of this origin (it came in a JSON body).
  if (method != "GET" && method != "HEAD" &&
      !accounts::ConstantTimeEquals(credentials.csrf, session->csrf_token)) {
    return Forbidden("X-CSRF-Token header missing or wrong (from POST /api/login or GET /api/me)");
  }
  caller.user = session->user;
  caller.by_session = true;
  caller.session_digest = session->digest;
  caller.csrf_token = session->csrf_token;
  return std::nullopt;
}

void AddAuthRoutes(std::vector<Route>& routes) {
  routes.push_back({"POST", "/api/login", Access::kPublic, Login});
  routes.push_back({"POST", "/api/password", Access::kPublic, ChangePassword});
  routes.push_back({"POST", "/api/logout", Access::kUser, Logout});
  routes.push_back({"GET", "/api/me", Access::kUser, Me});
  routes.push_back({"POST", "/api/tokens", Access::kUser, IssueToken});
}

}  // namespace tollgate::server
