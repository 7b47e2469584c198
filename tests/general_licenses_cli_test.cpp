// General licenses in the store, through the real CLI on both backends: loaded from
// the rules data on first use, listed and shown with every window and citation,
// extended and revoked by reviewers only (audited), refused precisely when a window
// does not fit, and read by `tollgate check`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"
#include "test_databases.h"
#include "test_paths.h"

namespace tollgate::testing {
namespace {

class GeneralLicensesCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (std::string setup :
         {std::string("lists import '") + ShippedList("huawei_entity_list_2019.csv") +
              "' --as-of 2019-05-16",
          std::string("orgs add vendor --name 'Example Handset Software Inc.' --by setup"),
          std::string("users add clerk --role applicant --org vendor --by setup"),
          std::string("users add officer --role reviewer --by setup")}) {
      auto r = cli_.Run(setup);
      ASSERT_EQ(r.exit_code, 0) << setup << ": " << r.err;
    }
  }

  std::string Decision(const std::string& date) {
    auto r = cli_.Run("check --rules '" + std::string(TOLLGATE_SOURCE_DIR) +
                      "/data/rules' --item 5D992.c --to CN --party 'end_user=Huawei Technologies "
                      "Co., Ltd.' --activity existing_handset_support --date " +
                      date + " --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out)["decision"].get<std::string>() : "";
  }

  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(GeneralLicensesCliTest, TheTglIsLoadedWithEveryWindowAndItsCitations) {
  auto r = cli_.Run("general-licenses list --as clerk");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "huawei_tgl  6 window(s)  in force through 2020-08-13  Temporary General License for "
            "Huawei and its non-U.S. affiliates\n");
  auto shown = cli_.Run("general-licenses show huawei_tgl --as clerk");
  EXPECT_NE(shown.out.find("  window initial: 2019-05-20..2019-08-19 [84 FR 23468 (22 May 2019)]"),
            std::string::npos)
      << shown.out;
  EXPECT_NE(shown.out.find("  window extension_2: 2019-11-18..2020-02-16, supersedes "
                           "extension_1 [84 FR 64018 (20 Nov 2019)]"),
            std::string::npos)
      << shown.out;
  auto loaded_again = cli_.Run("general-licenses load --as officer");
  ASSERT_EQ(loaded_again.exit_code, 0) << loaded_again.err;
  EXPECT_EQ(loaded_again.out.rfind("loaded 0 general license(s)", 0), 0u) << loaded_again.out;
}

TEST_P(GeneralLicensesCliTest, ExtendAndRevokeChangeWhatCheckAnswersAndAreAudited) {
  EXPECT_EQ(Decision("2020-09-01"), "LICENSE_REQUIRED");
  auto r = cli_.Run(
      "general-licenses extend huawei_tgl --window-id extension_6 --from 2020-08-14 --to "
      "2020-11-30 --citation 'hypothetical extension (test)' --as officer --date 2020-08-10");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "extended general license huawei_tgl: window extension_6 2020-08-14..2020-11-30; in "
            "force through 2020-11-30\n");
  EXPECT_EQ(Decision("2020-09-01"), "AUTHORIZED");

  r = cli_.Run(
      "general-licenses revoke huawei_tgl --from 2020-09-15 --citation 'hypothetical "
      "revocation (test)' --as officer --date 2020-09-14");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "revoked general license huawei_tgl from 2020-09-15; in force through 2020-09-14\n");
  EXPECT_EQ(Decision("2020-09-01"), "AUTHORIZED");
  EXPECT_EQ(Decision("2020-09-15"), "LICENSE_REQUIRED");

  auto json =
      nlohmann::json::parse(cli_.Run("general-licenses show huawei_tgl --as clerk --json").out);
  EXPECT_EQ(json["version"], 3);
  EXPECT_EQ(json["revoked_from"], "2020-09-15");
  EXPECT_EQ(json["windows"].size(), 7u);
  EXPECT_EQ(json["effective"]["windows"][6]["to"], "2020-09-14");
  EXPECT_EQ(cli_.Run("audit verify").exit_code, 0);
}

TEST_P(GeneralLicensesCliTest, RefusalsNameTheProblemAndChangeNothing) {
  const std::string before = cli_.Run("general-licenses show huawei_tgl --as officer --json").out;
  auto r = cli_.Run(
      "general-licenses extend huawei_tgl --window-id extension_6 --from 2020-08-01 --to "
      "2020-11-30 --citation 'x' --as officer");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("overlapping windows: \"extension_6\" 2020-08-01..2020-11-30 overlaps "
                       "\"extension_5\""),
            std::string::npos)
      << r.err;
  r = cli_.Run("general-licenses revoke huawei_tgl --from 2020-01-01 --citation x --as clerk");
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_EQ(r.err,
            "tollgate: error: only a BIS reviewer changes general licenses; clerk is a "
            "applicant\n");
  r = cli_.Run("general-licenses revoke huawei_tgl --from 2020-01-01 --as officer");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--citation: a revocation needs its authority"), std::string::npos);
  r = cli_.Run("general-licenses revoke huawei_tgl --from 2019-05-01 --citation x --as officer");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "tollgate: error: --from: 2019-05-01 is not after the first day of general license "
            "huawei_tgl (2019-05-20)\n");
  r = cli_.Run("general-licenses show nothing_here --as officer");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "tollgate: error: no general license nothing_here in the store\n");
  EXPECT_EQ(cli_.Run("general-licenses show huawei_tgl --as officer --json").out, before);
}

INSTANTIATE_TEST_SUITE_P(Backends, GeneralLicensesCliTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
