// SqlStore's webhooks and their outbox (tables: migration 12): registrations, audited;
// the deliveries an event queues, claims for sending and their outcomes.
#include <algorithm>

#include "storage/queries.h"
#include "storage/sql_store.h"
#include "storage/stored_applications.h"

namespace tollgate::storage {
namespace {

Error UnknownWebhook(const std::string& organization, std::int64_t id) {
  return MakeError(ErrorCode::kNotFound,
                   "no webhook " + std::to_string(id) + " in use in organization " + organization);
}

Error UnknownDelivery(const std::string& organization, std::int64_t id) {
  return MakeError(ErrorCode::kNotFound, "no webhook delivery " + std::to_string(id) +
                                             " in organization " + organization);
}

// Columns 0-12 as kSelectDeliveries and kSelectDeliveryWithWebhook read them.
Result<webhooks::Delivery> DecodeDelivery(sql::Rows& rows, int i) {
  webhooks::Delivery d;
  d.id = rows.Int(i, 0);
  d.webhook = rows.Int(i, 1);
  d.organization = rows.Take(i, 2);
  d.url = rows.Take(i, 3);
  d.event_id = rows.Take(i, 4);
  d.event_type = rows.Take(i, 5);
  d.payload = rows.Take(i, 6);
  auto state = webhooks::ParseDeliveryState(rows.Text(i, 7));
  if (!state) {
    return MakeError(ErrorCode::kStorageError,
                     "webhook delivery " + std::to_string(d.id) + ": the stored state is damaged");
  }
  d.state = *state;
  d.attempts = rows.Int(i, 8);
  d.created_at = rows.Take(i, 9);
  d.next_attempt_at = rows.Take(i, 10);
  d.delivered_at = rows.Take(i, 11);
  d.last_error = rows.Take(i, 12);
  return d;
}

}  // namespace

Result<webhooks::Webhook> SqlStore::AddWebhook(webhooks::Webhook webhook,
                                               const ChangeStamp& stamp) {
  if (auto valid = webhooks::ValidateWebhookUrl(webhook.url); !valid.ok()) return valid.error();
  if (webhook.secret.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "secret: must not be empty");
  }
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto known = Exists(q::kCountOrganization, webhook.organization);
  if (!known.ok()) return known.error();
  if (!*known) return UnknownOrganization(webhook.organization);
  webhook.created_at = stamp.timestamp;
  webhook.created_by = stamp.actor;
  webhook.removed_at.clear();
  auto inserted = db_->Run(q::kInsertWebhook, {webhook.organization, webhook.url, webhook.secret,
                                               webhook.created_at, webhook.created_by});
  if (!inserted.ok()) return inserted.error();
  webhook.id = inserted->Int(0, 0);
  audit::Entry entry{
      stamp.timestamp, stamp.actor,
      "webhook.add",   "webhook " + webhook.organization + "/" + std::to_string(webhook.id),
      nullptr,         webhooks::ToJson(webhook)};
  if (auto a = AppendAudit(std::move(entry)); !a.ok()) return a.error();
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return webhook;
}

Result<std::vector<webhooks::Webhook>> SqlStore::ListWebhooks(const std::string& organization) {
  auto rows = db_->Run(q::kSelectWebhooks, {organization});
  if (!rows.ok()) return rows.error();
  std::vector<webhooks::Webhook> found;
  for (int i = 0; i < rows->size(); ++i) {
    found.push_back({rows->Int(i, 0), rows->Take(i, 1), rows->Take(i, 2), rows->Take(i, 3),
                     rows->Take(i, 4), rows->Take(i, 5), rows->Take(i, 6)});
  }
  return found;
}

Status SqlStore::RemoveWebhook(const std::string& organization, std::int64_t id,
                               const ChangeStamp& stamp) {
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto removed = db_->Run(q::kRemoveWebhook, {organization, id, stamp.timestamp});
  if (!removed.ok()) return removed.error();
  if (removed->empty()) return UnknownWebhook(organization, id);
  auto cancelled = db_->Run(q::kCancelWebhookDeliveries, {id});
  if (!cancelled.ok()) return cancelled.error();
  audit::Entry entry{
      stamp.timestamp,
      stamp.actor,
      "webhook.remove",
      "webhook " + organization + "/" + std::to_string(id),
      nullptr,
      {{"removed_at", stamp.timestamp}, {"cancelled_deliveries", cancelled->size()}}};
  if (auto a = AppendAudit(std::move(entry)); !a.ok()) return a.error();
  return tx->Commit();
}

Result<std::int64_t> SqlStore::EnqueueWebhookEvent(const std::string& organization,
                                                   const std::string& event_id,
                                                   const std::string& event_type,
                                                   const std::string& payload,
                                                   const std::string& timestamp) {
  auto written =
      db_->Run(q::kEnqueueWebhookEvent, {organization, event_id, event_type, payload, timestamp});
  if (!written.ok()) return written.error();
  return static_cast<std::int64_t>(written->size());
}

Result<std::vector<ClaimedDelivery>> SqlStore::ClaimDueDeliveries(const std::string& now,
                                                                  const std::string& lease_until,
                                                                  std::int64_t limit) {
  auto tx = Begin();
  if (!tx.ok()) return tx.error();
  auto claimed = db_->Run(q::kClaimDueDeliveries, {now, lease_until, limit});
  if (!claimed.ok()) return claimed.error();
  std::vector<ClaimedDelivery> found;
  for (int i = 0; i < claimed->size(); ++i) {
    auto rows = db_->Run(q::kSelectDeliveryWithWebhook, {claimed->Int(i, 0)});
    if (!rows.ok()) return rows.error();
    if (rows->empty()) continue;
    auto delivery = DecodeDelivery(*rows, 0);
    if (!delivery.ok()) return delivery.error();
    webhooks::Webhook webhook{delivery->webhook, delivery->organization, delivery->url,
                              rows->Take(0, 13), rows->Take(0, 14),      rows->Take(0, 15),
                              rows->Take(0, 16)};
    found.push_back({std::move(delivery).value(), std::move(webhook)});
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.delivery.id < b.delivery.id; });
  return found;
}

Status SqlStore::RecordDeliveryOutcome(const webhooks::Delivery& delivery) {
  auto updated =
      db_->Run(q::kRecordDeliveryOutcome,
               {delivery.id, webhooks::DeliveryStateName(delivery.state), delivery.delivered_at,
                delivery.next_attempt_at, delivery.last_error, delivery.attempts});
  if (!updated.ok()) return updated.error();
  if (updated->empty()) return UnknownDelivery(delivery.organization, delivery.id);
  return {};
}

Result<std::vector<webhooks::Delivery>> SqlStore::ListDeliveries(
    const std::string& organization, std::optional<webhooks::DeliveryState> state,
    std::int64_t limit) {
  auto rows = db_->Run(q::kSelectDeliveries,
                       {organization, state ? webhooks::DeliveryStateName(*state) : "", limit});
  if (!rows.ok()) return rows.error();
  std::vector<webhooks::Delivery> found;
  for (int i = 0; i < rows->size(); ++i) {
    auto delivery = DecodeDelivery(*rows, i);
    if (!delivery.ok()) return delivery.error();
    found.push_back(std::move(delivery).value());
  }
  return found;
}

Status SqlStore::RedeliverDelivery(const std::string& organization, std::int64_t id,
                                   const ChangeStamp& stamp) {
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto updated = db_->Run(q::kRedeliver, {organization, id, stamp.timestamp});
  if (!updated.ok()) return updated.error();
  if (updated->empty()) {
    auto any = db_->Run(q::kSelectDeliveryWithWebhook, {id});
    if (!any.ok()) return any.error();
    if (any->empty() || any->Text(0, 2) != organization) return UnknownDelivery(organization, id);
    return MakeError(ErrorCode::kRefused, "webhook delivery " + std::to_string(id) + " is " +
                                              any->Text(0, 7) +
                                              ": only a failed delivery is sent again");
  }
  audit::Entry entry{stamp.timestamp,
                     stamp.actor,
                     "webhook.redeliver",
                     "webhook delivery " + organization + "/" + std::to_string(id),
                     nullptr,
                     {{"state", "pending"}, {"next_attempt_at", stamp.timestamp}}};
  if (auto a = AppendAudit(std::move(entry)); !a.ok()) return a.error();
  return tx->Commit();
}

}  // namespace tollgate::storage
