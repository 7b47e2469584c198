// Determinations apply an organization's dispositions of its own parties (issue 15,
// item 4), over the real server and the real CLI on both backends: a list version
// opens alerts on the master's parties; a false_positive clears its entry in the
// organization's next determination and a true_match makes a possible match the listed
// party, each citing the alert, who, when and why; another organization's
// determinations, and matches no disposition covers, behave as before.
#include "server_fixture.h"

namespace tollgate::testing {
namespace {

std::string CheckBody(const std::string& party, const std::string& to) {
  return nlohmann::json{{"items", {{{"eccn", "EAR99"}}}},
                        {"destination", to},
                        {"date", "2019-06-01"},
                        {"parties", {{{"role", "ultimate_consignee"}, {"name", party}}}}}
      .dump();
}

// The trace steps of a /api/check answer named `step`.
std::vector<nlohmann::json> Steps(const nlohmann::json& answer, const std::string& step) {
  std::vector<nlohmann::json> found;
  for (const auto& s : answer["trace"]) {
    if (s["step"] == step) found.push_back(s);
  }
  return found;
}

class AlertDecisionsCheckTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    if (HasFatalFailure()) return;
    auto posted = Call("msft", "POST", "/api/parties", R"({"parties": [
        {"external_id": "C-2", "name": "Gazprombank", "country": "RU"},
        {"external_id": "C-4", "name": "Gulf Gate Spedition Vienna", "country": "AT"}]})");
    ASSERT_EQ(posted.status, 201) << posted.text;
    auto imported = ImportSharedList("csl_sample_2019.csv", "2019-05-21");
    ASSERT_EQ(imported.status, 201) << imported.text;
  }

  // The id of the organization's alert on the entry named `entry_name`.
  std::string AlertOn(const std::string& party, const std::string& entry_name) {
    auto page = Call("msft", "GET", "/api/alerts?per_page=500&party=" + party);
    for (const auto& a : page.body["alerts"]) {
      if (a["entry_name"] == entry_name) return std::to_string(a["id"].get<int>());
    }
    ADD_FAILURE() << "no alert of " << party << " on " << entry_name << ": " << page.text;
    return "0";
  }
};

TEST_P(AlertDecisionsCheckTest, AFalsePositiveClearsItsEntryForTheOrganizationOnly) {
  const std::string body = CheckBody("Gazprombank", "RU");
  auto before = Call("msft", "POST", "/api/check", body);
  ASSERT_EQ(before.status, 200) << before.text;
  EXPECT_EQ(before.body["decision"], "REVIEW");
  ASSERT_EQ(Steps(before.body, "possible_match").size(), 1u) << before.text;  // the Swiss bank

  const std::string id = AlertOn("C-2", "GAZPROMBANK (SWITZERLAND) LTD");
  auto decided =
      Call("msft", "POST", "/api/alerts/" + id + "/decision",
           R"({"disposition": "false_positive", "comment": "our customer is the Moscow bank"})");
  ASSERT_EQ(decided.status, 200) << decided.text;

  auto after = Call("msft", "POST", "/api/check", body);
  ASSERT_EQ(after.status, 200) << after.text;
  EXPECT_TRUE(Steps(after.body, "possible_match").empty()) << after.text;
  auto cleared = Steps(after.body, "cleared_false_positive");
  ASSERT_EQ(cleared.size(), 1u) << after.text;
  const std::string finding = cleared[0]["finding"];
  for (const std::string& said : {"(alert " + id + ")", std::string("applicant msft"),
                                  std::string("\"our customer is the Moscow bank\"")}) {
    EXPECT_NE(finding.find(said), std::string::npos) << said << " in " << finding;
  }
  EXPECT_NE(cleared[0]["citation"].get<std::string>().find("alert " + id + ": false_positive"),
            std::string::npos);
  // GAZPROMBANK OAO, which no disposition covers, is still for an analyst: as before.
  EXPECT_EQ(after.body["decision"], "REVIEW");
  EXPECT_EQ(Steps(after.body, "list_match_review").size(), 1u);

  // Another organization's determination is not touched by microsoft's decision.
  auto other = Call("qcom", "POST", "/api/check", body);
  ASSERT_EQ(other.status, 200) << other.text;
  EXPECT_EQ(Steps(other.body, "possible_match").size(), 1u);
  EXPECT_TRUE(Steps(other.body, "cleared_false_positive").empty());

  // The record kept for the history cites it too.
  auto history = Call("msft", "GET", "/api/history/determinations?party=Gazprombank");
  ASSERT_EQ(history.status, 200) << history.text;
  EXPECT_NE(history.text.find("none: cleared as a false positive (alert " + id + ")"),
            std::string::npos)
      << history.text;
}

TEST_P(AlertDecisionsCheckTest, ATrueMatchMakesAPossibleEntityListMatchRequireALicense) {
  const std::string body = CheckBody("Gulf Gate Spedition Vienna", "AT");
  auto before = Call("msft", "POST", "/api/check", body);
  ASSERT_EQ(before.status, 200) << before.text;
  EXPECT_EQ(before.body["decision"], "REVIEW");
  ASSERT_EQ(Steps(before.body, "possible_match").size(), 1u) << before.text;

  const std::string id = AlertOn("C-4", "Gulf Gate Spedition GmbH");
  auto decided =
      Call("msft", "POST", "/api/alerts/" + id + "/decision",
           R"({"disposition": "true_match", "comment": "the Vienna branch of the firm"})");
  ASSERT_EQ(decided.status, 200) << decided.text;

  auto after = Call("msft", "POST", "/api/check", body);
  ASSERT_EQ(after.status, 200) << after.text;
  EXPECT_EQ(after.body["decision"], "LICENSE_REQUIRED") << after.text;
  auto listed = Steps(after.body, "entity_list");
  ASSERT_EQ(listed.size(), 1u) << after.text;
  EXPECT_NE(
      listed[0]["finding"].get<std::string>().find("confirmed a true match by applicant msft"),
      std::string::npos);
  const std::string citation = listed[0]["citation"];
  EXPECT_NE(citation.find("81 FR 40174"), std::string::npos) << citation;
  EXPECT_NE(citation.find("alert " + id + ": true_match"), std::string::npos) << citation;

  // The CLI checks for the organization with --org, and refuses an unknown one.
  auto cli = cli_.Run(
      "check --item EAR99 --to AT --party 'ultimate_consignee=Gulf Gate Spedition Vienna' "
      "--date 2019-06-01 --org microsoft");
  EXPECT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(cli.out.rfind("LICENSE_REQUIRED", 0), 0u) << cli.out;
  auto plain = cli_.Run(
      "check --item EAR99 --to AT --party 'ultimate_consignee=Gulf Gate Spedition Vienna' "
      "--date 2019-06-01");
  EXPECT_EQ(plain.out.rfind("REVIEW", 0), 0u) << plain.out;
  auto unknown = cli_.Run(
      "check --item EAR99 --to AT --party 'ultimate_consignee=Gulf Gate Spedition Vienna' "
      "--date 2019-06-01 --org nosuch");
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("--org: no organization 'nosuch'"), std::string::npos) << unknown.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, AlertDecisionsCheckTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
