#include "tollgate/webhooks/webhook.h"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace tollgate::webhooks {
namespace {

Error Bad(const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, "url: " + message);
}

}  // namespace

const char* DeliveryStateName(DeliveryState state) {
  switch (state) {
    case DeliveryState::kPending:
      return "pending";
    case DeliveryState::kDelivered:
      return "delivered";
    case DeliveryState::kFailed:
      return "failed";
    case DeliveryState::kCancelled:
      return "cancelled";
  }
  return "pending";
}

std::optional<DeliveryState> ParseDeliveryState(std::string_view text) {
  for (auto state : {DeliveryState::kPending, DeliveryState::kDelivered, DeliveryState::kFailed,
                     DeliveryState::kCancelled}) {
    if (text == DeliveryStateName(state)) return state;
  }
  return std::nullopt;
}

Status ValidateWebhookUrl(std::string_view url) {
  constexpr std::size_t kMaxLength = 2000;
  if (url.empty()) return Bad("must not be empty");
  if (url.size() > kMaxLength) return Bad("longer than 2,000 characters");
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return Bad("'" + std::string(url) + "' is not an http:// or https:// URL");
  }
  if (std::any_of(url.begin(), url.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; })) {
    return Bad("contains a space or a control character");
  }
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) {
    return Bad("a user name or password in the URL would be shown in listings and logs");
  }
  if (authority.empty() || authority.front() == ':') return Bad("has no host");
  return {};
}

std::string NewSecret() {
  std::array<unsigned char, 32> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) std::abort();
  std::string hex;
  hex.reserve(64);
  for (unsigned char b : bytes) {
    char pair[3];
    std::snprintf(pair, sizeof pair, "%02x", b);
    hex += pair;
  }
  return hex;
}

nlohmann::json ToJson(const Webhook& webhook, bool with_secret) {
  nlohmann::json out{
      {"id", webhook.id},
      {"organization", webhook.organization},
      {"url", webhook.url},
      {"created_at", webhook.created_at},
      {"created_by", webhook.created_by},
      {"removed_at",
       webhook.removed_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(webhook.removed_at)}};
  if (with_secret) out["secret"] = webhook.secret;
  return out;
}

nlohmann::json ToJson(const Delivery& d) {
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
  };
  return {{"id", d.id},
          {"webhook", d.webhook},
          {"organization", d.organization},
          {"url", d.url},
          {"event_id", d.event_id},
          {"event_type", d.event_type},
          {"state", DeliveryStateName(d.state)},
          {"attempts", d.attempts},
          {"created_at", d.created_at},
          {"next_attempt_at", d.state == DeliveryState::kPending ? or_null(d.next_attempt_at)
                                                                 : nlohmann::json(nullptr)},
          {"delivered_at", or_null(d.delivered_at)},
          {"last_error", or_null(d.last_error)}};
}

std::chrono::seconds RetryDelay(std::int64_t attempts) {
  constexpr std::chrono::seconds kFirst{10};
  constexpr std::chrono::seconds kLongest{3600};
  std::chrono::seconds delay = kFirst;
  for (std::int64_t i = 1; i < attempts && delay < kLongest; ++i) delay *= 2;
  return std::min(delay, kLongest);
}

}  // namespace tollgate::webhooks
