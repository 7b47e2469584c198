// `tollgate lists update` end to end: the real CLI downloads from a local HTTP server
// and imports into a real database.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "lists/update/test_http_server.h"

namespace tollgate::testing {
namespace {

using lists::ReadBytes;
using lists::TestHttpServer;

class ListsUpdateCliTest : public ::testing::Test {
 protected:
  ListsUpdateCliTest()
      : server_([](httplib::Server& s) {
          const std::string un = ReadBytes(SharedList("un_consolidated_2026-02.xml"));
          const std::string csl = ReadBytes(ShippedList("huawei_entity_list_2019.csv"));
          s.Get("/un.xml",
                [un](const auto&, auto& res) { res.set_content(un, "application/xml"); });
          s.Get("/csl.csv", [csl](const auto&, auto& res) { res.set_content(csl, "text/csv"); });
        }) {}

  std::string WriteSources(const std::string& csl_path) {
    nlohmann::json sources = {
        {"sources",
         {{{"name", "un"}, {"format", "un-xml"}, {"url", server_.Url("/un.xml")}},
          {{"name", "csl"}, {"format", "csl-csv"}, {"url", server_.Url(csl_path)}}}}};
    return cli_.Write("sources.json", sources.dump(2)).string();
  }

  TestHttpServer server_;
  CliSandbox cli_;
};

TEST_F(ListsUpdateCliTest, ImportsEverySourceThenReportsThemUnchanged) {
  auto sources = WriteSources("/csl.csv");
  auto r = cli_.Run("lists update --sources '" + sources + "' --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto report = nlohmann::json::parse(r.out);
  ASSERT_EQ(report["sources"].size(), 2u);
  EXPECT_EQ(report["sources"][0]["outcome"], "imported");
  EXPECT_EQ(report["sources"][0]["version"]["entry_count"], 1003);
  EXPECT_EQ(report["sources"][1]["outcome"], "imported");
  EXPECT_NE(r.err.find("2 imported, 0 unchanged, 0 failed"), std::string::npos) << r.err;

  r = cli_.Run("lists update --sources '" + sources + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("0 imported, 2 unchanged, 0 failed"), std::string::npos) << r.err;
  auto status = nlohmann::json::parse(cli_.Run("lists status --json").out);
  EXPECT_EQ(status["versions"].size(), 2u);
}

TEST_F(ListsUpdateCliTest, AFailedSourceIsReportedWithItsUrlAndTheOthersStillImport) {
  auto sources = WriteSources("/missing.csv");
  auto r = cli_.Run("lists update --sources '" + sources + "'");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("/missing.csv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("404"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 imported, 0 unchanged, 1 failed"), std::string::npos) << r.err;
}

TEST_F(ListsUpdateCliTest, NewVersionsRescreenTheOpenApplications) {
  for (const char* setup : {"orgs add microsoft --name 'Microsoft Corporation' --by setup",
                            "users add msft-exports --role applicant --org microsoft --by setup",
                            "users add officer --role reviewer --by setup"}) {
    ASSERT_EQ(cli_.Run(setup).exit_code, 0) << setup;
  }
  auto form = cli_.Write("form.json", R"json({
    "applicant": {"name": "Microsoft Corporation", "country": "US"},
    "contact": {"name": "Export Desk", "email": "exports@example.com"},
    "ultimate_consignee": {"name": "Huawei Technologies Co., Ltd.", "country": "CN"},
    "end_use": "Operating systems installed on laptops sold to the public",
    "destination": "CN",
    "items": [{"eccn": "5D992.c", "description": "Windows licenses", "quantity": 10,
               "unit_price_cents": 9950, "value_usd": 995}]})json");
  auto r =
      cli_.Run("applications submit '" + form.string() + "' --as msft-exports --date 2019-06-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;

  r = cli_.Run("lists update --sources '" + WriteSources("/csl.csv") +
               "' --as-of 2019-06-05 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("re-screened open applications: 1 new match(es) recorded"),
            std::string::npos)
      << r.err;
  EXPECT_NO_THROW(nlohmann::json::parse(r.out)) << "stdout stays the JSON report";
  auto shown = nlohmann::json::parse(cli_.Run("applications show D000001 --as officer --json").out);
  ASSERT_EQ(shown["screening"].size(), 1u) << shown["screening"].dump(2);
  EXPECT_EQ(shown["screening"][0]["list"], "EL");
  EXPECT_EQ(shown["screening"][0]["reason"], "lists update as of 2019-06-05");
}

TEST_F(ListsUpdateCliTest, ABrokenSourcesFileIsRefusedBeforeAnythingIsDownloaded) {
  auto sources = cli_.Write(
      "sources.json",
      R"({"sources": [{"name": "un", "format": "un-xmll", "url": "http://127.0.0.1:1/x"}]})");
  auto r = cli_.Run("lists update --sources '" + sources.string() + "'");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("un-xmll"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("sources.json"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace tollgate::testing
