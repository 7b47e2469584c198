// The Store contract for webhooks and their outbox, on every backend: registration
// with its audit record (without the secret), one delivery per webhook in use and per
// event however often the event is queued, claims that take a due delivery once, the
// outcome recorded, removal cancelling what is pending, and redelivery of a failed one
// only.
#include <gtest/gtest.h>

#include "test_databases.h"
#include "tollgate/audit/verify.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {
namespace {

using testing::TestDatabase;
using webhooks::DeliveryState;

const ChangeStamp kAdded{"applicant msft-exports", "2026-12-07T10:00:00Z"};
const std::string kNow = "2026-12-07T10:00:05Z";
const std::string kLease = "2026-12-07T10:02:05Z";

class WebhookStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto store = OpenStore(db_.url());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    for (auto [id, name] : {std::pair{"microsoft", "Microsoft Corporation"},
                            std::pair{"qualcomm", "Qualcomm Incorporated"}}) {
      ASSERT_TRUE(store_->AddOrganization({id, name}, kAdded).ok());
    }
  }
  webhooks::Webhook Add(const std::string& organization, const std::string& url) {
    webhooks::Webhook w;
    w.organization = organization;
    w.url = url;
    w.secret = "s3cret-" + organization;
    auto added = store_->AddWebhook(w, kAdded);
    EXPECT_TRUE(added.ok()) << added.error().message;
    return added.ok() ? *added : w;
  }
  TestDatabase db_{GetParam()};
  std::unique_ptr<Store> store_;
};

TEST_P(WebhookStoreTest, AWebhookIsAuditedWithoutItsSecretAndListedByOrganization) {
  const auto hook = Add("microsoft", "https://hooks.example.com/tollgate");
  EXPECT_GT(hook.id, 0);
  Add("qualcomm", "http://127.0.0.1:9/q");
  auto listed = store_->ListWebhooks("microsoft");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].url, "https://hooks.example.com/tollgate");
  EXPECT_EQ((*listed)[0].secret, "s3cret-microsoft");
  EXPECT_EQ((*listed)[0].created_by, kAdded.actor);

  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  ASSERT_FALSE(log->empty());
  const auto& last_microsoft = (*log)[log->size() - 2];
  EXPECT_EQ(last_microsoft.action, "webhook.add");
  EXPECT_EQ(last_microsoft.after.dump().find("s3cret"), std::string::npos)
      << last_microsoft.after.dump();
  EXPECT_TRUE(audit::Verify(*log).ok());
}

TEST_P(WebhookStoreTest, ABadUrlOrAnUnknownOrganizationIsRefusedAndNothingIsStored) {
  webhooks::Webhook w{0, "microsoft", "ftp://example.com/x", "s", "", "", ""};
  auto bad = store_->AddWebhook(w, kAdded);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.error().message.find("url:"), std::string::npos) << bad.error().message;
  w.url = "https://example.com/x";
  w.organization = "nobody";
  auto unknown = store_->AddWebhook(w, kAdded);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  auto listed = store_->ListWebhooks("microsoft");
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty());
}

TEST_P(WebhookStoreTest, AnEventIsQueuedOncePerWebhookInUseHoweverOftenItIsQueued) {
  const auto first = Add("microsoft", "http://127.0.0.1:9/a");
  Add("microsoft", "http://127.0.0.1:9/b");
  Add("qualcomm", "http://127.0.0.1:9/q");
  auto queued = store_->EnqueueWebhookEvent("microsoft", "alert/1/opened/1", "alert.opened",
                                            "{\"id\":1}", kNow);
  ASSERT_TRUE(queued.ok()) << queued.error().message;
  EXPECT_EQ(*queued, 2);
  // A second server reporting the same event writes nothing more.
  auto again = store_->EnqueueWebhookEvent("microsoft", "alert/1/opened/1", "alert.opened",
                                           "{\"id\":1}", kNow);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  // Removed webhooks get nothing; their pending deliveries are cancelled.
  ASSERT_TRUE(store_->RemoveWebhook("microsoft", first.id, kAdded).ok());
  auto after_removal = store_->EnqueueWebhookEvent("microsoft", "alert/2/opened/1", "alert.opened",
                                                   "{\"id\":2}", kNow);
  ASSERT_TRUE(after_removal.ok());
  EXPECT_EQ(*after_removal, 1);
  auto cancelled = store_->ListDeliveries("microsoft", DeliveryState::kCancelled, 10);
  ASSERT_TRUE(cancelled.ok());
  ASSERT_EQ(cancelled->size(), 1u);
  EXPECT_EQ((*cancelled)[0].webhook, first.id);
  // Another organization's webhook cannot be removed by id.
  auto others = store_->RemoveWebhook("qualcomm", first.id + 1, kAdded);
  ASSERT_FALSE(others.ok());
  EXPECT_EQ(others.error().code, ErrorCode::kNotFound);
}

TEST_P(WebhookStoreTest, ADueDeliveryIsClaimedOnceUntilItsLeaseRunsOut) {
  Add("microsoft", "http://127.0.0.1:9/a");
  ASSERT_TRUE(store_->EnqueueWebhookEvent("microsoft", "e1", "alert.opened", "{}", kNow).ok());
  ASSERT_TRUE(
      store_->EnqueueWebhookEvent("microsoft", "e2", "alert.opened", "{}", "2026-12-07T11:00:00Z")
          .ok());
  auto claimed = store_->ClaimDueDeliveries(kNow, kLease, 10);
  ASSERT_TRUE(claimed.ok()) << claimed.error().message;
  ASSERT_EQ(claimed->size(), 1u) << "e2 is not due yet";
  const auto& c = (*claimed)[0];
  EXPECT_EQ(c.delivery.event_id, "e1");
  EXPECT_EQ(c.delivery.attempts, 1);
  EXPECT_EQ(c.webhook.secret, "s3cret-microsoft");
  EXPECT_EQ(c.webhook.url, "http://127.0.0.1:9/a");
  // Taken: a second claim at the same time gets nothing; after the lease, it is due again.
  auto second = store_->ClaimDueDeliveries(kNow, kLease, 10);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->empty());
  auto after_lease = store_->ClaimDueDeliveries(kLease, "2026-12-07T10:04:05Z", 10);
  ASSERT_TRUE(after_lease.ok());
  ASSERT_EQ(after_lease->size(), 1u);
  EXPECT_EQ((*after_lease)[0].delivery.attempts, 2);

  webhooks::Delivery outcome = (*after_lease)[0].delivery;
  outcome.state = DeliveryState::kDelivered;
  outcome.delivered_at = kLease;
  ASSERT_TRUE(store_->RecordDeliveryOutcome(outcome).ok());
  auto delivered = store_->ListDeliveries("microsoft", DeliveryState::kDelivered, 10);
  ASSERT_TRUE(delivered.ok());
  ASSERT_EQ(delivered->size(), 1u);
  EXPECT_EQ((*delivered)[0].delivered_at, kLease);
  auto none = store_->ClaimDueDeliveries("2026-12-08T00:00:00Z", "2026-12-08T00:02:00Z", 10);
  ASSERT_TRUE(none.ok());
  ASSERT_EQ(none->size(), 1u) << "only e2 is left to send";
  EXPECT_EQ((*none)[0].delivery.event_id, "e2");
}

TEST_P(WebhookStoreTest, OnlyAFailedDeliveryIsSentAgainAndTheRedeliveryIsAudited) {
  Add("microsoft", "http://127.0.0.1:9/a");
  ASSERT_TRUE(store_->EnqueueWebhookEvent("microsoft", "e1", "alert.opened", "{}", kNow).ok());
  auto claimed = store_->ClaimDueDeliveries(kNow, kLease, 10);
  ASSERT_TRUE(claimed.ok());
  ASSERT_EQ(claimed->size(), 1u);
  const std::int64_t id = (*claimed)[0].delivery.id;
  auto pending = store_->RedeliverDelivery("microsoft", id, kAdded);
  ASSERT_FALSE(pending.ok());
  EXPECT_EQ(pending.error().code, ErrorCode::kRefused);
  auto others = store_->RedeliverDelivery("qualcomm", id, kAdded);
  ASSERT_FALSE(others.ok());
  EXPECT_EQ(others.error().code, ErrorCode::kNotFound);

  webhooks::Delivery failed = (*claimed)[0].delivery;
  failed.state = DeliveryState::kFailed;
  failed.last_error = "the receiver answered HTTP 500";
  ASSERT_TRUE(store_->RecordDeliveryOutcome(failed).ok());
  const ChangeStamp later{"applicant msft-exports", "2026-12-08T09:00:00Z"};
  ASSERT_TRUE(store_->RedeliverDelivery("microsoft", id, later).ok());
  auto again = store_->ClaimDueDeliveries("2026-12-08T09:00:00Z", "2026-12-08T09:02:00Z", 10);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ((*again)[0].delivery.attempts, 1) << "attempts are counted afresh";
  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log->back().action, "webhook.redeliver");
}

INSTANTIATE_TEST_SUITE_P(Backends, WebhookStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::storage
