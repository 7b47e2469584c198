// Every answer on record, from the CLI (issue 15, item 6): `tollgate screen` (one name and
// --batch) and `tollgate check` record what they answer; `tollgate history` reads it back
// filtered, as JSON or CSV, as the operator or as a stored user (--as); and `history
// prune` deletes what is older than the retention (15 CFR 762.6) with its audit record.
// The real binary on a real database, both backends.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "raw_sql.h"
#include "test_databases.h"
#include "test_paths.h"
#include "tollgate/storage/store.h"

namespace tollgate::testing {
namespace {

class HistoryCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (const std::string& setup :
         {"lists import '" + std::string(TOLLGATE_SOURCE_DIR) +
              "/data/lists/huawei_entity_list_2019.csv' --as-of 2019-05-16",
          std::string("orgs add microsoft --name 'Microsoft Corporation' --by setup"),
          std::string("users add msft --role applicant --org microsoft --by setup"),
          std::string("users add dod --role agency --agency defense --by setup")}) {
      Ok(setup);
    }
  }
  CliResult Ok(const std::string& args) {
    auto r = cli_.Run(args);
    EXPECT_EQ(r.exit_code, 0) << args << ": " << r.err;
    return r;
  }
  nlohmann::json Json(const std::string& args) {
    auto r = Ok(args);
    return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
  }
  std::string Raw(const std::string& sql) { return RawSql(GetParam(), db_.url(), sql, cli_.dir()); }

  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(HistoryCliTest, ScreeningsFromTheCliAreOnRecordANoHitIncluded) {
  auto hit = Json("screen 'Huawei Technologies Co., Ltd.' --as-of 2019-06-01 --json");
  auto no_hit = Json("screen 'Contoso Bakery' --country US --as-of 2019-06-01 --json");
  // Nothing in force: nothing searched, and that is on record too.
  auto nothing = cli_.Run("screen 'Contoso Bakery' --as-of 2019-01-01 --json");
  ASSERT_EQ(nothing.exit_code, 10) << nothing.err;

  auto history = Json("history screenings --format json");
  ASSERT_EQ(history["screenings"].size(), 3u) << history.dump();
  const auto& none = history["screenings"][0];
  EXPECT_EQ(none["outcome"], "nothing_screened");
  EXPECT_EQ(none["id"], nlohmann::json::parse(nothing.out)["record_id"]);
  EXPECT_TRUE(none["lists_searched"].empty());
  const auto& clean = history["screenings"][1];
  EXPECT_EQ(clean["id"], no_hit["record_id"]);
  EXPECT_EQ(clean["outcome"], "no_hit");
  EXPECT_EQ(clean["query"]["country"], "US");
  EXPECT_EQ(clean["requested_by"], "operator");
  EXPECT_EQ(clean["channel"], "cli");
  EXPECT_EQ(clean["lists_searched"], no_hit["lists_searched"]);
  EXPECT_EQ(history["screenings"][2]["id"], hit["record_id"]);
  EXPECT_EQ(history["screenings"][2]["outcome"], "hit");

  auto csv = Ok("history screenings --outcome no_hit --format csv");
  EXPECT_EQ(csv.out.rfind("id,recorded_at,requested_by,organization,channel,name,country,type,"
                          "as_of,threshold,outcome,top_score,lists_searched,matches\n",
                          0),
            0u)
      << csv.out;
  EXPECT_NE(csv.out.find(",operator,,cli,Contoso Bakery,US,,2019-06-01,0.8500,no_hit,0.0000,"
                         "csl version 1 of 2019-05-16 (2 entries),\n"),
            std::string::npos)
      << csv.out;
}

TEST_P(HistoryCliTest, ABatchIsOnRecordRowByRowBeforeItsFileIsWritten) {
  const auto in = cli_.Write("names.csv", "id,name\nc1,Huawei\nc2,Contoso Bakery\n");
  const auto out = cli_.dir() / "matches.csv";
  Ok("screen --batch '" + in.string() + "' --out '" + out.string() + "' --as-of 2019-06-01");
  auto history = Json("history screenings --format json");
  ASSERT_EQ(history["screenings"].size(), 2u);
  EXPECT_EQ(history["screenings"][0]["query"]["name"], "Contoso Bakery");
  EXPECT_EQ(history["screenings"][0]["outcome"], "no_hit");
  EXPECT_EQ(history["screenings"][0]["channel"], "batch");
  EXPECT_EQ(history["screenings"][1]["outcome"], "hit");
  // A bad row: nothing screened, nothing recorded.
  const auto bad = cli_.Write("bad.csv", "name,country\nHuawei,CN\nContoso,Atlantis\n");
  auto refused = cli_.Run("screen --batch '" + bad.string() + "' --out '" + out.string() + "'");
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_EQ(Json("history screenings --format json")["screenings"].size(), 2u);
}

TEST_P(HistoryCliTest, DeterminationsAreReadBackByPartyAndDecision) {
  Ok("check --item 5D992.c --to CN --date 2019-05-17 "
     "--party 'ultimate_consignee=Huawei Technologies Co., Ltd.'");
  Ok("check --item EAR99 --to FR --date 2019-05-17 --party 'end_user=Contoso Bakery'");
  auto huawei = Json("history determinations --party 'HUAWEI technologies' --format json");
  ASSERT_EQ(huawei["determinations"].size(), 1u) << huawei.dump();
  EXPECT_EQ(huawei["determinations"][0]["decision"], "LICENSE_REQUIRED");
  EXPECT_EQ(huawei["determinations"][0]["requested_by"], "operator");
  auto clean = Json("history determinations --outcome no_license_required --format json");
  ASSERT_EQ(clean["determinations"].size(), 1u) << clean.dump();
  EXPECT_EQ(clean["determinations"][0]["request"]["destination"], "FR");
  // As a stored user: an applicant sees its organization's only (none here), an agency none.
  EXPECT_TRUE(Json("history determinations --as msft --format json")["determinations"].empty());
  auto agency = cli_.Run("history determinations --as dod");
  EXPECT_NE(agency.exit_code, 0);
  EXPECT_NE(agency.err.find("agency"), std::string::npos) << agency.err;
}

TEST_P(HistoryCliTest, BadFiltersAreRefusedNamingTheFlag) {
  for (const auto& [args, flag] : std::vector<std::pair<std::string, std::string>>{
           {"screenings --from 2019-02-30", "--from"},
           {"screenings --to 2019-13-01", "--to"},
           {"screenings --from 2020-02-01 --to 2020-01-01", "--from"},
           {"screenings --outcome maybe", "--outcome"},
           {"determinations --outcome hit", "--outcome"},
           {"screenings --limit 0", "--limit"},
           {"screenings --party '%%'", "--party"},
           {"screenings --format xml", "--format"}}) {
    auto r = cli_.Run("history " + args);
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.err;
    EXPECT_NE(r.err.find(flag), std::string::npos) << args << ": " << r.err;
  }
}

TEST_P(HistoryCliTest, APruneKeepsFiveYearsAndIsOnTheAuditLog) {
  Json("screen 'Old Name' --as-of 2019-06-01 --json");
  Json("screen 'New Name' --as-of 2019-06-01 --json");
  Ok("check --item EAR99 --to FR --date 2019-05-17 --party 'end_user=Old Party'");
  ASSERT_EQ(Raw("UPDATE screenings SET recorded_at = '2019-06-01T12:00:00Z' WHERE name = 'Old "
                "Name'; UPDATE determinations SET recorded_at = '2019-06-01T12:00:00Z'"),
            "");
  // Fewer than five years is refused, and so is a date inside them: nothing changes.
  auto short_retention = cli_.Run("history prune --retention-years 3");
  EXPECT_EQ(short_retention.exit_code, 2) << short_retention.err;
  EXPECT_NE(short_retention.err.find("762.6"), std::string::npos) << short_retention.err;
  auto recent = cli_.Run("history prune --older-than 2025-01-01");
  EXPECT_EQ(recent.exit_code, 2) << recent.err;
  EXPECT_EQ(Json("history screenings --format json")["screenings"].size(), 2u);

  auto pruned = Ok("history prune --by records-officer");
  EXPECT_NE(pruned.out.find("pruned 1 screening(s) and 1 determination(s)"), std::string::npos)
      << pruned.out;
  auto left = Json("history screenings --format json");
  ASSERT_EQ(left["screenings"].size(), 1u);
  EXPECT_EQ(left["screenings"][0]["query"]["name"], "New Name");
  EXPECT_TRUE(Json("history determinations --format json")["determinations"].empty());

  auto store = storage::OpenStore(db_.url());
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto log = (*store)->AuditLog();
  ASSERT_TRUE(log.ok());
  const auto& record = log->back();
  EXPECT_EQ(record.action, "history.prune");
  EXPECT_EQ(record.actor, "operator records-officer");
  EXPECT_EQ(record.after["screenings_deleted"], 1);
  EXPECT_EQ(record.after["determinations_deleted"], 1);
  EXPECT_EQ(record.after["reason"], "retention of 5 years");
  auto verified = cli_.Run("audit verify");
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, HistoryCliTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
