// The webhook outbox: events put in it by the code that makes them, and the sending
// of what is due (issue 15, item 5).
//
// QueueEvent is called inside the unit of work that makes the event (an alert opened
// or reopened), so the event and its deliveries commit together or not at all.
// DeliverDue is run by the server every few seconds (`serve --webhook-interval`) and by
// `tollgate webhooks deliver`; it claims what is due, POSTs each body signed
// (signature.h), and records the outcome: 2xx is delivered; anything else (an error
// status, a refused connection, a timeout, a redirect: a receiver moves by having its
// URL changed, not by sending the body elsewhere) is tried again after RetryDelay, and
// after kMaxAttempts the delivery is failed and kept for `webhooks redeliver`.
//
// Thread-safety: free functions over the store given; the store is not shared.
// Failure: a store error is returned; a receiver's failure is recorded on its delivery,
// not returned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "tollgate/common/result.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/storage/store.h"

namespace tollgate::webhooks {

struct Event {
  std::string id;    // the event's own, stable: the same event is queued once per webhook
  std::string type;  // "alert.opened", "alert.reopened"
  nlohmann::json data;
};

// The body sent: {"id": event id, "type", "organization", "created_at", "data"}.
std::string EventBody(const std::string& organization, const Event& event,
                      const std::string& timestamp);

// Queues `event` for each of the organization's webhooks in use; the number queued.
Result<std::int64_t> QueueEvent(storage::Store& store, const std::string& organization,
                                const Event& event, const std::string& timestamp);

struct DeliveryRun {
  std::size_t delivered = 0;
  std::size_t retrying = 0;   // failed this time, to be tried again
  std::size_t failed = 0;     // failed for the last time
  std::size_t cancelled = 0;  // their webhook was removed meanwhile
};

// Asked before each POST and while one is under way: true ends the run early (a
// server stopping). A delivery not sent is put back as it was, due at once.
using StopRequested = std::function<bool()>;

// Sends up to `limit` deliveries due at clock.Now(), one after another.
Result<DeliveryRun> DeliverDue(storage::Store& store, const licensing::Clock& clock,
                               std::size_t limit = 100, const StopRequested& stop = {});

}  // namespace tollgate::webhooks
