// `tollgate eccn show|search` through the real binary: what a user finding an ECCN sees,
// as text and as JSON, and the exit code for an ECCN the catalog does not hold.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "test_paths.h"

namespace tollgate {
namespace {

using testing::CliResult;
using testing::CliSandbox;

class EccnCliTest : public ::testing::Test {
 protected:
  CliResult Eccn(const std::string& args) const {
    return sandbox_.Run("eccn " + args + " --rules '" + std::string(TOLLGATE_SOURCE_DIR) +
                        "/data/rules'");
  }
  CliSandbox sandbox_;
};

TEST_F(EccnCliTest, ShowGivesHeadingControlsAndCitation) {
  CliResult r = Eccn("show 3a001 --date 2026-10-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("3A001  ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("NS2  National security"), std::string::npos) << r.out;
  // The entry's own controls, paragraph-limited and special ones too, and its exceptions
  // (15 CFR 774 Supp. 1, ECCN 3A001: NS Column 1 only for b.2 and b.3; LVS partial).
  EXPECT_NE(r.out.find("NS  only .b.2 .b.3: NS1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"To or within any destination worldwide."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("list-based license exceptions: LVS partial"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("source: 15 CFR 774 Supp. 1, ECCN 3A001"), std::string::npos) << r.out;

  r = Eccn("show 5D992.c --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["eccn"], "5D992.c");
  EXPECT_EQ(json["entry"], "5D992");
  EXPECT_FALSE(json["heading"].get<std::string>().empty());
  EXPECT_FALSE(json["controls"].empty());
  EXPECT_FALSE(json["citation"].get<std::string>().empty());
}

TEST_F(EccnCliTest, AnEccnTheCatalogDoesNotHoldExitsTwoAsCheckDoes) {
  CliResult r = Eccn("show 9E999");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("9E999"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  r = Eccn("show 9Q9");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("malformed"), std::string::npos) << r.err;
}

TEST_F(EccnCliTest, SearchRanksAndExplainsAndTheJsonFeedsShow) {
  CliResult r = Eccn("search 'information security' --json --limit 3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto json = nlohmann::json::parse(r.out);
  ASSERT_FALSE(json["eccns"].empty()) << r.out;
  EXPECT_LE(json["eccns"].size(), 3u);
  EXPECT_DOUBLE_EQ(json["eccns"][0]["score"].get<double>(), 1.0);
  EXPECT_NE(json["eccns"][0]["why"].get<std::string>().find("phrase"), std::string::npos);
  // Every hit is an ECCN that show (and so check) accepts.
  for (const auto& hit : json["eccns"]) {
    EXPECT_EQ(Eccn("show " + hit["eccn"].get<std::string>()).exit_code, 0) << hit.dump();
  }
  r = Eccn("search 5d99");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("5D99", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("(ECCN prefix '5D99')"), std::string::npos) << r.out;
  r = Eccn("search zzqxw");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "no ECCN matches 'zzqxw'\n");
}

}  // namespace
}  // namespace tollgate
