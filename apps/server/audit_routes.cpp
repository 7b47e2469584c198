// The audit log for oversight and a monitor outside the server: verification (with an
// anchor or a signed checkpoint kept elsewhere) and a freshly signed checkpoint
// (audit/checkpoint.h). Oversight and administrators may call them: a monitor uses an
// oversight user's API token, which can read but change nothing.
#include <iostream>

#include "routes.h"
#include "tollgate/audit/stored_log.h"

namespace tollgate::server {
namespace {

using licensing::Role;

std::optional<ApiError> MayAudit(const Caller& caller) {
  return RequireRole(caller, {Role::kOversight, Role::kAdmin});
}

// The key's own errors name its path: they go to the log, not to the client.
ApiResponse KeyUnavailable(const Error& error) {
  std::cerr << nlohmann::json({{"error", error.message}}).dump() << std::endl;
  auto response = ErrorResponse({MakeError(ErrorCode::kInternal,
                                           "the audit checkpoint key is not available: see the "
                                           "server's log"),
                                 "", 503, "io_error"});
  return response;
}

// The library's "field: ..." message (checkpoint.h), as an error naming that field.
ApiError CheckpointError(const Error& error) {
  std::string message = error.message;
  const std::string prefix = "checkpoint: field ";
  if (message.rfind(prefix, 0) == 0) message = message.substr(prefix.size());
  const auto colon = message.find(':');
  std::string field = colon == std::string::npos ? "" : message.substr(0, colon);
  if (field.find(' ') != std::string::npos) field.clear();
  return Invalid(field, "checkpoint: " + message);
}

ApiResponse Verify(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  if (auto denied = MayAudit(*caller)) return ErrorResponse(*denied);
  std::optional<audit::Anchor> anchor;
  if (const std::string text = Query(request, "anchor"); !text.empty()) {
    auto parsed = audit::ParseAnchor(text, "anchor");
    if (!parsed.ok()) return ErrorResponse(FromError(parsed.error(), "anchor"));
    anchor = *parsed;
  }
  std::optional<audit::Checkpoint> checkpoint;
  if (request.method == "POST") {
    auto body = ParseBody(request);
    if (!body.ok()) return ErrorResponse(FromError(body.error()));
    auto parsed = audit::CheckpointFromJson(*body, "checkpoint");
    if (!parsed.ok()) return ErrorResponse(CheckpointError(parsed.error()));
    auto own = audit::OwnPublicKey(state.options().db_url, state.options().audit_key);
    if (!own.ok()) return KeyUnavailable(own.error());
    if (auto checked = audit::CheckSignature(*parsed, *own); !checked.ok()) {
      return ErrorResponse(CheckpointError(checked.error()));
    }
    checkpoint = std::move(parsed).value();
  }
  auto verified = audit::VerifyStoredLog(store, anchor, checkpoint);
  if (!verified.ok()) return ErrorResponse(FromError(verified.error()));
  return Json(audit::ToJson(*verified));
}

ApiResponse Checkpoint(ServerState& state, storage::Store& store, const Caller* caller,
                       const ApiRequest&) {
  if (auto denied = MayAudit(*caller)) return ErrorResponse(*denied);
  auto path = audit::AuditKeyPath(state.options().db_url, state.options().audit_key);
  if (!path.ok()) return KeyUnavailable(path.error());
  auto key = audit::SigningKey::LoadOrCreate(*path);
  if (!key.ok()) return KeyUnavailable(key.error());
  auto checkpoint = audit::CheckpointStoredLog(store, *key, state.clock().Timestamp());
  if (!checkpoint.ok()) return ErrorResponse(FromError(checkpoint.error()));
  return Json(audit::ToJson(*checkpoint));
}

}  // namespace

void AddAuditRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/audit/verify", Access::kUser, Verify});
  routes.push_back({"POST", "/api/audit/verify", Access::kUser, Verify});
  routes.push_back({"GET", "/api/audit/checkpoint", Access::kUser, Checkpoint});
}

}  // namespace tollgate::server
