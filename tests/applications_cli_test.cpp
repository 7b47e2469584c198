// The licensing workflow through the real CLI on both backends: filing, the process
// step by step with its refusals, confidentiality between applicants, the statutory
// clocks, two processes racing on one application, and `audit verify` finding an edit.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "microsoft_form.h"
#include "test_databases.h"
#include "test_paths.h"

namespace tollgate::testing {
namespace {

class ApplicationsCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (const char* setup : {"orgs add microsoft --name 'Microsoft Corporation' --by setup",
                              "orgs add qualcomm --name 'Qualcomm Incorporated' --by setup",
                              "users add msft-exports --role applicant --org microsoft --by setup",
                              "users add qcom-exports --role applicant --org qualcomm --by setup",
                              "users add officer --role reviewer --by setup",
                              "users add dod --role agency --agency defense --by setup"}) {
      auto r = cli_.Run(setup);
      ASSERT_EQ(r.exit_code, 0) << setup << ": " << r.err;
    }
    form_ = cli_.Write("form.json", kMicrosoftForm).string();
    auto r = cli_.Run("applications submit '" + form_ + "' --as msft-exports --date 2019-06-01");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(r.out, "submitted application D000001 (version 2)\n");
  }

  CliResult Step(const std::string& args) { return cli_.Run("applications transition " + args); }

  // Edits the audit log behind Tollgate's back, as someone with the database's keys.
  void TamperWithAuditRecord(int sequence) {
    const std::string update = "UPDATE audit_log SET actor = 'reviewer nobody' WHERE sequence = " +
                               std::to_string(sequence);
    if (db_.backend() == "postgres") {
      PGconn* conn = PQconnectdb(db_.url().c_str());
      PGresult* r =
          PQexec(conn, ("DROP TRIGGER audit_log_append_only ON audit_log; " + update).c_str());
      ASSERT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQresultErrorMessage(r);
      PQclear(r);
      PQfinish(conn);
    } else {
      sqlite3* conn = nullptr;
      sqlite3_open(db_.url().c_str(), &conn);
      ASSERT_EQ(sqlite3_exec(conn, ("DROP TRIGGER audit_log_no_update; " + update).c_str(), nullptr,
                             nullptr, nullptr),
                SQLITE_OK);
      sqlite3_close(conn);
    }
  }

  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
  std::string form_;
};

TEST_P(ApplicationsCliTest, AnApplicationGoesThroughReviewStepByStepAndIllegalStepsAreRefused) {
  auto r = Step("D000001 approve --as officer --date 2019-06-02 --criterion mass_market --text ok");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "tollgate: error: application D000001: cannot approve from 'submitted': allowed from "
            "'submitted': register, return, withdraw; approve comes after register\n");

  r = Step("D000001 register --as msft-exports --date 2019-06-03");
  EXPECT_EQ(r.exit_code, 6) << "an applicant cannot register its own application";

  ASSERT_EQ(Step("D000001 register --as officer --date 2019-06-03").exit_code, 0);
  ASSERT_EQ(Step("D000001 refer --as officer --date 2019-06-10 --agency defense").exit_code, 0);
  r = Step(
      "D000001 recommend --as dod --date 2019-06-20 --recommendation approve "
      "--text 'no military end use'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Step(
      "D000001 approve --as officer --date 2019-11-20 --criterion mass_market "
      "--criterion bogus --text 'mass-market software'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("criteria/1: unknown criterion 'bogus'"), std::string::npos) << r.err;
  r = Step(
      "D000001 approve --as officer --date 2019-11-20 --criterion mass_market "
      "--text 'mass-market software' --approve-item 0:600 --condition 'no reexport'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      r.out,
      "application D000001: approve -> approved (version 6)\n"
      "issued license D0000001 to Microsoft Corporation, valid 2019-11-20..2023-11-19 (4 years "
      "from the decision, 15 CFR 750.7(g))\n");

  r = cli_.Run("applications show D000001 --as msft-exports --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto shown = nlohmann::json::parse(r.out);
  EXPECT_EQ(shown["application"]["state"], "approved");
  EXPECT_EQ(shown["application"]["review"]["decision"]["approved_items"][0]["quantity"], 600);
  EXPECT_EQ(shown["application"]["review"]["recommendations"][0]["agency"], "defense");
  ASSERT_EQ(shown["timeline"].size(), 5u);
  EXPECT_EQ(shown["timeline"][4]["on"], "2019-11-20");
  EXPECT_EQ(shown["timeline"][4]["event"]["actor"]["name"], "officer");
}

TEST_P(ApplicationsCliTest, AnApplicantSeesOnlyItsOwnApplications) {
  auto hidden = cli_.Run("applications show D000001 --as qcom-exports");
  auto missing = cli_.Run("applications show D000042 --as qcom-exports");
  EXPECT_EQ(hidden.exit_code, 2);
  EXPECT_EQ(hidden.err, "tollgate: error: no application D000001\n");
  EXPECT_EQ(missing.err, "tollgate: error: no application D000042\n");
  EXPECT_EQ(cli_.Run("applications list --as qcom-exports").out, "no applications\n");
  EXPECT_NE(cli_.Run("applications list --as officer").out.find("D000001  submitted"),
            std::string::npos);
  EXPECT_EQ(Step("D000001 withdraw --as qcom-exports").exit_code, 2);
  EXPECT_EQ(cli_.Run("applications list --as nobody").err,
            "tollgate: error: --as: no user 'nobody'\n");
}

TEST_P(ApplicationsCliTest, DueListsTheStatutoryClocksWithDaysLeft) {
  ASSERT_EQ(Step("D000001 register --as officer --date 2019-06-03").exit_code, 0);
  auto r = cli_.Run("applications due --as officer --as-of 2019-06-15 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto due = nlohmann::json::parse(r.out);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0]["application"], "application D000001");
  EXPECT_EQ(due[0]["kind"], "referral");
  EXPECT_EQ(due[0]["due"], "2019-06-12");
  EXPECT_EQ(due[0]["days_left"], -3);
  EXPECT_EQ(due[0]["overdue"], true);
  EXPECT_EQ(due[1]["kind"], "decision");
  EXPECT_EQ(due[1]["due"], "2019-09-01");
  EXPECT_EQ(due[1]["citation"], "§750.4(a)");
  EXPECT_EQ(nlohmann::json::parse(
                cli_.Run("applications due --as qcom-exports --as-of 2019-06-15 --json").out),
            nlohmann::json::array());
}

TEST_P(ApplicationsCliTest, TwoProcessesChangingTheSameVersionOneWinsTheOtherGetsAConflict) {
  ASSERT_EQ(Step("D000001 register --as officer --date 2019-06-03").exit_code, 0);  // version 3
  const std::string binary = std::string("'") + TOLLGATE_CLI_PATH + "' --db '" + db_.url() + "'";
  const auto code_file = [&](const char* name) { return (cli_.dir() / name).string(); };
  const std::string refer = binary +
                            " applications transition D000001 refer --as officer --date "
                            "2019-06-10 --agency defense --version 3 >/dev/null 2>&1";
  const std::string rwa = binary +
                          " applications transition D000001 return --as officer --date "
                          "2019-06-10 --text deficient --version 3 >/dev/null 2>&1";
  const std::string both = "(" + refer + "; echo $? > '" + code_file("a") + "') & (" + rwa +
                           "; echo $? > '" + code_file("b") + "') & wait";
  ASSERT_EQ(std::system(both.c_str()), 0);
  const auto read_code = [&](const char* name) {
    int code = -1;
    std::ifstream(code_file(name)) >> code;
    return code;
  };
  const int a = read_code("a");
  const int b = read_code("b");
  EXPECT_TRUE((a == 0 && b == 3) || (a == 3 && b == 0))
      << "refer exit " << a << ", return exit " << b;
  auto shown = nlohmann::json::parse(cli_.Run("applications show D000001 --as officer --json").out);
  EXPECT_EQ(shown["application"]["version"], 4);
  EXPECT_EQ(shown["timeline"].size(), 3u);
  EXPECT_EQ(cli_.Run("audit verify").exit_code, 0);
}

TEST_P(ApplicationsCliTest, AuditVerifyFindsAnEditedRecordAndNamesIt) {
  auto r = cli_.Run("audit verify --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto intact = nlohmann::json::parse(r.out);
  EXPECT_EQ(intact["records"], 8);  // 2 organizations, 4 users, create, submit
  EXPECT_EQ(intact["ok"], true);
  const std::string anchor = "8:" + intact["head_hash"].get<std::string>();

  TamperWithAuditRecord(7);
  r = cli_.Run("audit verify");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("sequence 7: edited: its content does not match its hash"),
            std::string::npos)
      << r.out;
  // The trigger the edit needed dropped is reported too.
  EXPECT_NE(r.out.find("append-only: trigger audit_log_"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("NOT intact: 2 problem(s)"), std::string::npos) << r.out;
  EXPECT_EQ(cli_.Run("audit verify --anchor " + anchor).exit_code, 1);
  EXPECT_EQ(cli_.Run("audit verify --anchor eight").exit_code, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApplicationsCliTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
