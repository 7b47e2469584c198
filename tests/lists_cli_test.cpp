// List versions through the real CLI, on both backends: import, status, diff, as-of
// resolution, and the all-or-nothing rule for malformed files.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.h"
#include "test_databases.h"

namespace tollgate::testing {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ListsCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void ImportSdnPair() {
    auto r = cli_.Run("lists import '" + SharedList("ofac_sdn_2024-05-01.csv") +
                      "' --as-of 2024-05-01 --primary-only");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = cli_.Run("lists import '" + SharedList("ofac_sdn_2024-05-03.csv") +
                 "' --as-of 2024-05-03 --primary-only");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  nlohmann::json StatusJson() {
    auto r = cli_.Run("lists status --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
  std::vector<std::string> ScreenIds(const std::string& name, const std::string& as_of) {
    auto r = cli_.Run("screen '" + name + "' --json --limit 50 --as-of " + as_of);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> ids;
    const auto answer = nlohmann::json::parse(r.out);
    for (const auto& m : answer["matches"]) ids.push_back(m["entry_id"]);
    return ids;
  }
  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(ListsCliTest, DiffOfTheTwoSdnFilesShowsSevenAddedAndEightRemoved) {
  ImportSdnPair();
  auto r = cli_.Run("lists diff SDN --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto diff = nlohmann::json::parse(r.out);
  EXPECT_EQ(diff["added"].size(), 7u);
  EXPECT_EQ(diff["removed"].size(), 8u);
  EXPECT_EQ(diff["from"]["as_of"], "2024-05-01");
  EXPECT_EQ(diff["to"]["as_of"], "2024-05-03");
  r = cli_.Run("lists diff ofac-sdn");
  EXPECT_NE(r.out.find("7 added, 8 removed"), std::string::npos) << r.out;
}

TEST_P(ListsCliTest, ScreeningUsesTheVersionInForceOnTheDate) {
  ImportSdnPair();
  auto diff = nlohmann::json::parse(cli_.Run("lists diff SDN --json").out);
  ASSERT_FALSE(diff["added"].empty());
  const auto& added = diff["added"][0];
  const std::string id = added["entry_id"], name = added["name"];
  auto before = ScreenIds(name, "2024-05-02");
  auto after = ScreenIds(name, "2024-05-03");
  EXPECT_EQ(std::count(before.begin(), before.end(), id), 0) << name;
  EXPECT_EQ(std::count(after.begin(), after.end(), id), 1) << name;

  const auto& removed = diff["removed"][0];
  const std::string removed_id = removed["entry_id"], removed_name = removed["name"];
  before = ScreenIds(removed_name, "2024-05-02");
  after = ScreenIds(removed_name, "2024-05-03");
  EXPECT_EQ(std::count(before.begin(), before.end(), removed_id), 1) << removed_name;
  EXPECT_EQ(std::count(after.begin(), after.end(), removed_id), 0) << removed_name;
}

TEST_P(ListsCliTest, ReimportingTheSameFileStoresNothingNew) {
  ImportSdnPair();
  auto r = cli_.Run("lists import '" + SharedList("ofac_sdn_2024-05-03.csv") +
                    "' --as-of 2024-05-03 --primary-only");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("nothing stored"), std::string::npos) << r.out;
  EXPECT_EQ(StatusJson()["versions"].size(), 2u);
}

TEST_P(ListsCliTest, TheSameFileOnALaterDayIsUnchangedUnlessADateIsGiven) {
  auto path = ShippedList("huawei_entity_list_2019.csv");
  ASSERT_EQ(cli_.Run("lists import '" + path + "' --as-of 2019-05-16").exit_code, 0);
  // Without --as-of the date would be today's: the bytes decide, nothing is stored.
  auto r = cli_.Run("lists import '" + path + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("nothing stored"), std::string::npos) << r.out;
  EXPECT_EQ(StatusJson()["versions"].size(), 1u);
  // An explicit, different date is the user saying "in force from then".
  r = cli_.Run("lists import '" + path + "' --as-of 2019-08-19");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(StatusJson()["versions"].size(), 2u);
}

TEST_P(ListsCliTest, AChangeInAnOfacAliasFileAloneIsANewVersion) {
  // Copies of the 2021 set under the names the reader pairs (sdn/alt/add).
  auto copy = [&](const char* from, const char* to) {
    std::filesystem::copy_file(SharedList(from), cli_.dir() / to);
  };
  copy("ofac_sdn_2021-07.csv", "sdn.csv");
  copy("ofac_alt_2021-07.csv", "alt.csv");
  copy("ofac_add_2021-07.csv", "add.csv");
  const auto sdn = (cli_.dir() / "sdn.csv").string();
  ASSERT_EQ(cli_.Run("lists import '" + sdn + "'").exit_code, 0);
  std::string aliases = ReadFile((cli_.dir() / "alt.csv").string());
  aliases.insert(aliases.find('\n') + 1, "36,99999,\"aka\",\"AEROCARIBBEAN TEST ALIAS\",-0- \r\n");
  cli_.Write("alt.csv", aliases);
  auto r = cli_.Run("lists import '" + sdn + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("nothing stored"), std::string::npos) << r.out;
  auto diff = nlohmann::json::parse(cli_.Run("lists diff SDN --json").out);
  ASSERT_EQ(diff["changed"].size(), 1u);
  EXPECT_EQ(diff["changed"][0]["fields"], nlohmann::json::array({"aliases"}));
}

TEST_P(ListsCliTest, ATruncatedFileIsRefusedWithFileAndLineAndTheStoreIsUnchanged) {
  ImportSdnPair();
  auto before = StatusJson();
  const bool file_db = db_.backend() == "sqlite";
  auto before_db = file_db ? ReadFile(cli_.db()) : "";
  // Cut the file in the middle of a quoted name, about half-way through.
  std::string content = ReadFile(SharedList("ofac_sdn_2024-05-03.csv"));
  auto cut = content.find(",\"", content.size() / 2) + 5;
  auto truncated = cli_.Write("sdn_truncated.csv", content.substr(0, cut));

  auto r = cli_.Run("lists import '" + truncated.string() + "' --format ofac-sdn");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sdn_truncated.csv:"), std::string::npos) << r.err;
  EXPECT_EQ(StatusJson()["versions"], before["versions"]);
  if (file_db) {
    EXPECT_EQ(ReadFile(cli_.db()), before_db) << "not a byte of the database changed";
  }
}

TEST_P(ListsCliTest, AFileInNoKnownFormatIsRefused) {
  auto junk = cli_.Write("notes.txt", "these are not the droids you are looking for\n");
  auto r = cli_.Run("lists import '" + junk.string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("notes.txt"), std::string::npos) << r.err;
  EXPECT_TRUE(StatusJson()["versions"].empty());
}

TEST_P(ListsCliTest, BadFlagsAreRefusedWithTheReason) {
  auto path = ShippedList("huawei_entity_list_2019.csv");
  auto r = cli_.Run("lists import '" + path + "' --format excel");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("excel"), std::string::npos) << r.err;
  r = cli_.Run("lists import '" + path + "' --as-of 2019-13-01");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("2019-13-01"), std::string::npos) << r.err;
  r = cli_.Run("lists import '" + cli_.dir().string() + "/missing.csv'");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("missing.csv"), std::string::npos) << r.err;
  r = cli_.Run("lists diff SDN");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(StatusJson()["versions"].empty());
}

TEST_P(ListsCliTest, StatusCountsEntriesInForceByList) {
  auto r = cli_.Run("lists import '" + SharedList("csl_sample_2019.csv") + "' --as-of 2019-12-31");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto status = StatusJson();
  ASSERT_EQ(status["versions"].size(), 1u);
  EXPECT_EQ(status["versions"][0]["feed"], "csl");
  EXPECT_EQ(status["versions"][0]["entries"], 115);
  EXPECT_GT(status["entries_in_force_by_list"]["EL"].get<int>(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ListsCliTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
