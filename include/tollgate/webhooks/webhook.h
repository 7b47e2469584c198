// Webhooks (issue 15, item 5): an organization registers a URL and receives a signed
// JSON POST for each new or reopened alert on its parties, so that its analysts learn
// of a list change that touches a customer without polling. What is to be sent goes to
// an outbox in the store, in the same transaction as the event, and stays there until
// the receiver takes it: a restart, a crash or a receiver that is down loses nothing.
//
// Delivery is at least once: a server that dies between sending and recording the
// answer sends again when the claim lapses. Each POST carries the delivery's id
// (X-Tollgate-Delivery) so that a receiver can drop a repeat.
//
// Thread-safety: plain value types and pure functions.
// Failure: ValidateWebhookUrl returns kInvalidArgument naming the field.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "tollgate/common/result.h"

namespace tollgate::webhooks {

struct Webhook {
  std::int64_t id = 0;
  std::string organization;
  std::string url;
  std::string secret;      // signs the body; never shown again after it is added
  std::string created_at;  // UTC "YYYY-MM-DDTHH:MM:SSZ"
  std::string created_by;
  std::string removed_at;  // "" while in use
};

// pending: to be sent (again) at next_attempt_at; delivered: a 2xx answer came back;
// failed: every attempt was spent (kept, and sent again by Redeliver); cancelled: its
// webhook was removed before it could be delivered.
enum class DeliveryState { kPending, kDelivered, kFailed, kCancelled };
const char* DeliveryStateName(DeliveryState state);
std::optional<DeliveryState> ParseDeliveryState(std::string_view text);

struct Delivery {
  std::int64_t id = 0;
  std::int64_t webhook = 0;
  std::string organization;
  std::string url;  // the webhook's, read with it
  std::string event_id;
  std::string event_type;  // "alert.opened", "alert.reopened"
  std::string payload;     // the JSON body, exactly as signed and sent
  DeliveryState state = DeliveryState::kPending;
  std::int64_t attempts = 0;
  std::string created_at;
  std::string next_attempt_at;
  std::string delivered_at;
  std::string last_error;
};

// An http or https URL with a host, at most 2,000 characters; no user name or password
// in it (they would be written to logs and listings).
Status ValidateWebhookUrl(std::string_view url);

// A new secret: 32 random bytes as 64 hex digits.
std::string NewSecret();

// The JSON forms of the CLI's --json and the API. A webhook's secret is left out
// unless `with_secret` (the answer to adding one).
nlohmann::json ToJson(const Webhook& webhook, bool with_secret = false);
nlohmann::json ToJson(const Delivery& delivery);

// How long to wait before attempt `attempts + 1` after `attempts` failed ones: 10 s,
// doubled each time, at most an hour; kMaxAttempts attempts span about a day.
std::chrono::seconds RetryDelay(std::int64_t attempts);
inline constexpr std::int64_t kMaxAttempts = 30;
// How long a claimed delivery is held by the server sending it before another may
// take it (a sender that died): longer than a POST may take (kPostTimeout).
inline constexpr std::chrono::seconds kClaimLease{120};
inline constexpr std::chrono::seconds kPostTimeout{30};

}  // namespace tollgate::webhooks
