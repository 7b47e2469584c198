// Two `tollgate serve` processes on one PostgreSQL database import the same list
// version at the same moment (issue 15: "no alert is lost or doubled when both import
// the same list version at once"): one stores it and re-screens the parties, the other
// finds it stored; every alert the version calls for exists once, with one audit
// record and one webhook delivery queued, and each party screened is on record once.
// PostgreSQL only: two processes on one SQLite file are the same case one lock deep,
// and the issue names PostgreSQL.
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "cli_runner.h"
#include "server_runner.h"
#include "test_databases.h"
#include "tollgate/storage/store.h"

namespace tollgate::testing {
namespace {

// Entries of csl_sample_2019.csv (Entity List, Denied Persons) a party of the master is
// named like.
constexpr const char* kEntries[] = {"Gulf Gate Spedition GmbH", "ADT ANALOG AND DIGITAL TECHNIK"};
// The parties of the master named like them.
constexpr const char* kParties[] = {"Gulf Gate Spedition GmbH", "ADT Analog and Digital Technik"};

class TwoServersImportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (const char* setup : {"orgs add microsoft --name 'Microsoft Corporation' --by setup",
                              "users add msft --role applicant --org microsoft --by setup",
                              "users add root --role admin --by setup",
                              "webhooks add --url http://127.0.0.1:9/hook --org microsoft"}) {
      auto r = cli_.Run(setup);
      ASSERT_EQ(r.exit_code, 0) << setup << ": " << r.err;
    }
    for (const char* user : {"msft", "root"}) {
      auto r = cli_.Run(std::string("tokens issue ") + user + " --name tests");
      ASSERT_EQ(r.exit_code, 0) << r.err;
      tokens_[user] = r.out.substr(0, r.out.find('\n'));
    }
    // No webhook is sent while the test counts what was queued.
    for (auto& server : servers_) {
      server = std::make_unique<ServerProcess>(db_.url(),
                                               std::vector<std::string>{"--webhook-interval", "0"});
    }
  }

  // The sample without the followed entries, or whole.
  static std::string Version(bool with_entries) {
    std::ifstream in(SharedList("csl_sample_2019.csv"));
    std::ostringstream out;
    for (std::string line; std::getline(in, line);) {
      bool followed = false;
      for (const char* name : kEntries) followed = followed || line.find(name) != std::string::npos;
      if (!with_entries && followed) continue;
      out << line << '\n';
    }
    return out.str();
  }

  struct Answer {
    int status = 0;  // 0: no answer
    std::string body;
  };
  Answer Import(int server, const std::string& body, const std::string& as_of) {
    auto client = servers_[server]->Client();
    client->set_read_timeout(std::chrono::seconds(120));
    auto result =
        client->Post("/api/lists/import?as_of=" + as_of + "&name=csl.csv",
                     {{"Authorization", "Bearer " + tokens_.at("root")}}, body, "text/csv");
    if (!result) return {0, httplib::to_string(result.error())};
    return {result->status, result->body};
  }

  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServerProcess> servers_[2];
};

TEST_P(TwoServersImportTest, BothImportTheSameVersionAtOnceEachAlertAndRecordOnce) {
  auto client = servers_[0]->Client();
  auto posted = client->Post("/api/parties", {{"Authorization", "Bearer " + tokens_.at("msft")}},
                             R"({"parties": [
        {"external_id": "C-1", "name": "Gulf Gate Spedition GmbH", "country": "AT"},
        {"external_id": "C-2", "name": "ADT Analog and Digital Technik", "country": "DE"},
        {"external_id": "C-3", "name": "Contoso GmbH", "country": "DE"}]})",
                             "application/json");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;
  auto first = Import(0, Version(false), "2019-05-21");
  ASSERT_EQ(first.status, 201) << first.body;

  // Both servers are sent the version that lists the entries, at the same moment.
  const std::string body = Version(true);
  Answer answers[2];
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] { answers[i] = Import(i, body, "2019-05-22"); });
  }
  for (auto& t : threads) t.join();
  std::vector<int> statuses{answers[0].status, answers[1].status};
  std::sort(statuses.begin(), statuses.end());
  ASSERT_EQ(statuses, (std::vector<int>{200, 201})) << answers[0].body << answers[1].body;
  const auto stored = nlohmann::json::parse(answers[answers[0].status == 201 ? 0 : 1].body);
  const auto found = nlohmann::json::parse(answers[answers[0].status == 201 ? 1 : 0].body);
  EXPECT_EQ(found["unchanged"], true);
  EXPECT_EQ(found["version"]["id"], stored["version"]["id"]);
  EXPECT_EQ(stored["alerts"]["opened"], 2) << stored.dump();

  auto store = storage::OpenStore(db_.url());
  ASSERT_TRUE(store.ok()) << store.error().message;
  alerts::Filter filter;
  filter.organization = "microsoft";
  filter.per_page = alerts::kMaxPerPage;
  auto page = (*store)->ListAlerts(filter);
  ASSERT_TRUE(page.ok()) << page.error().message;
  std::map<std::string, int> per_entry;
  for (const auto& a : page->alerts) ++per_entry[a.entry_name];
  for (const char* name : kEntries) EXPECT_EQ(per_entry[name], 1) << name;
  for (const auto& [name, count] : per_entry) EXPECT_EQ(count, 1) << name;
  auto log = (*store)->AuditLog();
  ASSERT_TRUE(log.ok());
  std::int64_t opened = 0;
  for (const auto& r : *log) opened += r.action == "alert.open" ? 1 : 0;
  EXPECT_EQ(opened, page->total);
  auto deliveries = (*store)->ListDeliveries("microsoft", std::nullopt, 1000);
  ASSERT_TRUE(deliveries.ok()) << deliveries.error().message;
  EXPECT_EQ(static_cast<std::int64_t>(deliveries->size()), page->total);

  // Each party the new version screened is on record once, against that version.
  storage::HistoryFilter continuous;
  continuous.channel = "continuous";
  continuous.limit = 1000;
  auto records = (*store)->FindScreenings(continuous);
  ASSERT_TRUE(records.ok()) << records.error().message;
  std::map<std::string, int> per_party;
  for (const auto& r : *records) {
    for (const auto& v : r.lists) per_party[r.name] += v["id"] == stored["version"]["id"] ? 1 : 0;
  }
  for (const char* name : kParties) EXPECT_EQ(per_party[name], 1) << name;
  for (const auto& [name, count] : per_party) EXPECT_LE(count, 1) << name;
  // The chain of audit records did not fork.
  EXPECT_EQ(cli_.Run("audit verify").exit_code, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, TwoServersImportTest, ::testing::Values("postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
