// The screening acceptance from issue 2, through the real CLI on a real database with
// the shipped extract loaded.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.h"

namespace tollgate::testing {
namespace {

class ScreenCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = cli_.Run("lists import '" + ShippedList("huawei_entity_list_2019.csv") +
                      "' --as-of 2019-05-16");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  nlohmann::json ScreenJson(const std::string& name, const std::string& extra = "") {
    auto r = cli_.Run("screen '" + name + "' --json " + extra);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out)["matches"];
  }

  CliSandbox cli_;
};

TEST_F(ScreenCliTest, HuaweiIsOnTheEntityListFromMay2019WithItsRequirementAndPolicy) {
  auto matches = ScreenJson("Huawei Technologies Company", "--as-of 2019-06-01");
  ASSERT_FALSE(matches.empty());
  const auto& best = matches[0];
  EXPECT_EQ(best["list"], "EL");
  EXPECT_EQ(best["name"], "Huawei Technologies Co., Ltd. (Huawei)");
  EXPECT_EQ(best["license_requirement"],
            "For all items subject to the EAR. (See §744.11 of the EAR)");
  EXPECT_EQ(best["license_policy"], "Presumption of denial.");
  EXPECT_EQ(best["federal_register"], nlohmann::json::array({"84 FR 22961"}));
  EXPECT_EQ(best["start_date"], "2019-05-16");
  EXPECT_GE(best["score"].get<double>(), 0.85);
  EXPECT_LE(best["score"].get<double>(), 1.0);
  for (const char* key : {"entry_id", "matched_name", "explanation"}) {
    EXPECT_TRUE(best.contains(key)) << key;
  }
  EXPECT_FALSE(best["explanation"].get<std::string>().empty());
}

// Before 2019-05-16 no list is in force at all: nothing was screened, which the
// answer says (exit 10, a warning) instead of a plain "no match" (issue 13, item 4).
TEST_F(ScreenCliTest, BeforeAnyListIsInForceNothingIsScreenedAndTheAnswerSaysSo) {
  auto r = cli_.Run("screen 'Huawei Technologies Company' --json --as-of 2019-05-01");
  EXPECT_EQ(r.exit_code, 10) << r.err;
  auto answer = nlohmann::json::parse(r.out);
  EXPECT_TRUE(answer["matches"].empty());
  EXPECT_EQ(answer["lists_in_force"], 0);
  EXPECT_TRUE(answer["lists_searched"].empty());
  ASSERT_EQ(answer["warnings"].size(), 1u) << r.out;
  EXPECT_EQ(answer["warnings"][0]["code"], "no_list_in_force");
  EXPECT_NE(r.err.find("no list version is in force on 2019-05-01"), std::string::npos) << r.err;

  r = cli_.Run("screen 'Huawei Technologies Company' --as-of 2019-05-01");
  EXPECT_EQ(r.exit_code, 10) << r.err;
  EXPECT_NE(r.out.find("nothing screened"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("no match"), std::string::npos) << r.out;

  // A name without a match on a day with a list in force is the ordinary exit 0, and
  // the answer names the version searched and its size.
  r = cli_.Run("screen 'International Trading Co.' --as-of 2019-06-01");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("lists searched: csl version 1 of 2019-05-16 (2 entries)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("no match"), std::string::npos) << r.out;
  auto json = ScreenJson("International Trading Co.", "--as-of 2019-06-01");
  EXPECT_TRUE(json.empty());
  r = cli_.Run("screen 'Huawei' --json --as-of 2019-06-01");
  answer = nlohmann::json::parse(r.out);
  ASSERT_EQ(answer["lists_searched"].size(), 1u);
  EXPECT_EQ(answer["lists_searched"][0]["feed"], "csl");
  EXPECT_EQ(answer["lists_searched"][0]["entries"], 2);
  EXPECT_EQ(answer["lists_searched"][0]["as_of"], "2019-05-16");
  EXPECT_TRUE(answer["warnings"].empty());
}

TEST_F(ScreenCliTest, ABatchBeforeAnyListIsInForceHasARowPerNameAndExits10) {
  auto in = cli_.Write("in.csv", "id,name\nc1,Huawei Technologies Company\nc2,Contoso\n");
  auto out = cli_.dir() / "out.csv";
  auto r = cli_.Run("screen --batch '" + in.string() + "' --out '" + out.string() +
                    "' --as-of 2019-05-01");
  EXPECT_EQ(r.exit_code, 10) << r.err;
  EXPECT_NE(r.err.find("no list version is in force on 2019-05-01"), std::string::npos) << r.err;
  std::ifstream file(out);
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_EQ(text.str(),
            "id,query,score,list,entry_id,name,matched_name,outcome,lists_searched\n"
            "c1,Huawei Technologies Company,,,,,,no_list_in_force,none\n"
            "c2,Contoso,,,,,,no_list_in_force,none\n");
}

TEST_F(ScreenCliTest, AbbreviatedAndSplitSpellingsFindHuawei) {
  for (const char* name : {"HUAWEI TECH CO LTD", "Hua Wei Technologies"}) {
    auto matches = ScreenJson(name, "--as-of 2019-06-01");
    ASSERT_FALSE(matches.empty()) << name;
    EXPECT_EQ(matches[0]["entry_id"], "TG-EL-2019-0001") << name;
  }
}

TEST_F(ScreenCliTest, ANameThatSharesOnlyCommonWordsFindsNothing) {
  EXPECT_TRUE(ScreenJson("International Trading Co.", "--as-of 2019-06-01").empty());
}

TEST_F(ScreenCliTest, BadFlagsAreRefusedWithExitCode2AndTheReason) {
  auto r = cli_.Run("screen Huawei --as-of 2019-02-30");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("2019-02-30"), std::string::npos) << r.err;
  r = cli_.Run("screen Huawei --country XX");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("XX"), std::string::npos) << r.err;
  r = cli_.Run("screen Huawei --threshold 1.5");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(ScreenCliTest, BatchWritesOneRowPerMatchAboveTheThreshold) {
  auto in = cli_.Write("in.csv",
                       "id,name,country\n"
                       "c1,Huawei Technologies Company,CN\n"
                       "c2,International Trading Co.,US\n"
                       "c3,\"Guian New District Huawei Investment Co., Ltd.\",CN\n");
  auto out = cli_.dir() / "out.csv";
  auto r = cli_.Run("screen --batch '" + in.string() + "' --out '" + out.string() +
                    "' --threads 2 --as-of 2019-06-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream file(out);
  std::string header, line;
  std::getline(file, header);
  EXPECT_EQ(header, "id,query,score,list,entry_id,name,matched_name,outcome,lists_searched");
  std::vector<std::string> rows;
  while (std::getline(file, line)) rows.push_back(line);
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[0].rfind("c1,Huawei Technologies Company,", 0), 0u) << rows[0];
  bool saw_guian = false;
  for (const auto& row : rows) {
    if (row.rfind("c2,", 0) == 0) {
      EXPECT_EQ(row,
                "c2,International Trading Co.,,,,,,no_match,csl version 1 of 2019-05-16 "
                "(2 entries)")
          << "the clean name has its own row, naming what was searched";
    } else {
      EXPECT_NE(row.find(",match,csl version 1 of 2019-05-16 (2 entries)"), std::string::npos)
          << row;
    }
    saw_guian =
        saw_guian || (row.rfind("c3,", 0) == 0 && row.find("TG-EL-2019-0002") != std::string::npos);
  }
  EXPECT_EQ(std::count_if(rows.begin(), rows.end(),
                          [](const std::string& row) { return row.rfind("c2,", 0) == 0; }),
            1);
  EXPECT_TRUE(saw_guian);
  EXPECT_NE(r.err.find("names/s"), std::string::npos) << "the rate is reported: " << r.err;
}

TEST_F(ScreenCliTest, BatchInputWithoutANameColumnIsRefused) {
  auto in = cli_.Write("bad.csv", "id,company\n1,Huawei\n");
  auto r = cli_.Run("screen --batch '" + in.string() + "' --out '" +
                    (cli_.dir() / "o.csv").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("name"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(cli_.dir() / "o.csv"));
}

}  // namespace
}  // namespace tollgate::testing
