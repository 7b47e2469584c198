// The server's own list update schedule (issue 15, item 2), end to end on both
// backends: a real `tollgate serve --list-update-interval 1 --sources FILE` downloads
// the CSL from a local HTTP server, stores the version, and re-screens the party
// master, so the alert opens with nobody asking; the next runs find the file unchanged
// and store nothing more.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli_runner.h"
#include "lists/update/test_http_server.h"
#include "server_runner.h"
#include "test_databases.h"

namespace tollgate::testing {
namespace {

using lists::ReadBytes;
using lists::TestHttpServer;

class ListScheduleTest : public ::testing::TestWithParam<std::string> {
 protected:
  ListScheduleTest()
      : files_([](httplib::Server& s) {
          const std::string csl = ReadBytes(SharedList("csl_sample_2019.csv"));
          s.Get("/csl.csv", [csl](const auto&, auto& res) { res.set_content(csl, "text/csv"); });
        }) {}

  // The organization's alerts as `alerts list --json` gives them.
  nlohmann::json Alerts() {
    auto listed = cli_.Run("alerts list --org microsoft --json");
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    return nlohmann::json::parse(listed.out, nullptr, false);
  }

  TestHttpServer files_;
  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(ListScheduleTest, TheScheduleStoresTheNewVersionAndOpensTheAlertOnce) {
  ASSERT_EQ(cli_.Run("orgs add microsoft --name 'Microsoft Corporation' --by setup").exit_code, 0);
  const auto parties = cli_.Write("parties.csv",
                                  "external_id,name,country\n"
                                  "C-1,Gulf Gate Spedition GmbH,AT\n"
                                  "C-3,Contoso GmbH,DE\n");
  auto imported = cli_.Run("parties import '" + parties.string() + "' --org microsoft");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  nlohmann::json sources = {
      {"sources", {{{"name", "csl"}, {"format", "csl-csv"}, {"url", files_.Url("/csl.csv")}}}}};
  const auto sources_file = cli_.Write("sources.json", sources.dump());

  ServerProcess server(db_.url(),
                       {"--list-update-interval", "1", "--sources", sources_file.string()});
  nlohmann::json alerts;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    alerts = Alerts();
    if (alerts.is_object() && alerts["total"].get<int>() > 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  ASSERT_TRUE(alerts.is_object() && alerts["total"] == 1) << alerts.dump();
  EXPECT_EQ(alerts["alerts"][0]["party"]["external_id"], "C-1");
  EXPECT_EQ(alerts["alerts"][0]["entry_name"], "Gulf Gate Spedition GmbH");

  // Two more runs: the file is unchanged, so no second version and no second alert.
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  auto status = cli_.Run("lists status --json");
  ASSERT_EQ(status.exit_code, 0) << status.err;
  // (The server's first start stored the bundled Entity List file before.)
  const auto listed = nlohmann::json::parse(status.out);
  int downloaded = 0;
  for (const auto& v : listed["versions"]) {
    downloaded += v["file_name"] == "csl.csv" ? 1 : 0;
  }
  EXPECT_EQ(downloaded, 1) << status.out;
  EXPECT_EQ(Alerts()["total"], 1);
  // The party's continuous screening is on record as the schedule's.
  auto history = cli_.Run("history screenings --org microsoft --channel continuous --format json");
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_NE(history.out.find("system schedule"), std::string::npos) << history.out;
}

INSTANTIATE_TEST_SUITE_P(Backends, ListScheduleTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
