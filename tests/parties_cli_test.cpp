// The party master through the real CLI on both backends (issue 15, item 1): import
// from CSV and JSON with upsert by external id, a party whose name is listed stored
// with its hit, a malformed file refused whole naming line and field, each
// organization's master its own, removal, and an import's one audit record, whose
// digest `audit verify` checks each row against.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"
#include "test_databases.h"
#include "tollgate/storage/store.h"

namespace tollgate::testing {
namespace {

// The first party is on the Entity List of 2019-05-21 (84 FR 22961) as the shared CSL
// sample has it; the second is on no list.
constexpr const char* kPartiesCsv =
    "external_id,name,country,aliases,address,type\n"
    "C-1,\"Guian New District Huawei Investment Co., Ltd.\",CN,Huawei Guian,Guiyang,entity\n"
    "C-2,Contoso GmbH,DE,,\"Berlin, Germany\",entity\n";

class PartiesCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (std::string setup :
         {"lists import '" + SharedList("csl_sample_2019.csv") + "' --as-of 2019-05-21",
          std::string("orgs add microsoft --name 'Microsoft Corporation' --by setup"),
          std::string("orgs add qualcomm --name 'Qualcomm Incorporated' --by setup"),
          std::string("users add msft-exports --role applicant --org microsoft --by setup"),
          std::string("users add qcom-exports --role applicant --org qualcomm --by setup"),
          std::string("users add officer --role reviewer --by setup"),
          std::string("users add auditor --role oversight --by setup")}) {
      auto r = cli_.Run(setup);
      ASSERT_EQ(r.exit_code, 0) << setup << ": " << r.err;
    }
  }

  nlohmann::json Json(const std::string& args) {
    auto r = cli_.Run(args + " --json");
    EXPECT_EQ(r.exit_code, 0) << args << ": " << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }

  // The audit log's actions, read through the store.
  std::vector<std::string> AuditActions() {
    auto store = storage::OpenStore(db_.url());
    EXPECT_TRUE(store.ok()) << store.error().message;
    if (!store.ok()) return {};
    auto log = (*store)->AuditLog();
    std::vector<std::string> actions;
    if (log.ok()) {
      for (const auto& record : *log) actions.push_back(record.action + " " + record.subject);
    }
    return actions;
  }

  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(PartiesCliTest, ImportScreensEveryPartyAndStoresTheHitOfAListedOne) {
  auto file = cli_.Write("parties.csv", kPartiesCsv);
  auto r = cli_.Run("parties import '" + file.string() + "' --org microsoft --as-of 2019-06-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 added, 0 changed, 0 unchanged; 1 with a match"), std::string::npos)
      << r.out;
  auto listed = Json("parties show C-1 --org microsoft");
  EXPECT_EQ(listed["revision"], 1);
  EXPECT_EQ(listed["updated_by"], "operator");
  const auto& screening = listed["screening"];
  EXPECT_EQ(screening["as_of"], "2019-06-01");
  EXPECT_GE(screening["hits"].get<int>(), 1);
  EXPECT_GE(screening["top_score"].get<double>(), 0.85);
  ASSERT_FALSE(screening["matches"].empty());
  EXPECT_EQ(screening["matches"][0]["list"], "EL");
  EXPECT_EQ(screening["lists"][0]["feed"], "csl");
  auto clean = Json("parties show C-2 --org microsoft");
  EXPECT_EQ(clean["screening"]["hits"], 0);
  EXPECT_FALSE(clean["screening"]["lists"].empty());  // searched, and nothing found
}

TEST_P(PartiesCliTest, ImportAgainUpsertsByExternalIdAndJsonWorksTheSame) {
  auto csv = cli_.Write("parties.csv", kPartiesCsv);
  ASSERT_EQ(cli_.Run("parties import '" + csv.string() + "' --org microsoft").exit_code, 0);
  const auto first = Json("parties show C-2 --org microsoft");
  auto json = cli_.Write("parties.json", R"([
    {"external_id": "C-2", "name": "Contoso GmbH", "country": "DE", "address": "Munich"},
    {"external_id": "C-3", "name": "Jane Doe", "country": "GB", "type": "individual",
     "date_of_birth": "1961-04-02", "identifiers": [{"type": "passport", "value": "X123"}]}
  ])");
  auto r = cli_.Run("parties import '" + json.string() + "' --as msft-exports");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 added, 1 changed, 0 unchanged"), std::string::npos) << r.out;
  const auto changed = Json("parties show C-2 --org microsoft");
  EXPECT_EQ(changed["id"], first["id"]);
  EXPECT_EQ(changed["revision"], 2);
  EXPECT_EQ(changed["address"], "Munich");
  EXPECT_EQ(changed["updated_by"], "applicant msft-exports");
  r = cli_.Run("parties import '" + json.string() + "' --as msft-exports");
  EXPECT_NE(r.out.find("0 added, 0 changed, 2 unchanged"), std::string::npos) << r.out;
  EXPECT_EQ(Json("parties list --org microsoft").size(), 3u);
}

TEST_P(PartiesCliTest, AMalformedFileIsRefusedWholeNamingLineAndField) {
  auto good = cli_.Write("good.csv", kPartiesCsv);
  ASSERT_EQ(cli_.Run("parties import '" + good.string() + "' --org microsoft").exit_code, 0);
  const std::string before = cli_.Run("parties list --org microsoft --json").out;
  const auto audit_before = AuditActions();
  auto bad = cli_.Write("parties.csv",
                        "external_id,name,country\n"
                        "C-1,Renamed,CN\n"
                        "C-9,New Party,DE\n"
                        "C-10,Bad Country,Narnia\n");
  auto r = cli_.Run("parties import '" + bad.string() + "' --org microsoft");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("parties.csv:4: field country: 'Narnia'"), std::string::npos) << r.err;
  EXPECT_EQ(cli_.Run("parties list --org microsoft --json").out, before);
  EXPECT_EQ(AuditActions(), audit_before);
}

TEST_P(PartiesCliTest, AnApplicantWorksOnItsOwnMasterOnlyAndReviewersSeeNone) {
  auto file = cli_.Write("parties.csv", kPartiesCsv);
  ASSERT_EQ(cli_.Run("parties import '" + file.string() + "' --as msft-exports").exit_code, 0);
  // Qualcomm's user sees its own (empty) master, and no Microsoft party.
  EXPECT_TRUE(Json("parties list --as qcom-exports").empty());
  auto other = cli_.Run("parties show C-1 --as qcom-exports");
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.err.find("no party 'C-1' in organization qualcomm"), std::string::npos)
      << other.err;
  auto naming = cli_.Run("parties list --as qcom-exports --org microsoft");
  EXPECT_NE(naming.exit_code, 0);
  EXPECT_EQ(cli_.Run("parties remove C-1 --as qcom-exports").exit_code, 2);
  for (const char* user : {"officer", "auditor"}) {
    auto denied = cli_.Run(std::string("parties list --as ") + user);
    EXPECT_EQ(denied.exit_code, 6) << user << ": " << denied.out << denied.err;
  }
  EXPECT_EQ(Json("parties list --as msft-exports").size(), 2u);
}

TEST_P(PartiesCliTest, RemoveTakesThePartyOutAndIsAudited) {
  auto file = cli_.Write("parties.csv", kPartiesCsv);
  ASSERT_EQ(cli_.Run("parties import '" + file.string() + "' --org microsoft").exit_code, 0);
  auto r = cli_.Run("parties remove C-2 --as msft-exports");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(cli_.Run("parties show C-2 --org microsoft").exit_code, 2);
  EXPECT_EQ(Json("parties list --org microsoft").size(), 1u);
  EXPECT_EQ(AuditActions().back(), "party.remove party microsoft/C-2");
  EXPECT_EQ(cli_.Run("audit verify").exit_code, 0);
}

TEST_P(PartiesCliTest, AnImportIsOneAuditRecordAndVerifyNamesARowEditedBehindItsBack) {
  auto file = cli_.Write("parties.csv", kPartiesCsv);
  ASSERT_EQ(cli_.Run("parties import '" + file.string() + "' --org microsoft").exit_code, 0);
  const auto actions = AuditActions();
  // One record for the import (the alert its match opened follows it), none per party.
  const auto import =
      std::find(actions.begin(), actions.end(), "party.import party master microsoft");
  ASSERT_NE(import, actions.end());
  for (const auto& action : actions) {
    EXPECT_EQ(action.find("party.add"), std::string::npos) << action;
  }
  EXPECT_EQ(cli_.Run("audit verify").exit_code, 0);
  TamperWith(db_, "UPDATE parties SET country = 'FR' WHERE external_id = 'C-2'");
  auto r = cli_.Run("audit verify");
  EXPECT_EQ(r.exit_code, 1);
  const std::string sequence = std::to_string(import - actions.begin() + 1);
  EXPECT_NE(r.out.find("sequence " + sequence +
                       ": party microsoft/C-2: its row (revision 1) does not match what audit "
                       "record " +
                       sequence + " vouches for"),
            std::string::npos)
      << r.out;
}

INSTANTIATE_TEST_SUITE_P(Backends, PartiesCliTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
