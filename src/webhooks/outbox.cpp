#include "tollgate/webhooks/outbox.h"

#include "common/curl_handle.h"
#include "tollgate/webhooks/signature.h"

namespace tollgate::webhooks {
namespace {

// A receiver's answer: the status, or why there was none.
struct PostOutcome {
  long status = 0;
  std::string error;  // "" when a status came back
};

std::size_t DiscardBody(char*, std::size_t size, std::size_t count, void*) { return size * count; }

// libcurl's progress callback: a non-zero answer aborts the transfer.
int AbortWhenStopping(void* stop, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* requested = static_cast<const StopRequested*>(stop);
  return (*requested && (*requested)()) ? 1 : 0;
}

PostOutcome Post(const storage::ClaimedDelivery& claimed, const StopRequested& stop) {
  if (CURLcode init = CurlGlobalInit(); init != CURLE_OK) {
    return {0, std::string("libcurl did not initialize: ") + curl_easy_strerror(init)};
  }
  CurlEasy curl(curl_easy_init());
  if (!curl) return {0, "libcurl could not create a handle"};
  const Delivery& d = claimed.delivery;
  const std::string headers_text[] = {
      "Content-Type: application/json",
      std::string(kEventHeader) + ": " + d.event_type,
      std::string(kDeliveryHeader) + ": " + std::to_string(d.id),
      std::string(kSignatureHeader) + ": " + Sign(claimed.webhook.secret, d.payload),
  };
  curl_slist* headers = nullptr;
  for (const auto& h : headers_text) headers = curl_slist_append(headers, h.c_str());
  char message[CURL_ERROR_SIZE] = {};
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, claimed.webhook.url.c_str());
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, message);
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_POST, 1L);
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, d.payload.c_str());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(d.payload.size()));
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(std::chrono::milliseconds(kPostTimeout).count()));
  curl_easy_setopt(handle, CURLOPT_USERAGENT, "tollgate-webhooks/1");
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &DiscardBody);
  curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, &AbortWhenStopping);
  curl_easy_setopt(handle, CURLOPT_XFERINFODATA, &stop);
  const CURLcode code = curl_easy_perform(handle);
  curl_slist_free_all(headers);
  if (code != CURLE_OK) return {0, message[0] != 0 ? message : curl_easy_strerror(code)};
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  return {status, ""};
}

}  // namespace

std::string EventBody(const std::string& organization, const Event& event,
                      const std::string& timestamp) {
  return nlohmann::json{{"id", event.id},
                        {"type", event.type},
                        {"organization", organization},
                        {"created_at", timestamp},
                        {"data", event.data}}
      .dump();
}

Result<std::int64_t> QueueEvent(storage::Store& store, const std::string& organization,
                                const Event& event, const std::string& timestamp) {
  return store.EnqueueWebhookEvent(organization, event.id, event.type,
                                   EventBody(organization, event, timestamp), timestamp);
}

Result<DeliveryRun> DeliverDue(storage::Store& store, const licensing::Clock& clock,
                               std::size_t limit, const StopRequested& stop) {
  const auto now = clock.Now();
  auto claimed = store.ClaimDueDeliveries(licensing::FormatTimestamp(now),
                                          licensing::FormatTimestamp(now + kClaimLease),
                                          static_cast<std::int64_t>(limit));
  if (!claimed.ok()) return claimed.error();
  DeliveryRun run;
  for (auto& c : *claimed) {
    Delivery outcome = c.delivery;
    if (stop && stop()) {
      // Not sent: as it was before the claim, due now, for the next run or server.
      outcome.next_attempt_at = licensing::FormatTimestamp(now);
      --outcome.attempts;
      if (auto s = store.RecordDeliveryOutcome(outcome); !s.ok()) return s.error();
      continue;
    }
    if (!c.webhook.removed_at.empty()) {
      outcome.state = DeliveryState::kCancelled;
      outcome.last_error = "the webhook was removed";
      ++run.cancelled;
    } else {
      const PostOutcome answer = Post(c, stop);
      const auto answered = clock.Now();
      if (answer.error.empty() && answer.status >= 200 && answer.status < 300) {
        outcome.state = DeliveryState::kDelivered;
        outcome.delivered_at = licensing::FormatTimestamp(answered);
        outcome.last_error.clear();
        ++run.delivered;
      } else {
        outcome.last_error = answer.error.empty()
                                 ? "the receiver answered HTTP " + std::to_string(answer.status)
                                 : answer.error;
        if (outcome.attempts >= kMaxAttempts) {
          outcome.state = DeliveryState::kFailed;
          ++run.failed;
        } else {
          outcome.next_attempt_at =
              licensing::FormatTimestamp(answered + RetryDelay(outcome.attempts));
          ++run.retrying;
        }
      }
    }
    if (auto s = store.RecordDeliveryOutcome(outcome); !s.ok()) return s.error();
  }
  return run;
}

}  // namespace tollgate::webhooks
