// Issue 13, items 2 and 3, with the real `tollgate` binary on a real SQLite file: an
// administrator added to a database that has users gets a one-time password, `users
// set-password` gives a new one, `serve` on such a database prints that command; users
// are listed, disabled, enabled and re-roled, and tokens listed and revoked, each with
// its audit record, and bad input changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli_runner.h"
#include "server_runner.h"
#include "tollgate/storage/store.h"

namespace tollgate::testing {
namespace {

using Json = nlohmann::json;

class AccountsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* setup : {"orgs add microsoft --name 'Microsoft Corporation' --by setup",
                              "users add msft --role applicant --org microsoft --by setup"}) {
      auto r = cli_.Run(setup);
      ASSERT_EQ(r.exit_code, 0) << setup << ": " << r.err;
      EXPECT_EQ(r.out.find("password"), std::string::npos) << "only administrators get one";
    }
  }

  static std::string OneTimePassword(const std::string& out) {
    std::smatch m;
    const std::regex line("one-time password: ([A-Za-z0-9]{20}) ");
    return std::regex_search(out, m, line) ? m[1].str() : "";
  }

  static int LoginStatus(ServerProcess& server, const std::string& user,
                         const std::string& password, std::string* code = nullptr) {
    auto answer = server.Client()->Post(
        "/api/login", Json{{"user", user}, {"password", password}}.dump(), "application/json");
    if (!answer) return 0;
    if (code != nullptr) *code = Json::parse(answer->body, nullptr, false).value("code", "");
    return answer->status;
  }

  std::vector<std::string> AuditActions() {
    auto store = storage::OpenStore(cli_.db());
    std::vector<std::string> actions;
    auto log = (*store)->AuditLog();
    EXPECT_TRUE(log.ok());
    for (const auto& record : *log) actions.push_back(record.action);
    return actions;
  }

  CliSandbox cli_;
};

TEST_F(AccountsCliTest, AnAdministratorAddedWhereUsersExistGetsAOneTimePasswordAndServeSaysHow) {
  auto added = cli_.Run("users add boss --role admin --by setup");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  const std::string password = OneTimePassword(added.out);
  ASSERT_FALSE(password.empty()) << added.out;

  ServerProcess server(cli_.db());
  EXPECT_EQ(server.output().find("First start"), std::string::npos) << server.output();
  EXPECT_NE(server.output().find(" --db " + cli_.db() + " users set-password boss\n"),
            std::string::npos)
      << server.output();
  std::string code;
  EXPECT_EQ(LoginStatus(server, "boss", password, &code), 403);
  EXPECT_EQ(code, "password_change_required");
  auto changed = server.Client()->Post(
      "/api/password",
      Json{{"user", "boss"}, {"password", password}, {"new_password", "boss's own passphrase"}}
          .dump(),
      "application/json");
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200) << changed->body;
  EXPECT_EQ(LoginStatus(server, "boss", "boss's own passphrase"), 200);
}

TEST_F(AccountsCliTest, SetPasswordPrintsANewOneTimePasswordAndTheOldOnesStopWorking) {
  auto added = cli_.Run("users add boss --role admin");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  const std::string first = OneTimePassword(added.out);
  auto reset = cli_.Run("users set-password boss --by ops");
  ASSERT_EQ(reset.exit_code, 0) << reset.err;
  const std::string second = OneTimePassword(reset.out);
  ASSERT_FALSE(second.empty()) << reset.out;
  EXPECT_NE(first, second);
  // Any user can be given one, not only an administrator.
  auto applicant = cli_.Run("users set-password msft");
  ASSERT_EQ(applicant.exit_code, 0) << applicant.err;

  ServerProcess server(cli_.db());
  EXPECT_EQ(LoginStatus(server, "boss", first), 401);
  std::string code;
  EXPECT_EQ(LoginStatus(server, "boss", second, &code), 403);
  EXPECT_EQ(code, "password_change_required");
  EXPECT_EQ(LoginStatus(server, "msft", OneTimePassword(applicant.out), &code), 403);

  const auto before = AuditActions();
  auto unknown = cli_.Run("users set-password nobody");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("nobody"), std::string::npos) << unknown.err;
  EXPECT_TRUE(unknown.out.empty()) << "no password printed for an unknown user";
  EXPECT_EQ(AuditActions(), before);
  EXPECT_EQ(std::count(before.begin(), before.end(), "user.password_set"), 3);
}

TEST_F(AccountsCliTest, UsersAreListedDisabledEnabledAndGivenAnotherRole) {
  auto token = cli_.Run("tokens issue msft --name orders");
  ASSERT_EQ(token.exit_code, 0) << token.err;
  const httplib::Headers bearer = {
      {"Authorization", "Bearer " + token.out.substr(0, token.out.find('\n'))}};
  ServerProcess server(cli_.db());
  ASSERT_EQ(server.Client()->Get("/api/me", bearer)->status, 200);

  auto disabled = cli_.Run("users disable msft --by ops");
  ASSERT_EQ(disabled.exit_code, 0) << disabled.err;
  EXPECT_EQ(server.Client()->Get("/api/me", bearer)->status, 401)
      << "the running server refuses the token at once";
  auto listed = cli_.Run("users list");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out,
            "msft  applicant, organization microsoft  disabled  password none  1 token(s)\n");
  ASSERT_EQ(cli_.Run("users enable msft").exit_code, 0);
  EXPECT_EQ(server.Client()->Get("/api/me", bearer)->status, 200);

  auto moved = cli_.Run("users set-role msft --role reviewer --by ops");
  ASSERT_EQ(moved.exit_code, 0) << moved.err;
  EXPECT_EQ(moved.out, "user msft is now reviewer\n");
  auto me = server.Client()->Get("/api/me", bearer);
  EXPECT_EQ(Json::parse(me->body)["user"]["role"], "reviewer");

  const auto before = AuditActions();
  for (const char* bad : {"users set-role msft --role applicant", "users set-role msft --role king",
                          "users set-role msft --role applicant --org nowhere",
                          "users set-role nobody --role reviewer", "users disable nobody"}) {
    auto r = cli_.Run(bad);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_FALSE(r.err.empty()) << bad;
  }
  EXPECT_EQ(AuditActions(), before);
  EXPECT_EQ(std::count(before.begin(), before.end(), "user.disable"), 1);
  EXPECT_EQ(std::count(before.begin(), before.end(), "user.enable"), 1);
  EXPECT_EQ(std::count(before.begin(), before.end(), "user.role_change"), 1);
}

TEST_F(AccountsCliTest, TokensAreListedByIdAndRevokedOneByOne) {
  ASSERT_EQ(cli_.Run("tokens issue msft --name orders").exit_code, 0);
  auto kept = cli_.Run("tokens issue msft --name reports");
  ASSERT_EQ(kept.exit_code, 0);
  auto listed = cli_.Run("tokens list msft");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(listed.out, m, std::regex("([0-9a-f]{12})  orders  \\d{4}-\\d\\d-\\d\\dT")))
      << listed.out;
  const std::string id = m[1].str();
  EXPECT_EQ(listed.out.find("tg_"), std::string::npos) << "a listing shows no secret";

  auto wrong = cli_.Run("tokens revoke msft 000000000000");
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("no API token with id '000000000000'"), std::string::npos) << wrong.err;
  auto revoked = cli_.Run("tokens revoke msft " + id);
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  auto after = cli_.Run("tokens list msft");
  EXPECT_EQ(after.out.find("orders"), std::string::npos) << after.out;
  EXPECT_NE(after.out.find("reports"), std::string::npos) << after.out;

  ServerProcess server(cli_.db());
  const std::string secret = kept.out.substr(0, kept.out.find('\n'));
  EXPECT_EQ(server.Client()->Get("/api/me", {{"Authorization", "Bearer " + secret}})->status, 200);
  const auto actions = AuditActions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "token.revoke"), 1);
}

}  // namespace
}  // namespace tollgate::testing
