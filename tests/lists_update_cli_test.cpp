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
