// Webhook deliveries to a real HTTP receiver on 127.0.0.1 (cpp-httplib), from a real
// store (SQLite and PostgreSQL): the body arrives signed with the webhook's secret, a
// receiver that fails is tried again after the backoff, a delivery survives a restart
// and a sender that died after claiming it, a redirect is not followed, and after the
// last attempt the delivery is failed until it is sent again.
#include <gtest/gtest.h>

#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "lists/update/test_http_server.h"
#include "test_databases.h"
#include "tollgate/storage/store.h"
#include "tollgate/webhooks/outbox.h"
#include "tollgate/webhooks/signature.h"

namespace tollgate::webhooks {
namespace {

using lists::TestHttpServer;
using testing::TestDatabase;

const storage::ChangeStamp kStamp{"applicant msft-exports", "2026-12-07T10:00:00Z"};

// What the receiver saw.
struct Received {
  std::string body, signature, event, delivery;
};

class Receiver {
 public:
  // Answers the first `failures` requests with `failure_status`, then 204.
  explicit Receiver(int failures = 0, int failure_status = 500)
      : failures_(failures), failure_status_(failure_status), server_([this](httplib::Server& s) {
          s.Post("/hook", [this](const httplib::Request& request, httplib::Response& response) {
            std::lock_guard lock(mu_);
            received_.push_back({request.body, request.get_header_value(kSignatureHeader),
                                 request.get_header_value(kEventHeader),
                                 request.get_header_value(kDeliveryHeader)});
            response.status = failures_-- > 0 ? failure_status_ : 204;
            if (response.status == 302) response.set_header("Location", "/elsewhere");
          });
          s.Post("/elsewhere", [this](const httplib::Request&, httplib::Response& response) {
            std::lock_guard lock(mu_);
            ++redirected_;
            response.status = 204;
          });
        }) {}
  std::string Url() const { return server_.Url("/hook"); }
  std::vector<Received> received() {
    std::lock_guard lock(mu_);
    return received_;
  }
  int redirected() {
    std::lock_guard lock(mu_);
    return redirected_;
  }

 private:
  std::mutex mu_;
  int failures_;
  int failure_status_;
  std::vector<Received> received_;
  int redirected_ = 0;
  TestHttpServer server_;
};

class WebhookDeliveryTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    Open();
    ASSERT_TRUE(store_->AddOrganization({"microsoft", "Microsoft Corporation"}, kStamp).ok());
  }
  void Open() {
    auto store = storage::OpenStore(db_.url());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
  }
  void Register(const std::string& url) {
    auto added = store_->AddWebhook({0, "microsoft", url, "the-shared-secret", "", "", ""}, kStamp);
    ASSERT_TRUE(added.ok()) << added.error().message;
  }
  void Queue(const std::string& id) {
    Event event{id, "alert.opened", {{"alert", 7}, {"party", "C-1"}, {"score", 0.93}}};
    auto queued = QueueEvent(*store_, "microsoft", event, clock_.Timestamp());
    ASSERT_TRUE(queued.ok()) << queued.error().message;
    ASSERT_EQ(*queued, 1);
  }
  DeliveryRun Deliver() {
    auto run = DeliverDue(*store_, clock_);
    EXPECT_TRUE(run.ok()) << run.error().message;
    return run.ok() ? *run : DeliveryRun{};
  }
  Delivery Only() {
    auto all = store_->ListDeliveries("microsoft", std::nullopt, 10);
    EXPECT_TRUE(all.ok());
    EXPECT_EQ(all.ok() ? all->size() : 0u, 1u);
    return all.ok() && !all->empty() ? all->front() : Delivery{};
  }

  TestDatabase db_{GetParam()};
  std::unique_ptr<storage::Store> store_;
  licensing::FixedClock clock_{std::chrono::sys_seconds(std::chrono::seconds(1796637600))};
};

TEST_P(WebhookDeliveryTest, TheEventArrivesSignedWithTheSecretAndIsRecordedDelivered) {
  Receiver receiver;
  Register(receiver.Url());
  Queue("alert/7/opened/1");
  const DeliveryRun run = Deliver();
  EXPECT_EQ(run.delivered, 1u);
  auto got = receiver.received();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(SignatureMatches("the-shared-secret", got[0].body, got[0].signature))
      << got[0].signature;
  EXPECT_FALSE(SignatureMatches("another-secret", got[0].body, got[0].signature));
  EXPECT_EQ(got[0].event, "alert.opened");
  auto body = nlohmann::json::parse(got[0].body);
  EXPECT_EQ(body["id"], "alert/7/opened/1");
  EXPECT_EQ(body["organization"], "microsoft");
  EXPECT_EQ(body["data"]["party"], "C-1");
  const Delivery d = Only();
  EXPECT_EQ(d.state, DeliveryState::kDelivered);
  EXPECT_EQ(got[0].delivery, std::to_string(d.id));
  EXPECT_EQ(d.delivered_at, clock_.Timestamp());
  // Nothing is sent twice.
  EXPECT_EQ(Deliver().delivered, 0u);
  EXPECT_EQ(receiver.received().size(), 1u);
}

TEST_P(WebhookDeliveryTest, AFailingReceiverIsTriedAgainAfterTheBackoff) {
  Receiver receiver(/*failures=*/2);
  Register(receiver.Url());
  Queue("e1");
  EXPECT_EQ(Deliver().retrying, 1u);
  Delivery d = Only();
  EXPECT_EQ(d.state, DeliveryState::kPending);
  EXPECT_EQ(d.last_error, "the receiver answered HTTP 500");
  // Not due again before 10 s; then the second failure waits 20 s.
  clock_.AdvanceSeconds(9);
  EXPECT_EQ(Deliver().retrying, 0u);
  EXPECT_EQ(receiver.received().size(), 1u);
  clock_.AdvanceSeconds(1);
  EXPECT_EQ(Deliver().retrying, 1u);
  clock_.AdvanceSeconds(19);
  EXPECT_EQ(Deliver().delivered, 0u);
  clock_.AdvanceSeconds(1);
  EXPECT_EQ(Deliver().delivered, 1u);
  EXPECT_EQ(receiver.received().size(), 3u);
  d = Only();
  EXPECT_EQ(d.state, DeliveryState::kDelivered);
  EXPECT_EQ(d.attempts, 3);
}

TEST_P(WebhookDeliveryTest, NothingIsLostWhenTheReceiverIsDownAcrossARestart) {
  std::string url;
  {
    Receiver gone;
    url = gone.Url();
  }  // the port is closed: connections are refused
  Register(url);
  Queue("e1");
  EXPECT_EQ(Deliver().retrying, 1u);
  EXPECT_NE(Only().last_error.find("onnect"), std::string::npos) << Only().last_error;
  // The process stops and starts again: the store is all there is.
  store_.reset();
  Open();
  Receiver receiver;
  auto hooks = store_->ListWebhooks("microsoft");
  ASSERT_TRUE(hooks.ok());
  ASSERT_TRUE(store_->RemoveWebhook("microsoft", hooks->front().id, kStamp).ok());
  Register(receiver.Url());
  Queue("e2");
  clock_.AdvanceSeconds(10);
  const DeliveryRun run = Deliver();
  EXPECT_EQ(run.delivered, 1u);
  EXPECT_EQ(receiver.received().size(), 1u);
}

TEST_P(WebhookDeliveryTest, ADeliveryClaimedByASenderThatDiedIsSentAfterTheLease) {
  Receiver receiver;
  Register(receiver.Url());
  Queue("e1");
  // A sender claims it and dies before posting or recording anything.
  auto claimed = store_->ClaimDueDeliveries(
      clock_.Timestamp(), licensing::FormatTimestamp(clock_.Now() + kClaimLease), 10);
  ASSERT_TRUE(claimed.ok());
  ASSERT_EQ(claimed->size(), 1u);
  store_.reset();
  Open();
  EXPECT_EQ(Deliver().delivered, 0u);
  clock_.AdvanceSeconds(kClaimLease.count());
  EXPECT_EQ(Deliver().delivered, 1u);
  EXPECT_EQ(receiver.received().size(), 1u);
}

TEST_P(WebhookDeliveryTest, ARedirectIsNotFollowed) {
  Receiver receiver(/*failures=*/1, /*failure_status=*/302);
  Register(receiver.Url());
  Queue("e1");
  EXPECT_EQ(Deliver().retrying, 1u);
  EXPECT_EQ(receiver.redirected(), 0);
  EXPECT_EQ(Only().last_error, "the receiver answered HTTP 302");
}

TEST_P(WebhookDeliveryTest, AfterTheLastAttemptTheDeliveryIsFailedUntilSentAgain) {
  Receiver receiver(/*failures=*/kMaxAttempts);
  Register(receiver.Url());
  Queue("e1");
  for (std::int64_t attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    const DeliveryRun run = Deliver();
    ASSERT_EQ(run.retrying + run.failed, 1u) << "attempt " << attempt;
    clock_.AdvanceSeconds(RetryDelay(attempt).count());
  }
  Delivery d = Only();
  EXPECT_EQ(d.state, DeliveryState::kFailed);
  EXPECT_EQ(d.attempts, kMaxAttempts);
  clock_.AdvanceSeconds(86400);
  EXPECT_EQ(Deliver().delivered, 0u) << "a failed delivery waits to be sent again";
  ASSERT_TRUE(store_->RedeliverDelivery("microsoft", d.id, {"operator", clock_.Timestamp()}).ok());
  EXPECT_EQ(Deliver().delivered, 1u);
  EXPECT_EQ(receiver.received().size(), static_cast<std::size_t>(kMaxAttempts + 1));
}

INSTANTIATE_TEST_SUITE_P(Backends, WebhookDeliveryTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::webhooks
