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
  EXPECT_EQ(store_->Password("root").error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store_->SetPasswordHash("root", "pbkdf2-sha256$1$aa$bb", true, kSetup).ok());
  EXPECT_EQ(store_->Password("root")->hash, "pbkdf2-sha256$1$aa$bb");
  EXPECT_TRUE(store_->Password("root")->must_change);
  ASSERT_TRUE(store_->SetPasswordHash("root", "pbkdf2-sha256$1$cc$dd", false, kSetup).ok());
  EXPECT_EQ(store_->Password("root")->hash, "pbkdf2-sha256$1$cc$dd");
  EXPECT_FALSE(store_->Password("root")->must_change);
  EXPECT_FALSE(store_->Password("root")->user_disabled);
  EXPECT_EQ(store_->SetPasswordHash("nobody", "x", false, kSetup).error().code,
            ErrorCode::kNotFound);

  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  EXPECT_TRUE(audit::Verify(*log).ok());
  EXPECT_EQ(log->back().action, "user.password_set");
  EXPECT_EQ(log->back().subject, "user root");
  EXPECT_EQ(log->back().after.dump().find("cc$dd"), std::string::npos);
  EXPECT_EQ(log->back().after["must_change"], false);
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

SessionRecord SessionOf(const std::string& user, char digit) {
  return {std::string(64, digit),
          {user, Role::kAdmin, "", {}},
          "csrf",
          "2026-01-05T08:00:00Z",
          "2026-01-05T20:00:00Z"};
}

// Issue 13: a disabled user's sessions and tokens stop working at once, seen from a
// second connection as a second server would be, and come back (tokens) on enable.
TEST_P(AccountsStoreTest, DisablingAUserEndsSessionsAndRefusesTokensOnEveryConnection) {
  ApiTokenRecord token{std::string(64, 'a'), "msft-exports", "order-system", kSetup.timestamp};
  ASSERT_TRUE(store_->AddApiToken(token, kSetup).ok());
  ASSERT_TRUE(store_->SetPasswordHash("msft-exports", "pbkdf2-sha256$1$aa$bb", false, kSetup).ok());
  ASSERT_TRUE(store_->AddSession(SessionOf("msft-exports", 'd')).ok());
  auto other = OpenStore(db_.url());
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)->UserForToken(token.digest).ok());
  ASSERT_TRUE((*other)->FindSession(std::string(64, 'd')).ok());

  ASSERT_TRUE(store_->SetUserDisabled("msft-exports", true, kSetup).ok());
  EXPECT_EQ((*other)->UserForToken(token.digest).error().code, ErrorCode::kNotFound);
  EXPECT_EQ((*other)->FindSession(std::string(64, 'd')).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE((*other)->Password("msft-exports")->user_disabled);
  auto accounts = (*other)->ListAccounts();
  ASSERT_TRUE(accounts.ok()) << accounts.error().message;
  ASSERT_EQ(accounts->size(), 2u);
  EXPECT_EQ((*accounts)[0].user.name, "msft-exports");
  EXPECT_TRUE((*accounts)[0].disabled);
  EXPECT_TRUE((*accounts)[0].has_password);
  EXPECT_EQ((*accounts)[0].token_count, 1);
  EXPECT_FALSE((*accounts)[1].disabled);
  EXPECT_FALSE((*accounts)[1].has_password);

  // Disabling twice changes nothing and records nothing.
  const auto before = store_->AuditLog()->size();
  ASSERT_TRUE(store_->SetUserDisabled("msft-exports", true, kSetup).ok());
  EXPECT_EQ(store_->AuditLog()->size(), before);

  ASSERT_TRUE(store_->SetUserDisabled("msft-exports", false, kSetup).ok());
  EXPECT_TRUE((*other)->UserForToken(token.digest).ok());
  EXPECT_EQ((*other)->FindSession(std::string(64, 'd')).error().code, ErrorCode::kNotFound)
      << "a session ended by disabling stays ended";
  EXPECT_EQ(store_->SetUserDisabled("nobody", true, kSetup).error().code, ErrorCode::kNotFound);

  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  EXPECT_TRUE(audit::Verify(*log).ok());
  EXPECT_EQ((*log)[log->size() - 2].action, "user.disable");
  EXPECT_EQ(log->back().action, "user.enable");
  EXPECT_EQ(log->back().subject, "user msft-exports");
}

TEST_P(AccountsStoreTest, SettingAPasswordEndsTheUsersSessionsOnly) {
  ASSERT_TRUE(store_->AddSession(SessionOf("msft-exports", 'd')).ok());
  ASSERT_TRUE(store_->AddSession(SessionOf("root", 'e')).ok());
  ASSERT_TRUE(store_->SetPasswordHash("msft-exports", "pbkdf2-sha256$1$aa$bb", true, kSetup).ok());
  EXPECT_EQ(store_->FindSession(std::string(64, 'd')).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->FindSession(std::string(64, 'e')).ok());
}

TEST_P(AccountsStoreTest, ARoleChangeIsValidatedStoredAndAuditedWithBeforeAndAfter) {
  licensing::User reviewer{"msft-exports", Role::kReviewer, "", {}};
  ASSERT_TRUE(store_->ChangeUserRole(reviewer, kSetup).ok());
  auto user = store_->GetUser("msft-exports");
  ASSERT_TRUE(user.ok());
  EXPECT_EQ(user->role, Role::kReviewer);
  EXPECT_EQ(user->organization, "");
  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log->back().action, "user.role_change");
  EXPECT_EQ(log->back().before["role"], "applicant");
  EXPECT_EQ(log->back().before["organization"], "microsoft");
  EXPECT_EQ(log->back().after["role"], "reviewer");

  // An applicant needs an organization that exists; nothing is written otherwise.
  const auto count = log->size();
  licensing::User orphan{"msft-exports", Role::kApplicant, "", {}};
  EXPECT_EQ(store_->ChangeUserRole(orphan, kSetup).error().code, ErrorCode::kInvalidArgument);
  orphan.organization = "nowhere";
  EXPECT_EQ(store_->ChangeUserRole(orphan, kSetup).error().code, ErrorCode::kNotFound);
  licensing::User ghost{"nobody", Role::kReviewer, "", {}};
  EXPECT_EQ(store_->ChangeUserRole(ghost, kSetup).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->AuditLog()->size(), count);
  EXPECT_EQ(store_->GetUser("msft-exports")->role, Role::kReviewer);
}

TEST_P(AccountsStoreTest, AUsersTokensAreListedByIdAndRevokedOnlyByTheirOwnId) {
  ApiTokenRecord first{std::string(64, 'a'), "msft-exports", "order-system",
                       "2026-01-05T08:00:00Z"};
  ApiTokenRecord second{std::string(64, 'b'), "msft-exports", "reports", "2026-01-05T09:00:00Z"};
  ASSERT_TRUE(store_->AddApiToken(first, kSetup).ok());
  ASSERT_TRUE(store_->AddApiToken(second, kSetup).ok());
  auto tokens = store_->ListApiTokens("msft-exports");
  ASSERT_TRUE(tokens.ok()) << tokens.error().message;
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_EQ((*tokens)[0].id, std::string(12, 'a'));
  EXPECT_EQ((*tokens)[0].name, "order-system");
  EXPECT_EQ((*tokens)[1].created_at, "2026-01-05T09:00:00Z");
  EXPECT_TRUE(store_->ListApiTokens("root")->empty());
  EXPECT_EQ(store_->ListApiTokens("nobody").error().code, ErrorCode::kNotFound);

  // Another user's id, a short prefix, an unknown id: nothing is revoked.
  EXPECT_EQ(store_->RevokeApiToken("root", std::string(12, 'a'), kSetup).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(store_->RevokeApiToken("msft-exports", "aaaa", kSetup).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(store_->RevokeApiToken("msft-exports", std::string(12, 'f'), kSetup).error().code,
            ErrorCode::kNotFound);
  ASSERT_TRUE(store_->RevokeApiToken("msft-exports", std::string(12, 'a'), kSetup).ok());
  EXPECT_EQ(store_->UserForToken(first.digest).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->UserForToken(second.digest).ok());
  EXPECT_EQ(store_->ListApiTokens("msft-exports")->size(), 1u);

  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  EXPECT_TRUE(audit::Verify(*log).ok());
  EXPECT_EQ(log->back().action, "token.revoke");
  EXPECT_EQ(log->back().before["name"], "order-system");
  EXPECT_EQ(log->back().before["digest_prefix"], std::string(12, 'a'));
}

// Failed logins count up per key, start again after a quiet spell, and are shared by
// every connection (servers on one database count together).
TEST_P(AccountsStoreTest, LoginFailuresCountPerKeyAcrossConnectionsAndRestartAfterAQuietSpell) {
  auto other = OpenStore(db_.url());
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(store_->LoginFailuresOf("user root")->failures, 0);
  EXPECT_EQ(*store_->AddLoginFailure("user root", "2026-01-05T08:00:00Z", "2026-01-05T07:45:00Z"),
            1);
  EXPECT_EQ(*(*other)->AddLoginFailure("user root", "2026-01-05T08:01:00Z", "2026-01-05T07:46:00Z"),
            2);
  EXPECT_EQ(
      *store_->AddLoginFailure("address 10.0.0.1", "2026-01-05T08:01:00Z", "2026-01-05T07:46:00Z"),
      1);
  auto seen = (*other)->LoginFailuresOf("user root");
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->failures, 2);
  EXPECT_EQ(seen->last_failure, "2026-01-05T08:01:00Z");
  ASSERT_TRUE(store_->ClearLoginFailures("user root").ok());
  EXPECT_EQ((*other)->LoginFailuresOf("user root")->failures, 0);
  EXPECT_EQ((*other)->LoginFailuresOf("address 10.0.0.1")->failures, 1);
  EXPECT_EQ(*store_->AddLoginFailure("user root", "2026-01-05T08:02:00Z", "2026-01-05T07:47:00Z"),
            1);
  EXPECT_EQ(*store_->AddLoginFailure("user root", "2026-01-05T08:03:00Z", "2026-01-05T07:48:00Z"),
            2);
  // Nothing since 08:03 when the window starts at 08:20: counted from 1 again, and the
  // counts too old to matter are forgotten, so names tried once do not pile up.
  EXPECT_EQ(*store_->AddLoginFailure("user root", "2026-01-05T08:35:00Z", "2026-01-05T08:20:00Z"),
            1);
  EXPECT_EQ((*other)->LoginFailuresOf("address 10.0.0.1")->failures, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::storage
