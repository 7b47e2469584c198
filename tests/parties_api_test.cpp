// The party master over the real server on both backends (issue 15, item 1): a bulk
// upload screened as it is stored, upsert through POST /api/parties, a malformed file
// refused whole with its line and field, an applicant seeing and changing only its own
// organization's parties (another's is 404, as for licenses), reviewers, oversight and
// admins seeing none (403), and removal.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server_fixture.h"

namespace tollgate::testing {
namespace {

// The first is on the Entity List in the shared CSL sample (84 FR 22961); the second
// on no list.
constexpr const char* kPartiesCsv =
    "external_id,name,country,aliases\n"
    "C-1,\"Guian New District Huawei Investment Co., Ltd.\",CN,Huawei Guian\n"
    "C-2,Contoso GmbH,DE,\n";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class PartiesApiTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    if (HasFatalFailure()) return;
    headers_.emplace("Authorization", "Bearer " + tokens_.at("root"));
    auto imported = Send("POST", "/api/lists/import?as_of=2019-05-21&name=csl_sample_2019.csv",
                         ReadFile(SharedList("csl_sample_2019.csv")), headers_, "text/csv");
    ASSERT_EQ(imported.status, 201) << imported.text;
  }

  HttpAnswer Upload(const std::string& user, const std::string& name, const std::string& body) {
    httplib::Headers headers{{"Authorization", "Bearer " + tokens_.at(user)}};
    return Send("POST", "/api/parties/upload?name=" + name, body, headers, "text/csv");
  }

  httplib::Headers headers_;
};

TEST_P(PartiesApiTest, AnUploadIsScreenedAndStoredWithItsHits) {
  auto uploaded = Upload("msft", "parties.csv", kPartiesCsv);
  ASSERT_EQ(uploaded.status, 201) << uploaded.text;
  EXPECT_EQ(uploaded.body["added"], 2);
  ASSERT_EQ(uploaded.body["with_hits"].size(), 1u);
  EXPECT_EQ(uploaded.body["with_hits"][0]["external_id"], "C-1");
  auto listed = Call("msft", "GET", "/api/parties");
  ASSERT_EQ(listed.status, 200) << listed.text;
  ASSERT_EQ(listed.body["parties"].size(), 2u);
  auto shown = Call("msft", "GET", "/api/parties/C-1");
  ASSERT_EQ(shown.status, 200) << shown.text;
  EXPECT_GE(shown.body["screening"]["hits"].get<int>(), 1);
  EXPECT_EQ(shown.body["screening"]["matches"][0]["list"], "EL");
  EXPECT_EQ(shown.body["updated_by"], "applicant msft");
}

TEST_P(PartiesApiTest, PostUpsertsByExternalId) {
  ASSERT_EQ(Upload("msft", "parties.csv", kPartiesCsv).status, 201);
  auto first = Call("msft", "GET", "/api/parties/C-2");
  auto changed = Call("msft", "POST", "/api/parties", R"({"parties": [
      {"external_id": "C-1", "name": "Guian New District Huawei Investment Co., Ltd.",
       "country": "CN", "aliases": ["Huawei Guian"]},
      {"external_id": "C-2", "name": "Contoso GmbH", "country": "DE", "address": "Munich"}]})");
  ASSERT_EQ(changed.status, 201) << changed.text;
  EXPECT_EQ(changed.body["added"], 0);
  EXPECT_EQ(changed.body["changed"], 1);
  EXPECT_EQ(changed.body["unchanged"], 1);
  auto after = Call("msft", "GET", "/api/parties/C-2");
  EXPECT_EQ(after.body["id"], first.body["id"]);
  EXPECT_EQ(after.body["revision"], 2);
  auto one = Call("msft", "POST", "/api/parties",
                  R"({"external_id": "C-3", "name": "Jane Doe", "country": "GB"})");
  EXPECT_EQ(one.status, 201) << one.text;
  auto bad = Call("msft", "POST", "/api/parties",
                  R"({"parties": [{"external_id": "C-4", "name": "X", "country": "XX"}]})");
  EXPECT_EQ(bad.status, 400) << bad.text;
  EXPECT_EQ(bad.body["field"], "parties/0/country");
}

TEST_P(PartiesApiTest, AMalformedUploadIsRefusedWholeNamingLineAndField) {
  ASSERT_EQ(Upload("msft", "parties.csv", kPartiesCsv).status, 201);
  const auto before = Call("msft", "GET", "/api/parties").body;
  auto refused = Upload("msft", "parties.csv",
                        "external_id,name,country\nC-1,Renamed,CN\nC-9,New,DE\nC-10,Bad,Narnia\n");
  EXPECT_EQ(refused.status, 400) << refused.text;
  EXPECT_NE(refused.body["message"].get<std::string>().find("parties.csv:4: field country"),
            std::string::npos)
      << refused.text;
  EXPECT_EQ(refused.body["field"], "country");
  EXPECT_EQ(Call("msft", "GET", "/api/parties").body, before);
}

TEST_P(PartiesApiTest, AnApplicantSeesOnlyItsOwnAndOtherRolesSeeNone) {
  ASSERT_EQ(Upload("msft", "parties.csv", kPartiesCsv).status, 201);
  auto theirs = Call("qcom", "GET", "/api/parties");
  ASSERT_EQ(theirs.status, 200);
  EXPECT_TRUE(theirs.body["parties"].empty());
  EXPECT_EQ(Call("qcom", "GET", "/api/parties/C-1").status, 404);
  EXPECT_EQ(Call("qcom", "POST", "/api/parties/C-1/remove").status, 404);
  for (const char* user : {"officer", "dod", "auditor", "root"}) {
    EXPECT_EQ(Call(user, "GET", "/api/parties").status, 403) << user;
    EXPECT_EQ(Call(user, "GET", "/api/parties/C-1").status, 403) << user;
    EXPECT_EQ(Upload(user, "parties.csv", kPartiesCsv).status, 403) << user;
  }
  EXPECT_EQ(Call("msft", "GET", "/api/parties").body["parties"].size(), 2u);
}

TEST_P(PartiesApiTest, RemoveTakesThePartyOut) {
  ASSERT_EQ(Upload("msft", "parties.csv", kPartiesCsv).status, 201);
  auto removed = Call("msft", "POST", "/api/parties/C-2/remove");
  ASSERT_EQ(removed.status, 200) << removed.text;
  EXPECT_EQ(Call("msft", "GET", "/api/parties/C-2").status, 404);
  EXPECT_EQ(Call("msft", "GET", "/api/parties").body["parties"].size(), 1u);
}

// A master is read a page at a time (the Parties page): filtered by a text and by what
// the screening found, counted, each party with its open alerts; a bad page or filter is
// a 400 naming the parameter.
TEST_P(PartiesApiTest, TheMasterIsReadAPageAtATimeWithItsOpenAlerts) {
  ASSERT_EQ(Upload("msft", "parties.csv",
                   std::string(kPartiesCsv) + "C-3,Fabrikam Ltd,GB,\nC-4,Northwind AG,CH,\n")
                .status,
            201);
  // The external ids a GET lists, and its whole answer.
  const auto listed = [&](const std::string& path) {
    auto answer = Call("msft", "GET", path);
    EXPECT_EQ(answer.status, 200) << path << " " << answer.text;
    std::vector<std::string> ids;
    for (const auto& p : answer.body["parties"]) ids.push_back(p["external_id"]);
    return std::pair{ids, answer.body};
  };
  const auto [second_ids, second] = listed("/api/parties?page=2&per_page=3");
  EXPECT_EQ(second_ids, std::vector<std::string>{"C-4"});
  EXPECT_EQ(second["total"], 4);
  EXPECT_EQ(second["master_total"], 4);
  EXPECT_EQ(second["page"], 2);
  EXPECT_EQ(second["per_page"], 3);

  const auto [found_ids, found] = listed("/api/parties?q=GUIAN");
  EXPECT_EQ(found_ids, std::vector<std::string>{"C-1"});
  EXPECT_EQ(found["total"], 1);
  EXPECT_EQ(found["master_total"], 4);

  // The upload opened an alert on C-1, its match on the Entity List.
  const auto [open_ids, open] = listed("/api/parties?show=open");
  ASSERT_EQ(open_ids, std::vector<std::string>{"C-1"});
  const auto alerts = Call("msft", "GET", "/api/alerts?party=C-1&state=open");
  EXPECT_GE(open["parties"][0]["open_alerts"].get<int>(), 1);
  EXPECT_EQ(open["parties"][0]["open_alerts"], alerts.body["total"]);
  EXPECT_EQ(Call("msft", "GET", "/api/parties?show=hits").body["total"], 1);
  EXPECT_EQ(Call("msft", "GET", "/api/parties?q=fabrikam").body["parties"][0]["open_alerts"], 0);

  for (const auto& [path, field] :
       {std::pair{"/api/parties?per_page=501", "per_page"},
        std::pair{"/api/parties?page=0", "page"}, std::pair{"/api/parties?page=two", "page"},
        std::pair{"/api/parties?show=mine", "show"}}) {
    auto bad = Call("msft", "GET", path);
    EXPECT_EQ(bad.status, 400) << path;
    EXPECT_EQ(bad.body["field"], field) << path << " " << bad.text;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, PartiesApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
