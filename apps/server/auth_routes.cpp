// Login, logout, the current user, API tokens; and Authenticate, which every
// non-public route runs first. Sessions and tokens live in the store (hashed), so
// several servers on one database accept the same ones.
#include <chrono>

#include "routes.h"
#include "tollgate/accounts/credentials.h"

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

ApiResponse Login(ServerState& state, storage::Store& store, const Caller*,
                  const ApiRequest& request) {
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  const auto& json = *body;
  for (const char* field : {"user", "password"}) {
    if (!json.contains(field) || !json[field].is_string()) {
      return ErrorResponse(Invalid(field, "required, a string"));
    }
  }
  const std::string name = json["user"];
  const std::string password = json["password"];
  auto hash = store.PasswordHash(name);
  if (!hash.ok() && hash.error().code != ErrorCode::kNotFound) {
    return ErrorResponse(FromError(hash.error()));
  }
  // An unknown user costs the same hashing as a known one: timing does not tell
  // which user names exist.
  static const std::string kDecoy = accounts::HashPassword("decoy password, never valid");
  const bool verified = accounts::VerifyPassword(password, hash.ok() ? *hash : kDecoy) && hash.ok();
  if (!verified || password.size() > accounts::kMaxPasswordLength) {
    return ErrorResponse(Unauthenticated("wrong user name or password"));
  }
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
      if (user.error().code == ErrorCode::kNotFound) return Unauthenticated("unknown API token");
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
  routes.push_back({"POST", "/api/logout", Access::kUser, Logout});
  routes.push_back({"GET", "/api/me", Access::kUser, Me});
  routes.push_back({"POST", "/api/tokens", Access::kUser, IssueToken});
}

}  // namespace tollgate::server
