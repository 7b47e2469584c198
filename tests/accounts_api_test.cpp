// Issue 13, items 2 and 3, through the real server on both backends: a one-time
// password must be changed at the first login; an administrator lists, disables,
// enables, re-roles and resets users; a user lists and revokes their own tokens; a
// disabled user is refused at once by every server of the database; failed logins
// back off without telling which user names exist; every change is audited.
#include <gtest/gtest.h>

#include <algorithm>

#include "server_fixture.h"
#include "tollgate/storage/store.h"

namespace tollgate::testing {
namespace {

using Json = nlohmann::json;

class AccountsApiTest : public ServerFixture {
 protected:
  // A reviewer "jane" added by root through the API; answers the one-time password.
  std::string AddJane() {
    auto made = Call("root", "POST", "/api/users", R"({"name": "jane", "role": "reviewer"})");
    EXPECT_EQ(made.status, 201) << made.text;
    return made.body.value("password", "");
  }

  HttpAnswer Login(const std::string& user, const std::string& password) {
    return Send("POST", "/api/login", Json{{"user", user}, {"password", password}}.dump(), {});
  }

  HttpAnswer ChangePassword(const std::string& user, const std::string& password,
                            const std::string& new_password) {
    return Send("POST", "/api/password",
                Json{{"user", user}, {"password", password}, {"new_password", new_password}}.dump(),
                {});
  }

  std::vector<std::string> AuditActions() {
    auto verified = Call("auditor", "GET", "/api/audit/verify");
    EXPECT_TRUE(verified.body["ok"].get<bool>()) << verified.text;
    std::vector<std::string> actions;
    auto store = storage::OpenStore(db_.url());
    auto log = (*store)->AuditLog();
    EXPECT_TRUE(log.ok());
    for (const auto& record : *log) actions.push_back(record.action);
    return actions;
  }
};

TEST_P(AccountsApiTest, AOneTimePasswordOpensNoSessionOnlyTheChangeAndThenStopsWorking) {
  const std::string one_time = AddJane();
  ASSERT_EQ(one_time.size(), 20u);

  auto first = Login("jane", one_time);
  EXPECT_EQ(first.status, 403) << first.text;
  EXPECT_EQ(first.body["code"], "password_change_required");
  EXPECT_EQ(first.body["field"], "new_password");
  EXPECT_NE(first.body["message"].get<std::string>().find("POST /api/password"), std::string::npos);
  EXPECT_TRUE(first.set_cookie.empty()) << "no session before the change";

  auto short_one = ChangePassword("jane", one_time, "too short");
  EXPECT_EQ(short_one.status, 400) << short_one.text;
  EXPECT_EQ(short_one.body["field"], "new_password");
  auto same = ChangePassword("jane", one_time, one_time);
  EXPECT_EQ(same.status, 400) << same.text;
  EXPECT_EQ(same.body["field"], "new_password");
  auto wrong = ChangePassword("jane", "not the password", "a long passphrase 1");
  EXPECT_EQ(wrong.status, 401) << wrong.text;

  auto changed = ChangePassword("jane", one_time, "a long passphrase 1");
  ASSERT_EQ(changed.status, 200) << changed.text;
  EXPECT_EQ(changed.body["user"]["name"], "jane");
  const std::string cookie = changed.set_cookie.substr(0, changed.set_cookie.find(';'));
  EXPECT_EQ(Send("GET", "/api/me", "", {{"Cookie", cookie}}).status, 200);

  EXPECT_EQ(Login("jane", one_time).status, 401) << "the one-time password still works";
  EXPECT_EQ(Login("jane", "a long passphrase 1").status, 200);
  auto listed = Call("root", "GET", "/api/users");
  for (const auto& user : listed.body["users"]) {
    if (user["name"] == "jane") {
      EXPECT_FALSE(user["must_change_password"].get<bool>());
    }
  }
}

// Two servers on one database: a user disabled through one is refused by the other at
// the next request, by token and by session, and let in again when enabled.
TEST_P(AccountsApiTest, ADisabledUserIsRefusedAtOnceByEveryServerOfTheDatabase) {
  ServerProcess second(db_.url());
  const std::string one_time = AddJane();
  auto session = ChangePassword("jane", one_time, "a long passphrase 1");
  ASSERT_EQ(session.status, 200) << session.text;
  const std::string cookie = session.set_cookie.substr(0, session.set_cookie.find(';'));
  auto on_second = [&](const httplib::Headers& headers) {
    auto answer = second.Client()->Get("/api/me", headers);
    return answer ? answer->status : 0;
  };
  const httplib::Headers by_token = {{"Authorization", "Bearer " + tokens_.at("officer")}};
  ASSERT_EQ(on_second(by_token), 200);
  ASSERT_EQ(on_second({{"Cookie", cookie}}), 200);

  auto disabled = Call("root", "POST", "/api/users/officer/disable");
  ASSERT_EQ(disabled.status, 200) << disabled.text;
  EXPECT_TRUE(disabled.body["user"]["disabled"].get<bool>());
  EXPECT_EQ(on_second(by_token), 401);
  EXPECT_EQ(Call("officer", "GET", "/api/me").status, 401);
  ASSERT_EQ(Call("root", "POST", "/api/users/jane/disable").status, 200);
  EXPECT_EQ(on_second({{"Cookie", cookie}}), 401);
  auto refused = Login("jane", "a long passphrase 1");
  EXPECT_EQ(refused.status, 401);
  EXPECT_NE(refused.text.find("disabled"), std::string::npos) << refused.text;

  ASSERT_EQ(Call("root", "POST", "/api/users/officer/enable").status, 200);
  EXPECT_EQ(on_second(by_token), 200);
  EXPECT_EQ(Call("root", "POST", "/api/users/nobody/disable").status, 404);
  auto self = Call("root", "POST", "/api/users/root/disable");
  EXPECT_EQ(self.status, 400) << self.text;
  EXPECT_EQ(Call("officer", "POST", "/api/users/msft/disable").status, 403);

  const auto actions = AuditActions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "user.disable"), 2);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "user.enable"), 1);
}

TEST_P(AccountsApiTest, AnAdministratorListsReRolesAndResetsUsers) {
  auto listed = Call("root", "GET", "/api/users");
  ASSERT_EQ(listed.status, 200) << listed.text;
  ASSERT_EQ(listed.body["users"].size(), 6u);
  const auto& auditor = listed.body["users"][0];
  EXPECT_EQ(auditor["name"], "auditor");
  EXPECT_FALSE(auditor["disabled"].get<bool>());
  EXPECT_FALSE(auditor["has_password"].get<bool>());
  EXPECT_EQ(auditor["tokens"], 1);
  EXPECT_EQ(Call("officer", "GET", "/api/users").status, 403);

  auto moved = Call("root", "POST", "/api/users/msft/role",
                    R"({"role": "applicant", "organization": "qualcomm"})");
  ASSERT_EQ(moved.status, 200) << moved.text;
  EXPECT_EQ(moved.body["user"]["organization"], "qualcomm");
  auto me = Call("msft", "GET", "/api/me");
  EXPECT_EQ(me.body["user"]["organization"], "qualcomm") << "the next request sees the new role";
  auto orphan = Call("root", "POST", "/api/users/msft/role", R"({"role": "applicant"})");
  EXPECT_EQ(orphan.status, 400) << orphan.text;
  EXPECT_EQ(orphan.body["field"], "organization");
  auto unknown_org = Call("root", "POST", "/api/users/msft/role",
                          R"({"role": "applicant", "organization": "nowhere"})");
  EXPECT_EQ(unknown_org.status, 404) << unknown_org.text;
  EXPECT_EQ(unknown_org.body["field"], "organization");
  auto bad_role = Call("root", "POST", "/api/users/msft/role", R"({"role": "king"})");
  EXPECT_EQ(bad_role.status, 400);
  EXPECT_EQ(bad_role.body["field"], "role");
  EXPECT_EQ(Call("msft", "GET", "/api/me").body["user"]["organization"], "qualcomm");

  auto reset = Call("root", "POST", "/api/users/officer/password");
  ASSERT_EQ(reset.status, 200) << reset.text;
  const std::string one_time = reset.body["password"];
  EXPECT_EQ(Login("officer", one_time).body["code"], "password_change_required");
  EXPECT_EQ(Call("root", "POST", "/api/users/nobody/password").status, 404);

  const auto actions = AuditActions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "user.role_change"), 1);
  EXPECT_EQ(actions.back(), "user.password_set");
}

TEST_P(AccountsApiTest, AUserListsAndRevokesTheirOwnTokensAndNoOneElses) {
  auto issued = Call("msft", "POST", "/api/tokens", R"({"name": "order-system"})");
  ASSERT_EQ(issued.status, 201) << issued.text;
  const std::string second_token = issued.body["token"];
  auto mine = Call("msft", "GET", "/api/tokens");
  ASSERT_EQ(mine.status, 200) << mine.text;
  ASSERT_EQ(mine.body["tokens"].size(), 2u);
  EXPECT_EQ(mine.text.find(second_token), std::string::npos) << "a listing shows no secret";
  std::string id;
  for (const auto& t : mine.body["tokens"]) {
    if (t["name"] == "order-system") id = t["id"];
  }
  ASSERT_EQ(id.size(), 12u);

  EXPECT_EQ(Call("qcom", "POST", "/api/users/msft/tokens/" + id + "/revoke").status, 403);
  EXPECT_EQ(Call("qcom", "GET", "/api/users/msft/tokens").status, 403);
  EXPECT_EQ(Call("qcom", "POST", "/api/tokens/" + id + "/revoke").status, 404)
      << "qcom has no token with msft's id";
  auto revoked = Call("msft", "POST", "/api/tokens/" + id + "/revoke");
  ASSERT_EQ(revoked.status, 200) << revoked.text;
  EXPECT_EQ(Send("GET", "/api/me", "", {{"Authorization", "Bearer " + second_token}}).status, 401);
  EXPECT_EQ(Call("msft", "GET", "/api/me").status, 200) << "the other token still works";

  auto by_admin = Call("root", "GET", "/api/users/msft/tokens");
  ASSERT_EQ(by_admin.status, 200) << by_admin.text;
  ASSERT_EQ(by_admin.body["tokens"].size(), 1u);
  const std::string last = by_admin.body["tokens"][0]["id"];
  ASSERT_EQ(Call("root", "POST", "/api/users/msft/tokens/" + last + "/revoke").status, 200);
  EXPECT_EQ(Call("msft", "GET", "/api/me").status, 401);
  const auto actions = AuditActions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "token.revoke"), 2);
}

// Five failures from one address lock logins from it for 15 minutes, whatever the
// name, and an unknown name gets the same answers as a known one.
TEST_P(AccountsApiTest, FailedLoginsBackOffAndDoNotTellWhichUsersExist) {
  const std::string one_time = AddJane();
  auto unknown = Login("ghost", "a wrong password");
  auto wrong = Login("jane", "a wrong password");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.text, wrong.text);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Login("jane", "a wrong password").status, 401);
  auto locked = Login("jane", one_time);
  EXPECT_EQ(locked.status, 429) << locked.text;
  EXPECT_EQ(locked.body["code"], "too_many_failures");
  auto locked_unknown = Login("ghost", "a wrong password");
  EXPECT_EQ(locked_unknown.status, 429);
  auto change = ChangePassword("jane", one_time, "a long passphrase 1");
  EXPECT_EQ(change.status, 429) << "the password change is behind the same back-off";
  // Tokens are not passwords: they keep working.
  EXPECT_EQ(Call("officer", "GET", "/api/me").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
