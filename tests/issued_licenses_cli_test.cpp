// Licenses issued by the workflow, through the real CLI on both backends: an approval
// issues the license in the same transaction, `tollgate check` is then authorized by
// it, applicants see only their own, and shipments draw it down (refused whole when
// they exceed what remains, fall outside the validity or the parties; two processes
// racing for the last units: one ships, the other is refused).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_runner.h"
#include "microsoft_form.h"
#include "test_databases.h"
#include "test_paths.h"

namespace tollgate::testing {
namespace {

constexpr const char* kHuawei = "'ultimate_consignee=Huawei Technologies Co., Ltd.'";

class IssuedLicensesCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (std::string setup :
         {std::string("lists import '") + ShippedList("huawei_entity_list_2019.csv") +
              "' --as-of 2019-05-16",
          std::string("orgs add microsoft --name 'Microsoft Corporation' --by setup"),
          std::string("orgs add qualcomm --name 'Qualcomm Incorporated' --by setup"),
          std::string("users add msft-exports --role applicant --org microsoft --by setup"),
          std::string("users add qcom-exports --role applicant --org qualcomm --by setup"),
          std::string("users add officer --role reviewer --by setup"),
          std::string("users add dod --role agency --agency defense --by setup")}) {
      auto r = cli_.Run(setup);
      ASSERT_EQ(r.exit_code, 0) << setup << ": " << r.err;
    }
    auto form = cli_.Write("form.json", kMicrosoftForm).string();
    for (std::string step :
         {"applications submit '" + form + "' --as msft-exports --date 2019-06-01",
          std::string("applications transition D000001 register --as officer --date 2019-06-03"),
          std::string("applications transition D000001 refer --as officer --date 2019-06-10 "
                      "--agency defense"),
          std::string("applications transition D000001 recommend --as dod --date 2019-06-20 "
                      "--recommendation approve --text 'no military end use'")}) {
      auto r = cli_.Run(step);
      ASSERT_EQ(r.exit_code, 0) << step << ": " << r.err;
    }
  }

  CliResult Approve() {
    return cli_.Run(
        "applications transition D000001 approve --as officer --date 2019-11-20 "
        "--criterion mass_market --text 'mass-market software' --approve-item 0:600 "
        "--condition 'No reexport to Country Group E:1 or E:2'");
  }

  nlohmann::json Check(const std::string& date, const std::string& amounts = "") {
    auto r = cli_.Run("check --rules '" + std::string(TOLLGATE_SOURCE_DIR) +
                      "/data/rules' --item 5D992.c --to CN --party " + kHuawei + " --date " + date +
                      " --exporter 'Microsoft Corporation' " + amounts + " --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
  }

  CliResult Ship(const std::string& args) {
    return cli_.Run("licenses ship D0000001 --as msft-exports " + args);
  }

  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(IssuedLicensesCliTest, AnApprovalIssuesTheLicenseThatThenAuthorizesTheExport) {
  EXPECT_EQ(Check("2019-11-21")["decision"], "LICENSE_REQUIRED");

  auto r = Approve();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      r.out,
      "application D000001: approve -> approved (version 6)\n"
      "issued license D0000001 to Microsoft Corporation, valid 2019-11-20..2023-11-19 (4 years "
      "from the decision, 15 CFR 750.7(g))\n");

  auto shown = cli_.Run("applications show D000001 --as msft-exports --json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(nlohmann::json::parse(shown.out)["license"], "D0000001");
  EXPECT_NE(
      cli_.Run("applications show D000001 --as officer")
          .out.find("  license:             D0000001 (active), valid 2019-11-20..2023-11-19\n"),
      std::string::npos);

  auto license = cli_.Run("licenses show D0000001 --as msft-exports --json");
  ASSERT_EQ(license.exit_code, 0) << license.err;
  auto json = nlohmann::json::parse(license.out);
  EXPECT_EQ(json["holder"], "Microsoft Corporation");
  EXPECT_EQ(json["organization"], "microsoft");
  EXPECT_EQ(json["application"], "D000001");
  EXPECT_EQ(json["destination"], "CN");
  EXPECT_EQ(json["parties"].size(), 2u);
  EXPECT_EQ(json["items"][0]["quantity"], 600);
  EXPECT_EQ(json["items"][0]["value"], 59700);
  EXPECT_EQ(json["valid_from"], "2019-11-20");
  EXPECT_EQ(json["valid_until"], "2023-11-19");
  EXPECT_EQ(json["conditions"][0], "No reexport to Country Group E:1 or E:2");

  auto determination = Check("2019-11-21");
  EXPECT_EQ(determination["decision"], "AUTHORIZED");
  EXPECT_NE(determination.dump().find("license D0000001"), std::string::npos)
      << determination.dump(2);
  EXPECT_EQ(Check("2023-11-20")["decision"], "LICENSE_REQUIRED") << "after the four years";

  auto verify = cli_.Run("audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_P(IssuedLicensesCliTest, AnApplicantSeesOnlyItsOwnLicensesReviewersSeeAll) {
  ASSERT_EQ(Approve().exit_code, 0);
  auto hidden = cli_.Run("licenses show D0000001 --as qcom-exports");
  EXPECT_EQ(hidden.exit_code, 2);
  EXPECT_EQ(hidden.err, "tollgate: error: no license D0000001 in the store\n");
  EXPECT_EQ(cli_.Run("licenses list --as qcom-exports").out, "no licenses in the store\n");
  EXPECT_NE(cli_.Run("licenses list --as msft-exports").out.find("D0000001  active"),
            std::string::npos);
  EXPECT_NE(cli_.Run("licenses list --as officer").out.find("application D000001"),
            std::string::npos);
  EXPECT_EQ(cli_.Run("licenses ship D0000001 --as qcom-exports --date 2020-01-10 --item 5D992.c "
                     "--quantity 1 --value 1 --party " +
                     std::string(kHuawei))
                .err,
            "tollgate: error: no license D0000001 in the store\n");
}

TEST_P(IssuedLicensesCliTest, ShipmentsDrawDownAndThoseBeyondTheLicenseAreRefusedWhole) {
  ASSERT_EQ(Approve().exit_code, 0);
  auto r = Ship("--date 2020-01-10 --item 5D992.c --quantity 400 --value 39800 --party " +
                std::string(kHuawei));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "shipped under license D0000001 on 2020-01-10\n"
            "  remaining 5D992.c: quantity 200, value USD 19900\n");

  const std::string before = cli_.Run("licenses show D0000001 --as officer").out;
  struct Refusal {
    std::string args;
    std::string error;
  };
  const Refusal refusals[] = {
      {"--date 2020-02-01 --item 5D992.c --quantity 201 --value 100 --party " +
           std::string(kHuawei),
       "items/0/quantity: the shipment of 5D992.c asks quantity 201 but license D0000001 has 200 "
       "remaining for 5D992.c"},
      {"--date 2020-02-01 --item 5D992.c --quantity 10 --value 19901 --party " +
           std::string(kHuawei),
       "items/0/value: the shipment of 5D992.c asks value (USD) 19901 but license D0000001 has "
       "19900 "
       "remaining for 5D992.c"},
      {"--date 2019-11-19 --item 5D992.c --quantity 1 --value 1 --party " + std::string(kHuawei),
       "date: license D0000001 is valid 2019-11-20..2023-11-19; a shipment on 2019-11-19 is "
       "outside "
       "it"},
      {"--date 2020-02-01 --item 5D992.c --quantity 1 --value 1 --party 'end_user=ZTE "
       "Corporation'",
       "parties/0: license D0000001 does not name 'ZTE Corporation' as end_user"},
      {"--date 2020-02-01 --item 3A001 --quantity 1 --value 1 --party " + std::string(kHuawei),
       "items/0: license D0000001 does not list 3A001"},
  };
  for (const auto& refusal : refusals) {
    auto refused = Ship(refusal.args);
    EXPECT_EQ(refused.exit_code, 2) << refusal.args;
    EXPECT_EQ(refused.err, "tollgate: error: " + refusal.error + "\n");
  }
  EXPECT_EQ(cli_.Run("licenses show D0000001 --as officer").out, before) << "nothing changed";
  EXPECT_NE(before.find("  shipment 1:  2020-01-10; 5D992.c quantity 400, value USD 39800; by "
                        "applicant msft-exports\n"),
            std::string::npos)
      << before;
  EXPECT_NE(before.find("quantity 600 (remaining 200), value USD 59700 (remaining 19900)"),
            std::string::npos)
      << before;

  // What remains is what `check` sees.
  EXPECT_EQ(Check("2020-02-01", "--quantity 201 --value 100")["decision"], "LICENSE_REQUIRED");
  EXPECT_EQ(Check("2020-02-01", "--quantity 200 --value 19900")["decision"], "AUTHORIZED");

  auto file = cli_.Write("shipment.json", R"({"license": "D0000001", "date": "2020-03-01",
      "items": [{"eccn": "5D992.c", "quantity": 200, "value": 19900}],
      "parties": [{"role": "purchaser", "name": "Huawei Technologies Co., Ltd."}]})");
  r = cli_.Run("licenses ship D0000009 --file '" + file.string() + "' --as msft-exports");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "tollgate: error: NUMBER D0000009 differs from the file's license D0000001\n");
  r = cli_.Run("licenses ship --file '" + file.string() + "' --as msft-exports --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["items"][0]["remaining_quantity"], 0);
  EXPECT_EQ(cli_.Run("audit verify").exit_code, 0);
}

TEST_P(IssuedLicensesCliTest, TwoProcessesShippingTheLastUnitsOneShipsTheOtherIsRefused) {
  ASSERT_EQ(Approve().exit_code, 0);
  ASSERT_EQ(Ship("--date 2020-01-10 --item 5D992.c --quantity 500 --value 49750 --party " +
                 std::string(kHuawei))
                .exit_code,
            0);
  // 100 units remain; two exporters' clerks each ship them at the same moment.
  const std::string binary = std::string("'") + TOLLGATE_CLI_PATH + "' --db '" + db_.url() + "'";
  const std::string ship = binary +
                           " licenses ship D0000001 --as msft-exports --date 2020-02-01 --item "
                           "5D992.c --quantity 100 --value 9950 --party " +
                           kHuawei;
  const auto out = [&](const char* name) { return (cli_.dir() / name).string(); };
  const std::string script = "(" + ship + " >'" + out("a.out") + "' 2>&1; echo $? >'" +
                             out("a.code") + "') & (" + ship + " >'" + out("b.out") +
                             "' 2>&1; echo $? >'" + out("b.code") + "') & wait";
  ASSERT_EQ(std::system(script.c_str()), 0);
  const auto read = [&](const char* name) {
    std::ifstream in(out(name));
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  };
  const std::string codes = read("a.code") + read("b.code");
  EXPECT_TRUE(codes == "0\n2\n" || codes == "2\n0\n") << codes << read("a.out") << read("b.out");
  const std::string refused = read("a.code") == "2\n" ? read("a.out") : read("b.out");
  EXPECT_NE(refused.find("asks quantity 100 but license D0000001 has 0 remaining"),
            std::string::npos)
      << refused;
  auto json = nlohmann::json::parse(cli_.Run("licenses show D0000001 --as officer --json").out);
  EXPECT_EQ(json["items"][0]["remaining_quantity"], 0);
  EXPECT_EQ(json["items"][0]["remaining_value"], 0);
  EXPECT_EQ(cli_.Run("audit verify").exit_code, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, IssuedLicensesCliTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
