// Alerts over the real server and the real CLI on both backends (issue 15, item 3): a
// list version imported through POST /api/lists/import opens an alert on a party of the
// master; the queue filters, sorts and pages; a disposition is given with its comment;
// another organization's alert is 404, other roles get 403, an unknown disposition is a
// 400 that changes nothing; `tollgate alerts` shows and decides the same alerts.
#include "server_fixture.h"

namespace tollgate::testing {
namespace {

class AlertsApiTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    if (HasFatalFailure()) return;
    // The master first, then a list version: the import opens the alerts.
    auto posted = Call("msft", "POST", "/api/parties", R"({"parties": [
        {"external_id": "C-1", "name": "Gulf Gate Spedition GmbH", "country": "AT"},
        {"external_id": "C-2", "name": "Gazprombank", "country": "RU"},
        {"external_id": "C-3", "name": "Contoso GmbH", "country": "DE"}]})");
    ASSERT_EQ(posted.status, 201) << posted.text;
    auto imported = ImportSharedList("csl_sample_2019.csv", "2019-05-21");
    ASSERT_EQ(imported.status, 201) << imported.text;
    opened_ = imported.body["alerts"]["opened"].get<int>();
  }
  int opened_ = 0;
};

TEST_P(AlertsApiTest, ImportOpensAlertsTheQueueFiltersSortsAndPages) {
  ASSERT_GE(opened_, 2);
  auto all = Call("msft", "GET", "/api/alerts?per_page=500");
  ASSERT_EQ(all.status, 200) << all.text;
  EXPECT_EQ(all.body["total"], opened_);
  auto el = Call("msft", "GET", "/api/alerts?list=EL&party=C-1");
  ASSERT_EQ(el.status, 200) << el.text;
  ASSERT_EQ(el.body["alerts"].size(), 1u);
  EXPECT_EQ(el.body["alerts"][0]["entry_name"], "Gulf Gate Spedition GmbH");
  // Sorted by score descending, one a page: the pages walk the same order.
  std::vector<double> scores;
  for (int page = 1; page <= opened_; ++page) {
    auto one =
        Call("msft", "GET", "/api/alerts?sort=-score&per_page=1&page=" + std::to_string(page));
    ASSERT_EQ(one.body["alerts"].size(), 1u);
    scores.push_back(one.body["alerts"][0]["score"].get<double>());
  }
  EXPECT_TRUE(std::is_sorted(scores.rbegin(), scores.rend()));
  auto high = Call("msft", "GET", "/api/alerts?min_score=0.999");
  for (const auto& a : high.body["alerts"]) EXPECT_GE(a["score"].get<double>(), 0.999);
  EXPECT_EQ(Call("msft", "GET", "/api/alerts?sort=name").status, 400);
  EXPECT_EQ(Call("msft", "GET", "/api/alerts?per_page=501").status, 400);
}

TEST_P(AlertsApiTest, DecideAssignAndWhoSeesWhat) {
  auto el = Call("msft", "GET", "/api/alerts?list=EL&party=C-1");
  ASSERT_EQ(el.body["alerts"].size(), 1u);
  const std::string id = std::to_string(el.body["alerts"][0]["id"].get<int>());
  const std::string path = "/api/alerts/" + id;

  // Bad input changes nothing.
  auto unknown = Call("msft", "POST", path + "/decision",
                      R"({"disposition": "maybe", "comment": "not sure"})");
  EXPECT_EQ(unknown.status, 400) << unknown.text;
  EXPECT_NE(unknown.text.find("disposition"), std::string::npos);
  EXPECT_EQ(Call("msft", "GET", path).body, el.body["alerts"][0]);
  // Another organization's alert is unknown to it; other roles see none.
  EXPECT_EQ(Call("qcom", "GET", path).status, 404);
  EXPECT_EQ(Call("qcom", "POST", path + "/decision",
                 R"({"disposition": "false_positive", "comment": "x"})")
                .status,
            404);
  for (const char* user : {"officer", "auditor", "root"}) {
    EXPECT_EQ(Call(user, "GET", "/api/alerts").status, 403) << user;
  }
  EXPECT_EQ(Call("msft", "GET", path).body, el.body["alerts"][0]);

  auto assigned = Call("msft", "POST", path + "/assignment", R"({"assignee": "msft"})");
  ASSERT_EQ(assigned.status, 200) << assigned.text;
  EXPECT_EQ(Call("msft", "GET", "/api/alerts?assignee=msft").body["total"], 1);
  auto decided = Call("msft", "POST", path + "/decision",
                      R"({"disposition": "true_match", "comment": "same firm, same address"})");
  ASSERT_EQ(decided.status, 200) << decided.text;
  EXPECT_EQ(decided.body["state"], "decided");
  EXPECT_EQ(decided.body["decided_by"], "applicant msft");
  // Four eyes: the same person may not take it back.
  auto refused =
      Call("msft", "POST", path + "/decision", R"({"disposition": "reopen", "comment": "hm"})");
  EXPECT_EQ(refused.status, 403) << refused.text;
  EXPECT_EQ(Call("msft", "GET", "/api/alerts?state=decided").body["total"], 1);

  // The CLI reads the same alerts and takes the operator as another person.
  auto shown = cli_.Run("alerts show " + id + " --org microsoft --json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(nlohmann::json::parse(shown.out)["disposition"], "true_match");
  auto bad = cli_.Run("alerts decide " + id + " --disposition maybe --comment x --org microsoft");
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("--disposition: 'maybe'"), std::string::npos) << bad.err;
  auto released = cli_.Run("alerts decide " + id +
                           " --disposition reopen --comment 'second look' --org microsoft");
  EXPECT_EQ(released.exit_code, 0) << released.err;
  EXPECT_NE(released.out.find("(microsoft, open)"), std::string::npos) << released.out;
  EXPECT_EQ(cli_.Run("audit verify").exit_code, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, AlertsApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
