// `tollgate report stats|criteria` through the real CLI on both backends, over the
// small history with known figures of reports/test_history.h: each format, a past
// date, what an applicant sees, and bad flags refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "reports/test_history.h"
#include "test_databases.h"

namespace tollgate::testing {
namespace {

class ReportCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto store = storage::OpenStore(db_.url());
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_NO_FATAL_FAILURE(reports::testing::HistoryBuilder(**store).Build());
  }

  nlohmann::json Json(const std::string& args) {
    auto r = cli_.Run(args + " --format json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }

  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(ReportCliTest, StatsAsJsonCarryTheFiguresOfTheDay) {
  auto end = Json("report stats --as officer --as-of 2019-07-31");
  EXPECT_EQ(end["as_of"], "2019-07-31");
  EXPECT_EQ(end["received"], 7);
  EXPECT_EQ(end["processed"], 4);
  EXPECT_EQ(end["approved"], 2);
  EXPECT_EQ(end["approved_in_part"], 1);
  EXPECT_EQ(end["denied"], 1);
  EXPECT_EQ(end["withdrawn"], 1);
  EXPECT_EQ(end["median_days_to_decision"], 20.0);
  EXPECT_EQ(end["p90_days_to_decision"], 28);
  EXPECT_EQ(end["overdue"], 1);

  auto past = Json("report stats --as msft-exports --as-of 2019-07-01");
  EXPECT_EQ(past["received"], 6) << "an applicant sees the aggregates over everyone's";
  EXPECT_EQ(past["intent_to_deny_pending"], 1);
  EXPECT_EQ(past["denied"], 0);

  auto none = Json("report stats --as officer --as-of 2019-05-01");
  EXPECT_EQ(none["received"], 0);
  EXPECT_TRUE(none["median_days_to_decision"].is_null());
}

TEST_P(ReportCliTest, StatsRenderAsTableCsvAndMarkdown) {
  auto table = cli_.Run("report stats --as officer --as-of 2019-07-31");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("License applications as of 2019-07-31"), std::string::npos);
  EXPECT_NE(table.out.find("  received                          7\n"), std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("  median days to decision           20.0\n"), std::string::npos);

  auto csv = cli_.Run("report stats --as officer --as-of 2019-06-04 --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("measure,value\nas_of,2019-06-04\nreceived,2\n", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("\nmedian_days_to_decision,\n"), std::string::npos);

  auto md = cli_.Run("report stats --as officer --as-of 2019-07-31 --format md");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_EQ(md.out.rfind("| measure | value |\n|---|---:|\n", 0), 0u);
  EXPECT_NE(md.out.find("| overdue | 1 |\n"), std::string::npos);
}

TEST_P(ReportCliTest, TheCriteriaReportWithholdsOtherApplicantsAndCountsPerCriterion) {
  auto mine = Json("report criteria --as qcom-exports --to 2019-07-31");
  ASSERT_EQ(mine["decisions"].size(), 3u);
  EXPECT_EQ(mine["decisions"][0]["control_number"], "D000003");
  EXPECT_EQ(mine["decisions"][0]["applicant"], "Qualcomm Incorporated");
  EXPECT_EQ(mine["decisions"][0]["outcome"], "approved_in_part");
  for (int i : {1, 2}) {
    EXPECT_EQ(mine["decisions"][i]["control_number"], "withheld");
    EXPECT_EQ(mine["decisions"][i]["applicant"], "withheld");
  }
  EXPECT_EQ(mine["decisions"][2]["outcome"], "denied");
  EXPECT_EQ(mine["decisions"][2]["criteria"],
            nlohmann::json({"presumption_of_denial", "telecom_infrastructure_threat"}));
  auto text = cli_.Run("report criteria --as qcom-exports --to 2019-07-31");
  EXPECT_EQ(text.out.find("Microsoft"), std::string::npos) << text.out;

  auto all = Json("report criteria --as officer --from 2019-06-20 --to 2019-06-30");
  ASSERT_EQ(all["decisions"].size(), 1u);
  EXPECT_EQ(all["decisions"][0]["applicant"], "Microsoft Corporation");
  EXPECT_EQ(all["decisions"][0]["outcome"], "intent_to_deny");
  for (const auto& tally : all["criteria"]) {
    const bool on_notice =
        tally["id"] == "presumption_of_denial" || tally["id"] == "telecom_infrastructure_threat";
    EXPECT_EQ(tally["intent_to_deny"], on_notice ? 1 : 0) << tally["id"];
    EXPECT_EQ(tally["approved"], 0);
  }

  auto csv = cli_.Run("report criteria --as officer --to 2019-07-31 --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("decision,2019-07-01,D000001,Microsoft Corporation,approved,"
                         "mass_market;no_5g_contribution,,,\n"),
            std::string::npos)
      << csv.out;
  EXPECT_NE(csv.out.find("criterion,,,,,presumption_of_denial,0,0,1\n"), std::string::npos);
  auto md = cli_.Run("report criteria --as officer --to 2019-07-31 --format md");
  EXPECT_NE(md.out.find("| 2019-06-15 | D000003 | Qualcomm Incorporated | approved_in_part | "
                        "non_sensitive_item |\n"),
            std::string::npos)
      << md.out;
}

TEST_P(ReportCliTest, BadFlagsAreRefusedNamingTheFlag) {
  auto format = cli_.Run("report stats --as officer --format xml");
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_EQ(format.err, "tollgate: error: --format: unknown format 'xml' (table, json, csv, md)\n");
  auto date = cli_.Run("report stats --as officer --as-of 2019-02-30");
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_EQ(date.err.rfind("tollgate: error: --as-of: ", 0), 0u) << date.err;
  auto order = cli_.Run("report criteria --as officer --from 2019-08-01 --to 2019-07-01");
  EXPECT_EQ(order.exit_code, 2);
  EXPECT_EQ(order.err, "tollgate: error: --from 2019-08-01 is after --to 2019-07-01\n");
  auto nobody = cli_.Run("report criteria --as nobody");
  EXPECT_EQ(nobody.exit_code, 2);
  EXPECT_TRUE(nobody.out.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportCliTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
