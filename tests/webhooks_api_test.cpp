// Webhooks over the real server on both backends (issue 15, item 5): an applicant
// registers a URL and gets its secret once, sees and removes only its own
// organization's webhooks (another's is 404), other roles see none (403), a bad URL is
// refused naming the field and stores nothing, and the server's own sender POSTs a
// queued event, signed, to a real receiver within seconds.
#include <chrono>
#include <mutex>
#include <thread>

#include "lists/update/test_http_server.h"
#include "server_fixture.h"
#include "tollgate/webhooks/outbox.h"
#include "tollgate/webhooks/signature.h"

namespace tollgate::testing {
namespace {

class WebhooksApiTest : public ServerFixture {
 protected:
  std::vector<std::string> ExtraFlags() const override { return {"--webhook-interval", "1"}; }
};

TEST_P(WebhooksApiTest, AnApplicantRegistersAWebhookAndSeesItsSecretOnce) {
  auto added = Call("msft", "POST", "/api/webhooks",
                    R"({"url": "https://hooks.example.com/tollgate", "secret": "shared"})");
  ASSERT_EQ(added.status, 201) << added.text;
  EXPECT_EQ(added.body["secret"], "shared");
  EXPECT_EQ(added.body["organization"], "microsoft");
  auto generated = Call("msft", "POST", "/api/webhooks", R"({"url": "http://127.0.0.1:9/b"})");
  ASSERT_EQ(generated.status, 201) << generated.text;
  EXPECT_EQ(generated.body["secret"].get<std::string>().size(), 64u);
  auto listed = Call("msft", "GET", "/api/webhooks");
  ASSERT_EQ(listed.status, 200) << listed.text;
  ASSERT_EQ(listed.body["webhooks"].size(), 2u);
  EXPECT_FALSE(listed.body["webhooks"][0].contains("secret"));
  EXPECT_EQ(listed.text.find("shared"), std::string::npos);
}

TEST_P(WebhooksApiTest, OnlyTheOrganizationsApplicantsSeeOrChangeItsWebhooks) {
  auto added = Call("msft", "POST", "/api/webhooks", R"({"url": "http://127.0.0.1:9/a"})");
  ASSERT_EQ(added.status, 201) << added.text;
  const std::string id = std::to_string(added.body["id"].get<int>());
  EXPECT_EQ(Call("qcom", "GET", "/api/webhooks").body["webhooks"].size(), 0u);
  EXPECT_EQ(Call("qcom", "POST", "/api/webhooks/" + id + "/remove").status, 404);
  for (const char* user : {"officer", "dod", "auditor", "root"}) {
    auto seen = Call(user, "GET", "/api/webhooks");
    EXPECT_EQ(seen.status, 403) << user << ": " << seen.text;
    EXPECT_EQ(Call(user, "POST", "/api/webhooks/" + id + "/remove").status, 403) << user;
  }
  auto removed = Call("msft", "POST", "/api/webhooks/" + id + "/remove");
  ASSERT_EQ(removed.status, 200) << removed.text;
  auto listed = Call("msft", "GET", "/api/webhooks");
  EXPECT_FALSE(listed.body["webhooks"][0]["removed_at"].is_null());
  EXPECT_EQ(Call("msft", "POST", "/api/webhooks/" + id + "/remove").status, 404);
}

TEST_P(WebhooksApiTest, BadInputIsRefusedNamingTheFieldAndStoresNothing) {
  auto ftp = Call("msft", "POST", "/api/webhooks", R"({"url": "ftp://example.com/x"})");
  EXPECT_EQ(ftp.status, 400) << ftp.text;
  EXPECT_EQ(ftp.body["field"], "url") << ftp.text;
  auto unknown = Call("msft", "POST", "/api/webhooks", R"({"url": "http://a/", "urls": 1})");
  EXPECT_EQ(unknown.status, 400) << unknown.text;
  EXPECT_EQ(unknown.body["message"], "urls: unknown field (url, secret)") << unknown.text;
  EXPECT_EQ(Call("msft", "GET", "/api/webhooks/deliveries?state=lost").status, 400);
  EXPECT_EQ(Call("msft", "POST", "/api/webhooks/x1/remove").status, 400);
  EXPECT_EQ(Call("msft", "GET", "/api/webhooks").body["webhooks"].size(), 0u);
}

TEST_P(WebhooksApiTest, TheServerSendsAQueuedEventSignedToTheReceiver) {
  std::mutex mu;
  std::vector<std::pair<std::string, std::string>> received;  // body, signature
  lists::TestHttpServer receiver([&](httplib::Server& s) {
    s.Post("/hook", [&](const httplib::Request& request, httplib::Response& response) {
      std::lock_guard lock(mu);
      received.emplace_back(request.body, request.get_header_value(webhooks::kSignatureHeader));
      response.status = 200;
    });
  });
  auto added = Call("msft", "POST", "/api/webhooks",
                    nlohmann::json{{"url", receiver.Url("/hook")}, {"secret", "k"}}.dump());
  ASSERT_EQ(added.status, 201) << added.text;
  {
    // What an alert's opening does, in the store the server reads.
    auto store = storage::OpenStore(db_.url());
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto queued = webhooks::QueueEvent(**store, "microsoft",
                                       {"alert/1/opened/1", "alert.opened", {{"alert", 1}}},
                                       licensing::SystemClock().Timestamp());
    ASSERT_TRUE(queued.ok()) << queued.error().message;
  }
  for (int i = 0; i < 100; ++i) {
    {
      std::lock_guard lock(mu);
      if (!received.empty()) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  {
    std::lock_guard lock(mu);
    ASSERT_EQ(received.size(), 1u) << "the server sent nothing within 10 s";
    EXPECT_TRUE(webhooks::SignatureMatches("k", received[0].first, received[0].second));
  }
  // The delivery is recorded delivered (the answer is written just after the POST).
  nlohmann::json deliveries;
  for (int i = 0; i < 50; ++i) {
    deliveries = Call("msft", "GET", "/api/webhooks/deliveries?state=delivered").body;
    if (!deliveries["deliveries"].empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(deliveries["deliveries"].size(), 1u) << deliveries.dump();
  EXPECT_EQ(deliveries["deliveries"][0]["event_id"], "alert/1/opened/1");
  EXPECT_EQ(deliveries["deliveries"][0]["attempts"], 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, WebhooksApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
