// Webhooks over HTTP, as `tollgate webhooks ... --json`. Like the party master, only
// an applicant works on its own organization's webhooks (parties/access.h): another
// role gets 403, and another organization's webhook or delivery is "not found" (404).
#include <charconv>

#include "routes.h"
#include "tollgate/webhooks/access.h"
#include "tollgate/webhooks/outbox.h"

namespace tollgate::server {
namespace {

Result<std::string> OwnerOf(const Caller& caller) {
  return webhooks::WebhooksOf(caller.user, std::nullopt);
}

storage::ChangeStamp StampOf(ServerState& state, const Caller& caller) {
  return {licensing::Describe(licensing::ActorFor(caller.user)), state.clock().Timestamp()};
}

// A positive integer from `text`, or an error naming `field`.
std::optional<ApiError> PositiveId(const std::string& text, const char* field, std::int64_t& out) {
  const auto* end = text.data() + text.size();
  const auto parsed = std::from_chars(text.data(), end, out);
  if (text.empty() || parsed.ec != std::errc() || parsed.ptr != end || out <= 0) {
    return Invalid(field, "'" + text + "' is not a positive integer");
  }
  return std::nullopt;
}

ApiResponse List(ServerState&, storage::Store& store, const Caller* caller, const ApiRequest&) {
  auto organization = OwnerOf(*caller);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  auto hooks = store.ListWebhooks(*organization);
  if (!hooks.ok()) return ErrorResponse(FromError(hooks.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& h : *hooks) out.push_back(webhooks::ToJson(h));
  return Json({{"organization", *organization}, {"webhooks", out}});
}

// {"url": ..., "secret": optional}; the answer carries the secret, once.
ApiResponse Add(ServerState& state, storage::Store& store, const Caller* caller,
                const ApiRequest& request) {
  auto organization = OwnerOf(*caller);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  for (const auto& [key, value] : body->items()) {
    if (key != "url" && key != "secret") {
      return ErrorResponse(Invalid(key, "unknown field (url, secret)"));
    }
    if (!value.is_string()) return ErrorResponse(Invalid(key, "expected a string"));
  }
  webhooks::Webhook hook;
  hook.organization = *organization;
  hook.url = body->value("url", "");
  hook.secret = body->value("secret", "");
  if (hook.secret.empty()) hook.secret = webhooks::NewSecret();
  auto added = store.AddWebhook(hook, StampOf(state, *caller));
  if (!added.ok()) return ErrorResponse(FromError(added.error(), FieldOf(added.error().message)));
  return Json(webhooks::ToJson(*added, /*with_secret=*/true), 201);
}

ApiResponse Remove(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  auto organization = OwnerOf(*caller);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  std::int64_t id = 0;
  if (auto e = PositiveId(request.path_params.at(0), "id", id)) return ErrorResponse(*e);
  if (auto s = store.RemoveWebhook(*organization, id, StampOf(state, *caller)); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  return Json({{"organization", *organization}, {"removed", id}});
}

// ?state=pending|delivered|failed|cancelled&limit=N (default 50, at most 1,000).
ApiResponse Deliveries(ServerState&, storage::Store& store, const Caller* caller,
                       const ApiRequest& request) {
  auto organization = OwnerOf(*caller);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  std::optional<webhooks::DeliveryState> state;
  if (const std::string text = Query(request, "state"); !text.empty()) {
    state = webhooks::ParseDeliveryState(text);
    if (!state) {
      return ErrorResponse(
          Invalid("state", "'" + text + "' is not one of pending, delivered, failed, cancelled"));
    }
  }
  std::int64_t limit = 50;
  if (const std::string text = Query(request, "limit"); !text.empty()) {
    if (auto e = PositiveId(text, "limit", limit)) return ErrorResponse(*e);
    if (limit > 1000) return ErrorResponse(Invalid("limit", "at most 1000"));
  }
  auto found = store.ListDeliveries(*organization, state, limit);
  if (!found.ok()) return ErrorResponse(FromError(found.error()));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : *found) out.push_back(webhooks::ToJson(d));
  return Json({{"organization", *organization}, {"deliveries", out}});
}

ApiResponse Redeliver(ServerState& state, storage::Store& store, const Caller* caller,
                      const ApiRequest& request) {
  auto organization = OwnerOf(*caller);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  std::int64_t id = 0;
  if (auto e = PositiveId(request.path_params.at(0), "id", id)) return ErrorResponse(*e);
  if (auto s = store.RedeliverDelivery(*organization, id, StampOf(state, *caller)); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  return Json({{"organization", *organization}, {"redelivering", id}});
}

}  // namespace

void AddWebhooksRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/webhooks", Access::kUser, List});
  routes.push_back({"POST", "/api/webhooks", Access::kUser, Add});
  routes.push_back({"POST", "/api/webhooks/{id}/remove", Access::kUser, Remove});
  routes.push_back({"GET", "/api/webhooks/deliveries", Access::kUser, Deliveries});
  routes.push_back({"POST", "/api/webhooks/deliveries/{id}/redeliver", Access::kUser, Redeliver});
}

}  // namespace tollgate::server
