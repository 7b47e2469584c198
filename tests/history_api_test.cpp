// Every answer on record, over HTTP (issue 15, item 6): each GET /api/screen and each
// row of POST /api/screen/batch is recorded before it is answered (its record_id), a
// no-hit included; GET /api/history/screenings and /api/history/determinations read
// them back with the filters, the access rule (an applicant sees only its own
// organization's; an agency user none) and the CSV export, on the real server and
// database.
#include <gtest/gtest.h>

#include "server_fixture.h"

namespace tollgate::testing {
namespace {

using HistoryApiTest = ServerFixture;

// The record ids in a history answer, newest first.
std::vector<std::int64_t> Ids(const nlohmann::json& list) {
  std::vector<std::int64_t> ids;
  for (const auto& r : list) ids.push_back(r["id"].get<std::int64_t>());
  return ids;
}

TEST_P(HistoryApiTest, EveryScreeningIsOnRecordANoHitIncluded) {
  // The shipped extract, loaded at the server's first start, is in force from 2019-05-16.
  auto hit = Call("msft", "GET",
                  "/api/screen?name=Huawei%20Technologies%20Co.%2C%20Ltd.&as_of=2019-06-01");
  ASSERT_EQ(hit.status, 200) << hit.text;
  auto no_hit = Call("msft", "GET", "/api/screen?name=Contoso%20Bakery&as_of=2019-06-01");
  ASSERT_EQ(no_hit.status, 200) << no_hit.text;
  ASSERT_TRUE(no_hit.body["matches"].empty());
  auto other = Call("qcom", "GET", "/api/screen?name=Huawei&country=CN&as_of=2019-06-01");
  ASSERT_EQ(other.status, 200) << other.text;

  auto mine = Call("msft", "GET", "/api/history/screenings");
  ASSERT_EQ(mine.status, 200) << mine.text;
  // Only Microsoft's own, newest first, each with the id its answer named.
  EXPECT_EQ(Ids(mine.body["screenings"]),
            (std::vector<std::int64_t>{no_hit.body["record_id"], hit.body["record_id"]}));
  const auto& record = mine.body["screenings"][0];
  EXPECT_EQ(record["outcome"], "no_hit");
  EXPECT_EQ(record["query"]["name"], "Contoso Bakery");
  EXPECT_EQ(record["query"]["as_of"], "2019-06-01");
  EXPECT_EQ(record["requested_by"], "applicant msft");
  EXPECT_EQ(record["organization"], "microsoft");
  EXPECT_EQ(record["channel"], "api");
  // What the no-hit searched is on record: the versions answered, with their entries.
  EXPECT_EQ(record["lists_searched"], no_hit.body["lists_searched"]);
  ASSERT_FALSE(record["lists_searched"].empty());
  const auto& first = mine.body["screenings"][1];
  EXPECT_EQ(first["outcome"], "hit");
  EXPECT_EQ(first["matches"], hit.body["matches"]);  // the explanation as answered
  EXPECT_FALSE(first["matches"][0]["explanation"].get<std::string>().empty());

  // Oversight sees every organization's; the filters narrow it.
  auto all = Call("auditor", "GET", "/api/history/screenings");
  ASSERT_EQ(all.status, 200) << all.text;
  EXPECT_EQ(all.body["screenings"].size(), 3u);
  auto huawei = Call("auditor", "GET", "/api/history/screenings?party=HUAWEI&outcome=hit");
  ASSERT_EQ(huawei.status, 200) << huawei.text;
  EXPECT_EQ(Ids(huawei.body["screenings"]),
            (std::vector<std::int64_t>{other.body["record_id"], hit.body["record_id"]}));
  auto qualcomm = Call("officer", "GET", "/api/history/screenings?org=qualcomm");
  ASSERT_EQ(qualcomm.status, 200) << qualcomm.text;
  EXPECT_EQ(Ids(qualcomm.body["screenings"]), (std::vector<std::int64_t>{other.body["record_id"]}));
  auto page = Call("auditor", "GET", "/api/history/screenings?limit=2");
  ASSERT_EQ(page.status, 200) << page.text;
  EXPECT_EQ(page.body["screenings"].size(), 2u);
  EXPECT_EQ(page.body["next_offset"], 2);
  auto rest = Call("auditor", "GET", "/api/history/screenings?limit=2&offset=2");
  EXPECT_EQ(Ids(rest.body["screenings"]), (std::vector<std::int64_t>{hit.body["record_id"]}));
  EXPECT_FALSE(rest.body.contains("next_offset"));
}

TEST_P(HistoryApiTest, AnApplicantSeesOnlyItsOwnAndAnAgencyNone) {
  ASSERT_EQ(Call("msft", "GET", "/api/screen?name=Contoso&as_of=2019-06-01").status, 200);
  auto theirs = Call("qcom", "GET", "/api/history/screenings?org=microsoft");
  EXPECT_EQ(theirs.status, 403) << theirs.text;
  auto own = Call("qcom", "GET", "/api/history/screenings");
  ASSERT_EQ(own.status, 200) << own.text;
  EXPECT_TRUE(own.body["screenings"].empty());
  EXPECT_EQ(Call("dod", "GET", "/api/history/screenings").status, 403);
  EXPECT_EQ(Call("dod", "GET", "/api/history/determinations").status, 403);
  EXPECT_EQ(Call("", "GET", "/api/history/screenings").status, 401);
  // A name that cannot be kept as text is refused before it is screened: never a
  // record that fails its group commit (and the other requests in it).
  auto bytes = Call("msft", "GET", "/api/screen?name=Hua%FFwei&as_of=2019-06-01");
  EXPECT_EQ(bytes.status, 400) << bytes.text;
  EXPECT_EQ(bytes.body["field"], "name") << bytes.text;
  EXPECT_EQ(Call("auditor", "GET", "/api/history/screenings").body["screenings"].size(), 1u);
}

TEST_P(HistoryApiTest, BadFiltersAreRefusedNamingTheField) {
  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"from=2019-02-30", "from"},
                                                        {"to=yesterday", "to"},
                                                        {"from=2020-01-02&to=2020-01-01", "from"},
                                                        {"outcome=maybe", "outcome"},
                                                        {"limit=0", "limit"},
                                                        {"limit=1001", "limit"},
                                                        {"offset=-1", "offset"},
                                                        {"party=%25%25", "party"},
                                                        {"org=Not%20An%20Id", "org"},
                                                        {"format=xml", "format"}}) {
    auto bad = Call("auditor", "GET", "/api/history/screenings?" + query);
    EXPECT_EQ(bad.status, 400) << query << ": " << bad.text;
    EXPECT_EQ(bad.body["field"], field) << query << ": " << bad.text;
  }
  auto decision = Call("auditor", "GET", "/api/history/determinations?outcome=no_hit");
  EXPECT_EQ(decision.status, 400) << decision.text;
}

TEST_P(HistoryApiTest, ABatchIsOnRecordRowByRow) {
  // Bad input on one row: refused whole, and nothing is on record.
  auto batch = Call("msft", "POST", "/api/screen/batch",
                    R"({"as_of": "2019-06-01", "names": [{"id": "c1", "name": "Huawei"},
                        {"id": "c2", "name": "Contoso", "country": "Atlantis"}]})");
  ASSERT_EQ(batch.status, 400) << batch.text;
  EXPECT_TRUE(Call("msft", "GET", "/api/history/screenings").body["screenings"].empty());
  batch = Call("msft", "POST", "/api/screen/batch",
               R"({"as_of": "2019-06-01", "names": [{"id": "c1", "name": "Huawei"},
                   {"id": "c2", "name": "Contoso Bakery"}]})");
  ASSERT_EQ(batch.status, 200) << batch.text;
  auto history = Call("msft", "GET", "/api/history/screenings");
  ASSERT_EQ(history.status, 200) << history.text;
  ASSERT_EQ(history.body["screenings"].size(), 2u);
  EXPECT_EQ(Ids(history.body["screenings"]),
            (std::vector<std::int64_t>{batch.body["results"][1]["record_id"],
                                       batch.body["results"][0]["record_id"]}));
  EXPECT_EQ(history.body["screenings"][0]["channel"], "batch");
  EXPECT_EQ(history.body["screenings"][0]["outcome"], "no_hit");
  EXPECT_EQ(history.body["screenings"][1]["outcome"], "hit");
}

TEST_P(HistoryApiTest, DeterminationsAreReadBackAndExportedAsCsv) {
  const std::string body = R"({"items": [{"eccn": "5D992.c"}], "destination": "CN",
      "date": "2019-06-01", "parties": [{"role": "end_user", "name": "Huawei Technologies"}]})";
  auto checked = Call("msft", "POST", "/api/check", body);
  ASSERT_EQ(checked.status, 200) << checked.text;
  auto by_officer = Call("officer", "POST", "/api/check", body);
  ASSERT_EQ(by_officer.status, 200) << by_officer.text;

  auto mine = Call("msft", "GET", "/api/history/determinations?party=huawei");
  ASSERT_EQ(mine.status, 200) << mine.text;
  ASSERT_EQ(mine.body["determinations"].size(), 1u);
  const auto& record = mine.body["determinations"][0];
  EXPECT_EQ(record["id"], checked.body["record_id"]);
  EXPECT_EQ(record["decision"], checked.body["decision"]);
  EXPECT_EQ(record["organization"], "microsoft");
  EXPECT_EQ(record["request"]["parties"][0]["name"], "Huawei Technologies");
  auto all =
      Call("auditor", "GET",
           "/api/history/determinations?outcome=" + checked.body["decision"].get<std::string>());
  ASSERT_EQ(all.status, 200) << all.text;
  EXPECT_EQ(all.body["determinations"].size(), 2u);
  EXPECT_TRUE(Call("qcom", "GET", "/api/history/determinations").body["determinations"].empty());

  auto csv = Call("auditor", "GET", "/api/history/determinations?format=csv");
  ASSERT_EQ(csv.status, 200) << csv.text;
  EXPECT_EQ(csv.text.rfind("id,recorded_at,requested_by,organization,transaction_date,decision,"
                           "request,result\n",
                           0),
            0u)
      << csv.text;
  EXPECT_NE(csv.text.find(std::to_string(checked.body["record_id"].get<std::int64_t>()) + ","),
            std::string::npos);
  EXPECT_NE(csv.text.find("applicant msft,microsoft,2019-06-01,"), std::string::npos) << csv.text;

  ASSERT_EQ(Call("msft", "GET", "/api/screen?name=Contoso%20Bakery&as_of=2019-06-01").status, 200);
  auto screenings = Call("msft", "GET", "/api/history/screenings?format=csv&outcome=no_hit");
  ASSERT_EQ(screenings.status, 200) << screenings.text;
  EXPECT_NE(screenings.text.find(",Contoso Bakery,,,2019-06-01,0.8500,no_hit,0.0000,csl version "),
            std::string::npos)
      << screenings.text;
}

INSTANTIATE_TEST_SUITE_P(Backends, HistoryApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
