#include "tollgate/accounts/credentials.h"

#include <gtest/gtest.h>

namespace tollgate::accounts {
namespace {

TEST(CredentialsTest, APasswordVerifiesAgainstItsOwnHashOnly) {
  const std::string stored = HashPassword("correct horse battery");
  EXPECT_EQ(stored.rfind("pbkdf2-sha256$600000$", 0), 0u) << stored;
  EXPECT_TRUE(VerifyPassword("correct horse battery", stored));
  EXPECT_FALSE(VerifyPassword("correct horse batterY", stored));
  EXPECT_FALSE(VerifyPassword("", stored));
}

TEST(CredentialsTest, TheSameIsHashedDifferentlyEachTimeBecauseOfTheSalt) {
  EXPECT_NE(HashPassword("same password here"), HashPassword("same password here"));
}

TEST(CredentialsTest, MalformedStoredFormsNeverVerify) {
  for (const char* stored : {"", "plain", "pbkdf2-sha256$$aa$bb", "md5$1$aa$bb",
                             "pbkdf2-sha256$1$zz$00", "pbkdf2-sha256$1$00$00"}) {
    EXPECT_FALSE(VerifyPassword("anything", stored)) << stored;
  }
}

TEST(CredentialsTest, SecretsAreRandomAndStoredOnlyAsDigests) {
  const std::string a = RandomSecret("tg_");
  const std::string b = RandomSecret("tg_");
  EXPECT_EQ(a.size(), 3u + 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(SecretDigest(a).size(), 64u);
  EXPECT_NE(SecretDigest(a), SecretDigest(b));
  EXPECT_EQ(SecretDigest(a), SecretDigest(a));
}

TEST(CredentialsTest, GeneratedPasswordsAreLongEnoughAndDiffer) {
  const std::string a = GeneratePassword();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_TRUE(ValidateNewPassword(a).ok());
  EXPECT_NE(a, GeneratePassword());
  EXPECT_FALSE(ValidateNewPassword("short").ok());
  EXPECT_EQ(ValidateNewPassword("short").error().message.rfind("password:", 0), 0u);
}

TEST(CredentialsTest, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

}  // namespace
}  // namespace tollgate::accounts
