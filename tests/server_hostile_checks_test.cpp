// /api/check against an applicant reaching for another organization's license and
// against requests built to fill the disk (issue 11, items 6 and 9), through the real
// `tollgate serve` on both backends; and `check --batch` lines over the same limits.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_runner.h"
#include "server_fixture.h"
#include "test_paths.h"
#include "tollgate/storage/store.h"

namespace tollgate::testing {
namespace {

using Json = nlohmann::json;

// Microsoft's license D000900 (the fixture's) covers this, for Microsoft alone.
Json Shipment(const std::string& exporter) {
  return {
      {"exporter", exporter},
      {"items", {{{"eccn", "5D992.c"}, {"quantity", 10}}}},
      {"destination", "CN"},
      {"date", "2020-01-02"},
      {"parties", {{{"role", "ultimate_consignee"}, {"name", "Huawei Technologies Co., Ltd."}}}}};
}

class ServerHostileChecksTest : public ServerFixture {
 protected:
  std::vector<storage::DeterminationRecord> Recorded() {
    auto store = storage::OpenStore(db_.url());
    EXPECT_TRUE(store.ok());
    auto records = (*store)->ListDeterminations();
    EXPECT_TRUE(records.ok());
    return records.ok() ? *records : std::vector<storage::DeterminationRecord>{};
  }
};

TEST_P(ServerHostileChecksTest, AnotherOrganizationsLicenseNeverAuthorizesNorShows) {
  // Qualcomm's applicant names Microsoft as the exporter: the exporter is Qualcomm.
  auto theirs = Call("qcom", "POST", "/api/check", Shipment("Microsoft Corporation").dump());
  ASSERT_EQ(theirs.status, 200) << theirs.text;
  EXPECT_EQ(theirs.body["decision"], "LICENSE_REQUIRED") << theirs.text;
  EXPECT_EQ(theirs.text.find("D000900"), std::string::npos) << theirs.text;
  EXPECT_EQ(theirs.body["transaction"]["exporter"], "Qualcomm Incorporated");
  // Microsoft's own applicant is authorized by it, whatever it typed as the exporter.
  auto own = Call("msft", "POST", "/api/check", Shipment("someone else").dump());
  ASSERT_EQ(own.status, 200) << own.text;
  EXPECT_EQ(own.body["decision"], "AUTHORIZED") << own.text;
  EXPECT_NE(own.text.find("D000900"), std::string::npos);
  // A reviewer asks on anyone's behalf.
  auto reviewer = Call("officer", "POST", "/api/check", Shipment("Microsoft Corporation").dump());
  ASSERT_EQ(reviewer.status, 200) << reviewer.text;
  EXPECT_EQ(reviewer.body["decision"], "AUTHORIZED") << reviewer.text;
  // What was stored of Qualcomm's question names neither the license nor Microsoft.
  const auto records = Recorded();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].result_json.find("D000900"), std::string::npos) << records[0].result_json;
  EXPECT_EQ(records[0].request_json.find("Microsoft"), std::string::npos);
}

TEST_P(ServerHostileChecksTest, ItemsAndPartiesOverTheLimitAre422NamingTheFieldAndNothingIsStored) {
  Json items = Shipment("x");
  items["items"] = Json::array();
  for (int i = 0; i < 101; ++i) items["items"].push_back({{"eccn", "EAR99"}});
  auto too_many_items = Call("msft", "POST", "/api/check", items.dump());
  EXPECT_EQ(too_many_items.status, 422) << too_many_items.text;
  EXPECT_EQ(too_many_items.body["field"], "items") << too_many_items.text;
  EXPECT_NE(too_many_items.text.find("at most 100"), std::string::npos);

  Json parties = Shipment("x");
  for (int i = 0; i < 100; ++i) {
    parties["parties"].push_back({{"role", "end_user"}, {"name", "Party " + std::to_string(i)}});
  }
  auto too_many_parties = Call("msft", "POST", "/api/check", parties.dump());
  EXPECT_EQ(too_many_parties.status, 422) << too_many_parties.text;
  EXPECT_EQ(too_many_parties.body["field"], "parties") << too_many_parties.text;
  EXPECT_TRUE(Recorded().empty());

  // At the limit, answered and stored.
  items["items"].erase(items["items"].begin());
  EXPECT_EQ(Call("msft", "POST", "/api/check", items.dump()).status, 200);
  EXPECT_EQ(Recorded().size(), 1u);
}

// The full answer (trace, explanations) goes to the caller; the stored row keeps the
// decision, the citations and the matches by entry: a fraction of it.
TEST_P(ServerHostileChecksTest, TheStoredResultIsCompact) {
  Json check = Shipment("x");
  for (int i = 0; i < 99; ++i) {
    check["parties"].push_back({{"role", "end_user"}, {"name", "Huawei Technologies Co"}});
  }
  auto answer = Call("officer", "POST", "/api/check", check.dump());
  ASSERT_EQ(answer.status, 200) << answer.text;
  const auto records = Recorded();
  ASSERT_EQ(records.size(), 1u);
  const Json stored = Json::parse(records[0].result_json);
  EXPECT_EQ(stored["decision"], answer.body["decision"]);
  EXPECT_FALSE(stored.contains("trace"));
  EXPECT_EQ(stored["matches"].size(), answer.body["matches"].size());
  EXPECT_GE(stored["matches"].size(), 100u);
  EXPECT_EQ(stored["matches"][0]["entry_id"], answer.body["matches"][0]["entry_id"]);
  EXPECT_LT(records[0].result_json.size() * 3, answer.text.size())
      << records[0].result_json.size() << " stored of " << answer.text.size();
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerHostileChecksTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

// A line over the limits is refused like any other bad line (its number and field on
// stderr, exit 7); the lines within them are still determined and written.
TEST(CheckBatchLimitsTest, ALineOverTheLimitsIsRefusedNamingLineAndFieldAndTheRestGoOn) {
  CliSandbox sandbox;
  Json line = Shipment("x");
  line["parties"] = Json::array();
  for (int i = 0; i < 3; ++i) line["parties"].push_back({{"role", "end_user"}, {"name", "P"}});
  auto in = sandbox.Write("in.jsonl", Shipment("x").dump() + "\n" + line.dump() + "\n");
  const std::string run = "check --rules '" + std::string(TOLLGATE_SOURCE_DIR) +
                          "/data/rules' --batch '" + in.string() + "' --out '" +
                          (sandbox.dir() / "out.jsonl").string() + "'";
  auto refused = sandbox.Run(run + " --max-parties 2");
  EXPECT_EQ(refused.exit_code, 7) << refused.err;
  EXPECT_NE(refused.err.find("in.jsonl:2: parties: at most 2 per request (this one has 3)"),
            std::string::npos)
      << refused.err;
  std::ifstream written(sandbox.dir() / "out.jsonl");
  std::string first, second;
  EXPECT_TRUE(std::getline(written, first));
  EXPECT_NE(first.find("\"line\":1"), std::string::npos) << first;
  EXPECT_FALSE(std::getline(written, second)) << second;
  auto items = sandbox.Run(run + " --max-items 0");
  EXPECT_NE(items.exit_code, 0);
  auto accepted = sandbox.Run(run);  // the default limits (100) take it
  EXPECT_EQ(accepted.exit_code, 0) << accepted.err;
}

}  // namespace
}  // namespace tollgate::testing
