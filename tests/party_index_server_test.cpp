// The server keeps the parties' index of the continuous re-screening warm (issue 15,
// item 2), on both backends: a second list import through the API re-uses it, which an
// operator sees in /metrics (tollgate_party_index_builds_total stays, ..._reuses_total
// counts); a party added by the CLI, another process on the same database, has the
// next import build it again, and that import's re-screening finds the party.
#include <fstream>
#include <sstream>

#include "server_fixture.h"

namespace tollgate::testing {
namespace {

constexpr const char* kEntryName = "Gulf Gate Spedition GmbH";

class PartyIndexServerTest : public ServerFixture {
 protected:
  // The Consolidated Screening List sample, with or without the followed entry, and
  // `extra` at the end (another file, the same entries).
  std::string Version(bool with_entry, const std::string& extra = "") {
    std::ifstream in(SharedList("csl_sample_2019.csv"));
    std::ostringstream out;
    for (std::string line; std::getline(in, line);) {
      if (!with_entry && line.find(kEntryName) != std::string::npos) continue;
      out << line << '\n';
    }
    return out.str() + extra;
  }

  HttpAnswer Import(const std::string& body, const std::string& as_of) {
    httplib::Headers root{{"Authorization", "Bearer " + tokens_.at("root")}};
    return Send("POST", "/api/lists/import?as_of=" + as_of + "&name=csl.csv", body, root,
                "text/csv");
  }

  // A sample of /metrics (read from the loopback interface, without credentials).
  double Metric(const std::string& name) {
    auto page = Send("GET", "/metrics", "", {});
    EXPECT_EQ(page.status, 200) << page.text;
    std::istringstream lines(page.text);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind(name + " ", 0) == 0) return std::stod(line.substr(name.size() + 1));
    }
    ADD_FAILURE() << name << " not in /metrics";
    return -1;
  }
};

TEST_P(PartyIndexServerTest, ASecondImportReusesTheIndexAPartyAddedByTheCliRebuildsIt) {
  auto posted = Call("msft", "POST", "/api/parties",
                     R"({"parties": [{"external_id": "C-1", "name": "Contoso GmbH",
                                      "country": "DE"}]})");
  ASSERT_EQ(posted.status, 201) << posted.text;
  EXPECT_EQ(Metric("tollgate_party_index_builds_total"), 0);

  auto first = Import(Version(false), "2019-05-21");
  ASSERT_EQ(first.status, 201) << first.text;
  EXPECT_EQ(Metric("tollgate_party_index_builds_total"), 1);
  EXPECT_EQ(Metric("tollgate_party_index_reuses_total"), 0);
  EXPECT_EQ(Metric("tollgate_party_index_parties"), 1);

  // The master has not changed: the next import re-screens with the index it holds.
  auto second = Import(Version(false, "\n"), "2019-05-22");
  ASSERT_EQ(second.status, 201) << second.text;
  EXPECT_EQ(Metric("tollgate_party_index_builds_total"), 1);
  EXPECT_EQ(Metric("tollgate_party_index_reuses_total"), 1);

  // Another process adds a party named like an entry the next version lists.
  const auto file = cli_.dir() / "more.csv";
  std::ofstream(file) << "external_id,name,country\nC-9," << kEntryName << ",AT\n";
  auto added =
      cli_.Run("parties import '" + file.string() + "' --org microsoft --as-of 2019-05-22");
  ASSERT_EQ(added.exit_code, 0) << added.err;

  auto third = Import(Version(true), "2019-05-23");
  ASSERT_EQ(third.status, 201) << third.text;
  EXPECT_EQ(third.body["alerts"]["opened"], 1) << third.text;
  EXPECT_EQ(Metric("tollgate_party_index_builds_total"), 2);
  EXPECT_EQ(Metric("tollgate_party_index_parties"), 2);
  auto alerts = Call("msft", "GET", "/api/alerts?party=C-9");
  ASSERT_EQ(alerts.status, 200) << alerts.text;
  ASSERT_EQ(alerts.body["total"], 1) << alerts.text;
  EXPECT_EQ(alerts.body["alerts"][0]["entry_name"], kEntryName);
  // And that screening is on record, by the admin who imported.
  auto history = Call("auditor", "GET", "/api/history/screenings?channel=continuous&party=gulf");
  ASSERT_EQ(history.status, 200) << history.text;
  ASSERT_EQ(history.body["screenings"].size(), 1u) << history.text;
  EXPECT_EQ(history.body["screenings"][0]["requested_by"], "admin root");
  EXPECT_EQ(history.body["screenings"][0]["outcome"], "hit");
  EXPECT_EQ(Call("auditor", "GET", "/api/history/screenings?channel=pigeon").status, 400);
}

INSTANTIATE_TEST_SUITE_P(Backends, PartyIndexServerTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
