// `tollgate demo replay-2019` through the real CLI on both backends: the replay runs
// into a new database, the stats of 20 Nov 2019 have the shape the news reported
// because the simulated reviews produce it (bounds here, no figure), nothing is decided
// before the week decisions began, Microsoft's application is approved on 20 Nov 2019,
// every synthetic record says so, the audit chain is intact, and a second run into the
// same database is refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "test_databases.h"

namespace tollgate::testing {
namespace {

class ReplayCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  nlohmann::json Json(const std::string& args) {
    auto r = cli_.Run(args);
    EXPECT_EQ(r.exit_code, 0) << args << ": " << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }

  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(ReplayCliTest, TheReplayOf2019ShowsTheReportedShapeAndMicrosoftsApproval) {
  auto replay = cli_.Run("demo replay-2019");
  ASSERT_EQ(replay.exit_code, 0) << replay.err;
  EXPECT_EQ(replay.out.rfind("SYNTHETIC REPLAY (seed 2019): 299 synthetic", 0), 0u) << replay.out;

  auto nov20 = Json("report stats --as syn-bis-officer-1 --as-of 2019-11-20 --format json");
  const int received = nov20["received"];
  const int processed = nov20["processed"];
  const int approved = nov20["approved"];
  const int notices = nov20["intent_to_deny_pending"];
  EXPECT_EQ(received, 300) << "299 synthetic applications and Microsoft's";
  // "about half processed, about half of those approved, the others sent notices"
  EXPECT_GT(processed, received * 2 / 5);
  EXPECT_LT(processed, received * 3 / 5);
  EXPECT_GT(approved, (approved + notices) * 2 / 5);
  EXPECT_LT(approved, (approved + notices) * 3 / 5);
  EXPECT_EQ(nov20["denied"], 0) << "no 20-day notice has run out by 20 Nov";
  EXPECT_GT(nov20["overdue"], 0);

  auto before = Json("report stats --as syn-bis-officer-1 --as-of 2019-11-17 --format json");
  EXPECT_EQ(before["approved"], 0);
  EXPECT_EQ(before["intent_to_deny_pending"], 0);
  EXPECT_GT(before["registered"], 250);

  auto microsoft = Json("applications list --as syn-microsoft-exports --json");
  ASSERT_EQ(microsoft.size(), 1u) << "Microsoft's user sees only Microsoft's application";
  const auto& app = microsoft[0];
  EXPECT_EQ(app["state"], "approved");
  EXPECT_EQ(app["applicant"]["name"], "Microsoft Corporation");
  EXPECT_EQ(app["ultimate_consignee"]["name"], "Huawei Technologies Co., Ltd.");
  EXPECT_EQ(app["items"][0]["eccn"], "5D992.c");
  EXPECT_EQ(app["review"]["decision"]["on"], "2019-11-20");

  auto all = Json("applications list --as syn-bis-officer-1 --json");
  ASSERT_EQ(all.size(), 300u);
  for (const auto& a : all) {
    if (a["organization"] == "microsoft") continue;
    EXPECT_NE(a["applicant"]["name"].get<std::string>().find("(synthetic)"), std::string::npos);
    EXPECT_EQ(a["end_use"].get<std::string>().rfind("SYNTHETIC", 0), 0u);
  }
  auto orgs = cli_.Run("orgs list");
  EXPECT_EQ(orgs.out.rfind("microsoft  Microsoft Corporation\nsyn-", 0), 0u) << orgs.out;

  auto criteria = Json("report criteria --as syn-microsoft-exports --to 2019-11-20 --format json");
  EXPECT_EQ(static_cast<int>(criteria["decisions"].size()), approved + notices);
  int named = 0;
  for (const auto& d : criteria["decisions"]) named += d["applicant"] != "withheld";
  EXPECT_EQ(named, 1) << "Microsoft's user sees only Microsoft's name";

  auto verify = cli_.Run("audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.out;

  auto again = cli_.Run("demo replay-2019");
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(again.err,
            "tollgate: error: the database already holds organizations: the replay needs a new "
            "database (--db var/replay-2019.db)\n");
  EXPECT_EQ(Json("applications list --as syn-bis-officer-1 --json").size(), 300u);
}

TEST_P(ReplayCliTest, TheSameSeedGivesTheSameReplayAndAnotherSeedAnotherOne) {
  TestDatabase other_db{GetParam()};
  CliSandbox other{other_db.url()};
  ASSERT_EQ(cli_.Run("demo replay-2019 --seed 7 --count 60").exit_code, 0);
  ASSERT_EQ(other.Run("demo replay-2019 --seed 7 --count 60").exit_code, 0);
  const std::string stats = "report stats --as syn-bis-officer-1 --as-of 2019-11-20 --format csv";
  const auto first = cli_.Run(stats);
  EXPECT_EQ(first.out, other.Run(stats).out);
  TestDatabase third_db{GetParam()};
  CliSandbox third{third_db.url()};
  ASSERT_EQ(third.Run("demo replay-2019 --seed 8 --count 60").exit_code, 0);
  EXPECT_NE(first.out, third.Run(stats).out);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReplayCliTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
