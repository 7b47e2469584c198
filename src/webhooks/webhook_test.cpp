// The pure parts of webhooks: the signature against RFC 4231's published HMAC-SHA256
// test vectors, the URL rules, and the retry schedule.
#include "tollgate/webhooks/webhook.h"

#include <gtest/gtest.h>

#include "tollgate/webhooks/signature.h"

namespace tollgate::webhooks {
namespace {

TEST(WebhookSignatureTest, MatchesTheRfc4231TestVectors) {
  // RFC 4231, test case 2.
  EXPECT_EQ(Sign("Jefe", "what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 1: a key of twenty 0x0b bytes.
  EXPECT_EQ(Sign(std::string(20, '\x0b'), "Hi There"),
            "sha256=b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(WebhookSignatureTest, AChangedBodyOrSecretOrATruncatedSignatureDoesNotMatch) {
  const std::string body = R"({"id":"alert/1/opened/1"})";
  const std::string signature = Sign("secret", body);
  EXPECT_TRUE(SignatureMatches("secret", body, signature));
  EXPECT_FALSE(SignatureMatches("secret", body + " ", signature));
  EXPECT_FALSE(SignatureMatches("Secret", body, signature));
  EXPECT_FALSE(SignatureMatches("secret", body, signature.substr(0, 20)));
}

TEST(WebhookUrlTest, OnlyHttpAndHttpsWithAHostAndNoCredentials) {
  EXPECT_TRUE(ValidateWebhookUrl("https://hooks.example.com/tollgate?team=1").ok());
  EXPECT_TRUE(ValidateWebhookUrl("http://127.0.0.1:8080/hook").ok());
  for (const char* bad :
       {"", "ftp://example.com/", "file:///etc/passwd", "https://", "https://:443/x",
        "https://user:pw@example.com/", "https://a b.com/", "example.com/hook"}) {
    auto status = ValidateWebhookUrl(bad);
    EXPECT_FALSE(status.ok()) << bad;
    if (!status.ok()) {
      EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(status.error().message.rfind("url: ", 0), 0u) << status.error().message;
    }
  }
  EXPECT_FALSE(ValidateWebhookUrl("https://example.com/" + std::string(2000, 'a')).ok());
}

TEST(WebhookRetryTest, TheDelayDoublesFromTenSecondsToAnHour) {
  EXPECT_EQ(RetryDelay(1).count(), 10);
  EXPECT_EQ(RetryDelay(2).count(), 20);
  EXPECT_EQ(RetryDelay(3).count(), 40);
  EXPECT_EQ(RetryDelay(9).count(), 2560);
  EXPECT_EQ(RetryDelay(10).count(), 3600);
  EXPECT_EQ(RetryDelay(kMaxAttempts).count(), 3600);
  std::int64_t total = 0;
  for (std::int64_t a = 1; a < kMaxAttempts; ++a) total += RetryDelay(a).count();
  // The attempts span about a day: long enough for a receiver's outage over a night.
  EXPECT_GT(total, 20 * 3600);
  EXPECT_LT(total, 30 * 3600);
}

TEST(WebhookSecretTest, ASecretIs64HexDigitsAndNeverRepeats) {
  const std::string a = NewSecret();
  const std::string b = NewSecret();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace tollgate::webhooks
