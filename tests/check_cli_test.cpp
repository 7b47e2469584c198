// `tollgate check --batch` and `tollgate licenses`, end to end through the real binary:
// what a user sees, what is written, and what is recorded or refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.h"
#include "test_paths.h"
#include "tollgate/storage/store.h"

namespace tollgate {
namespace {

using testing::CliResult;
using testing::CliSandbox;

std::size_t Recorded(const CliSandbox& sandbox) {
  auto store = storage::OpenStore(sandbox.db());
  EXPECT_TRUE(store.ok());
  return store.ok() ? (*store)->ListDeterminations()->size() : 0;
}

std::vector<nlohmann::json> ReadJsonLines(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<nlohmann::json> out;
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

class CheckCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CliResult r =
        sandbox_.Run("lists import '" + testing::ShippedList("huawei_entity_list_2019.csv") +
                     "' --as-of 2019-05-16");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  CliResult Check(const std::string& args) const {
    return sandbox_.Run("check --rules '" + std::string(TOLLGATE_SOURCE_DIR) + "/data/rules' " +
                        args);
  }
  CliSandbox sandbox_;
};

TEST_F(CheckCliTest, BatchWritesOneResultPerLineInOrderAndRecordsThemAll) {
  auto in = sandbox_.Write(
      "in.jsonl",
      R"({"id": "a", "items": [{"eccn": "5D992.c"}], "destination": "CN", "parties": [{"role": "ultimate_consignee", "name": "Huawei Technologies Co., Ltd."}], "date": "2019-05-17"}

{"id": "b", "items": [{"eccn": "5D992.c"}], "destination": "cn", "parties": [{"role": "end_user", "name": "Huawei Technologies Co., Ltd."}], "date": "2019-06-01", "activity": "existing_handset_support"}
{"id": "c", "items": [{"eccn": "EAR99", "quantity": 3, "value": 120}], "destination": "DE", "parties": [{"role": "purchaser", "name": "Example GmbH"}], "date": "2019-06-01"}
)");
  auto out = sandbox_.dir() / "out.jsonl";
  CliResult r = Check("--batch '" + in.string() + "' --out '" + out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 transaction(s) determined and recorded"), std::string::npos) << r.out;
  auto results = ReadJsonLines(out);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0]["transaction"]["id"], "a");
  EXPECT_EQ(results[0]["decision"], "LICENSE_REQUIRED");
  EXPECT_EQ(results[1]["line"], 3);  // the blank line is skipped but counted
  EXPECT_EQ(results[1]["decision"], "AUTHORIZED");
  EXPECT_EQ(results[1]["conditions"].size(), 1u);
  EXPECT_EQ(results[2]["items"][0]["quantity"], 3);
  EXPECT_EQ(Recorded(sandbox_), 3u);
}

TEST_F(CheckCliTest, ABadBatchLineIsReportedWithItsNumberAndTheRestAreDetermined) {
  // Line 2 has no role, line 4 an ECCN of no catalog, line 5 is not JSON: each is
  // reported with its number and field, and lines 1 and 3 are determined and recorded.
  auto in = sandbox_.Write(
      "in.jsonl",
      R"({"id": "a", "items": [{"eccn": "EAR99"}], "destination": "CN", "parties": [{"role": "purchaser", "name": "A"}], "date": "2019-06-01"}
{"items": [{"eccn": "EAR99"}], "destination": "CN", "parties": [{"name": "B"}], "date": "2019-06-01"}
{"id": "c", "items": [{"eccn": "5D992.c"}], "destination": "CN", "parties": [{"role": "purchaser", "name": "C"}], "date": "2019-06-01"}
{"items": [{"eccn": "4A994"}, {"eccn": "9E999"}], "destination": "CN", "parties": [{"role": "purchaser", "name": "D"}], "date": "2019-06-01"}
{"items": [
)");
  auto out = sandbox_.dir() / "out.jsonl";
  CliResult r = Check("--batch '" + in.string() + "' --out '" + out.string() + "'");
  EXPECT_EQ(r.exit_code, 7) << r.err;  // some lines failed (README: check --batch)
  EXPECT_NE(r.err.find("in.jsonl:2: /parties/0: missing \"role\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("in.jsonl:4: transaction: items/1/eccn: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("9E999"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("in.jsonl:5: not valid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("2 transaction(s) determined and recorded"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 line(s) refused"), std::string::npos) << r.out;
  auto results = ReadJsonLines(out);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]["line"], 1);
  EXPECT_EQ(results[0]["transaction"]["id"], "a");
  EXPECT_EQ(results[1]["line"], 3);
  EXPECT_EQ(results[1]["transaction"]["id"], "c");
  EXPECT_EQ(Recorded(sandbox_), 2u);

  // No good line at all: exit 2, nothing written or recorded.
  std::filesystem::remove(out);
  sandbox_.Write(
      "in.jsonl",
      R"({"items": [{"eccn": "9Q999"}], "destination": "CN", "parties": [{"role": "purchaser", "name": "B"}], "date": "2019-06-01"}
)");
  r = Check("--batch '" + in.string() + "' --out '" + out.string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("in.jsonl:1: transaction: items/0/eccn: ECCN '9Q999' is malformed"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_EQ(Recorded(sandbox_), 2u);
}

TEST_F(CheckCliTest, AnUnknownEccnOrDestinationExitsTwoNamingTheFieldAndRecordsNothing) {
  CliResult r = Check("--item 9E999 --to CN --party purchaser=A --date 2019-06-01");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("transaction: items/0/eccn: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("9E999"), std::string::npos) << r.err;
  r = Check(
      "--item EAR99 --item 3A001.b.2 --item 9e999 --to CN --party purchaser=A --date 2019-06-01");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("items/2/eccn"), std::string::npos) << r.err;
  r = Check("--item EAR99 --to XX --party purchaser=A --date 2019-06-01");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("transaction: destination: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ISO 3166-1 alpha-2"), std::string::npos) << r.err;
  EXPECT_EQ(Recorded(sandbox_), 0u);
}

TEST_F(CheckCliTest, HumanOutputShowsDecisionRequirementAndNumberedTrace) {
  CliResult r = Check(
      "--item 5D992.c --to CN --party 'end_user=Huawei Technologies Co., Ltd.' "
      "--date 2019-05-17");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("LICENSE_REQUIRED  to CN on 2019-05-17", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("review policy: Presumption of denial."), std::string::npos);
  EXPECT_NE(r.out.find("[15 CFR 744.16(b)]"), std::string::npos);
  EXPECT_NE(r.out.find("1. list_versions"), std::string::npos);
}

TEST_F(CheckCliTest, QuantitiesMustPairWithItems) {
  CliResult r = Check(
      "--item EAR99 --item 4A994 --quantity 1 --to CN --party purchaser=A "
      "--date 2019-06-01");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--quantity was given 1 time(s) for 2 --item(s)"), std::string::npos)
      << r.err;
  EXPECT_EQ(Recorded(sandbox_), 0u);
}

TEST_F(CheckCliTest, LicensesAddListShowAndTheCheckThatUsesThem) {
  CliResult add = sandbox_.Run(
      "licenses add --number D000001 --holder 'Microsoft Corporation' --to CN "
      "--party 'ultimate_consignee=Huawei Technologies Co., Ltd.' --item 5D992.c "
      "--description 'mass-market software' --quantity 100 --value 50000 "
      "--valid-from 2019-11-20 --valid-until 2023-11-19 --condition 'No reexport'");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.out.find("added license D000001 (active)"), std::string::npos) << add.out;

  CliResult again = sandbox_.Run(
      "licenses add --number D000001 --holder X --to CN --party purchaser=Y --item EAR99 "
      "--valid-from 2019-11-20 --valid-until 2023-11-19");
  EXPECT_EQ(again.exit_code, 3);
  EXPECT_NE(again.err.find("license D000001 is already in the store"), std::string::npos);

  CliResult bad = sandbox_.Run(
      "licenses add --number D000002 --holder X --to CN --party purchaser=Y --item 5Z1 "
      "--valid-from 2019-11-20 --valid-until 2023-11-19");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("license items/0/eccn: '5Z1' is not an ECCN"), std::string::npos)
      << bad.err;

  CliResult list = sandbox_.Run("licenses list --holder 'MICROSOFT CORPORATION'");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("D000001  active  Microsoft Corporation -> CN  2019-11-20..2023-11-19"),
            std::string::npos)
      << list.out;

  CliResult show = sandbox_.Run("licenses show D000001 --json");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  auto json = nlohmann::json::parse(show.out);
  EXPECT_EQ(json["items"][0]["remaining_value"], 50000);
  EXPECT_EQ(json["conditions"][0], "No reexport");
  EXPECT_EQ(sandbox_.Run("licenses show D999999").exit_code, 2);

  CliResult check = Check(
      "--item 5D992.c --to CN --party 'ultimate_consignee=Huawei Technologies "
      "Co., Ltd.' --date 2019-11-21 --exporter 'Microsoft Corporation' "
      "--quantity 100 --value 60000 --json");
  ASSERT_EQ(check.exit_code, 0) << check.err;
  auto determination = nlohmann::json::parse(check.out);
  EXPECT_EQ(determination["decision"], "LICENSE_REQUIRED");  // value above what remains
  check = Check(
      "--item 5D992.c --to CN --party 'ultimate_consignee=Huawei Technologies Co., Ltd.' "
      "--date 2019-11-21 --exporter 'Microsoft Corporation' --quantity 100 --value 50000 "
      "--json");
  determination = nlohmann::json::parse(check.out);
  EXPECT_EQ(determination["decision"], "AUTHORIZED");
  EXPECT_EQ(determination["conditions"][0]["text"], "No reexport");
}

}  // namespace
}  // namespace tollgate
