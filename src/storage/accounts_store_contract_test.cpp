// The Store contract for the server's accounts (passwords, API tokens, sessions), on
// every backend: SQLite and a real PostgreSQL server.
#include <gtest/gtest.h>

#include "test_databases.h"
#include "tollgate/audit/verify.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {
namespace {

using licensing::Role;
using tollgate::testing::TestDatabase;

const ChangeStamp kSetup{"admin root", "2026-01-05T08:00:00Z"};

class AccountsStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto opened = OpenStore(db_.url());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    ASSERT_TRUE(store_->AddOrganization({"microsoft", "Microsoft Corporation"}, kSetup).ok());
    ASSERT_TRUE(store_->AddUser({"msft-exports", Role::kApplicant, "microsoft", {}}, kSetup).ok());
    ASSERT_TRUE(store_->AddUser({"root", Role::kAdmin, "", {}}, kSetup).ok());
  }

  TestDatabase db_{GetParam()};
  std::unique_ptr<Store> store_;
};

TEST_P(AccountsStoreTest, APasswordHashIsStoredReplacedAndAuditedWithoutTheHash) {
  EXPECT_EQ(store_->PasswordHash("root").error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store_->SetPasswordHash("root", "pbkdf2-sha256$1$aa$bb", kSetup).ok());
  EXPECT_EQ(*store_->PasswordHash("root"), "pbkdf2-sha256$1$aa$bb");
  ASSERT_TRUE(store_->SetPasswordHash("root", "pbkdf2-sha256$1$cc$dd", kSetup).ok());
  EXPECT_EQ(*store_->PasswordHash("root"), "pbkdf2-sha256$1$cc$dd");
  EXPECT_EQ(store_->SetPasswordHash("nobody", "x", kSetup).error().code, ErrorCode::kNotFound);

  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  EXPECT_TRUE(audit::Verify(*log).ok());
  EXPECT_EQ(log->back().action, "user.password_set");
  EXPECT_EQ(log->back().subject, "user root");
  EXPECT_EQ(log->back().after.dump().find("cc$dd"), std::string::npos);
}

TEST_P(AccountsStoreTest, ATokenDigestFindsItsUserAndAnUnknownOneNothing) {
  ApiTokenRecord token{std::string(64, 'a'), "msft-exports", "order-system", kSetup.timestamp};
  ASSERT_TRUE(store_->AddApiToken(token, kSetup).ok());
  auto user = store_->UserForToken(token.digest);
  ASSERT_TRUE(user.ok()) << user.error().message;
  EXPECT_EQ(user->name, "msft-exports");
  EXPECT_EQ(user->organization, "microsoft");
  EXPECT_EQ(user->role, Role::kApplicant);
  EXPECT_EQ(store_->UserForToken(std::string(64, 'b')).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->AddApiToken(token, kSetup).error().code, ErrorCode::kConflict);
  token.digest = std::string(64, 'c');
  token.user = "nobody";
  EXPECT_EQ(store_->AddApiToken(token, kSetup).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->UserForToken(token.digest).error().code, ErrorCode::kNotFound);
}

TEST_P(AccountsStoreTest, SessionsAreSharedThroughTheDatabaseAndEndOnDelete) {
  SessionRecord session{std::string(64, 'd'),
                        {"root", Role::kAdmin, "", {}},
                        "csrf-1",
                        "2026-01-05T08:00:00Z",
                        "2026-01-05T20:00:00Z"};
  ASSERT_TRUE(store_->AddSession(session).ok());
  // A second connection, as a second server process would have.
  auto other = OpenStore(db_.url());
  ASSERT_TRUE(other.ok());
  auto found = (*other)->FindSession(session.digest);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->user.name, "root");
  EXPECT_EQ(found->user.role, Role::kAdmin);
  EXPECT_EQ(found->csrf_token, "csrf-1");
  EXPECT_EQ(found->expires_at, "2026-01-05T20:00:00Z");

  // A later login forgets sessions that expired before it.
  SessionRecord later{std::string(64, 'e'),
                      {"msft-exports", Role::kApplicant, "", {}},
                      "csrf-2",
                      "2026-01-06T08:00:00Z",
                      "2026-01-06T20:00:00Z"};
  ASSERT_TRUE(store_->AddSession(later).ok());
  EXPECT_EQ(store_->FindSession(session.digest).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store_->DeleteSession(later.digest).ok());
  EXPECT_EQ((*other)->FindSession(later.digest).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->DeleteSession(later.digest).ok());
}

TEST_P(AccountsStoreTest, UsersAreListedByNameWithTheNewRoles) {
  ASSERT_TRUE(store_->AddUser({"auditor", Role::kOversight, "", {}}, kSetup).ok());
  auto users = store_->ListUsers();
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 3u);
  EXPECT_EQ((*users)[0].name, "auditor");
  EXPECT_EQ((*users)[0].role, Role::kOversight);
  EXPECT_EQ((*users)[1].name, "msft-exports");
  EXPECT_EQ((*users)[2].role, Role::kAdmin);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::storage
