// Screening with secondary facts (issue 16, item 5) through the real CLI on a SQLite
// database holding the UN consolidated list: `screen --dob --nationality --id`, the
// batch columns date_of_birth, nationality and identifier, and a party's date of birth
// and identifiers when the party master is imported. The person: FLORIBERT NGABU NJABU
// (UN CDi.021), born 1971-05-23, passport OB 0243318.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.h"

namespace tollgate::testing {
namespace {

// One slip in the surname: the name alone alerts (about 0.96).
constexpr const char* kNearName = "Floribert Ngabu Njaba";

class ScreenFactsCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sandbox_ = new CliSandbox();
    auto r = sandbox_->Run("lists import '" + SharedList("un_consolidated_2026-02.xml") +
                           "' --as-of 2026-02-01");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete sandbox_; }

  static nlohmann::json Matches(const std::string& name, const std::string& extra) {
    auto r = sandbox_->Run("screen '" + name + "' --as-of 2026-03-01 --json " + extra);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, false)["matches"];
  }

  static const nlohmann::json* Find(const nlohmann::json& matches, const std::string& id) {
    for (const auto& m : matches) {
      if (m["entry_id"] == id) return &m;
    }
    return nullptr;
  }

  static std::string Read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  static CliSandbox* sandbox_;
};
CliSandbox* ScreenFactsCliTest::sandbox_ = nullptr;

TEST_F(ScreenFactsCliTest, AContradictingDateOfBirthSilencesANearNameAndAnAgreeingOneSaysSo) {
  ASSERT_NE(Find(Matches(kNearName, ""), "CDi.021"), nullptr);
  EXPECT_EQ(Find(Matches(kNearName, "--dob 1985"), "CDi.021"), nullptr);
  const auto agreeing = Matches(kNearName,
                                "--dob 1971-05-23 --nationality 'Congo, Democratic "
                                "Republic of the' --id passport:OB0243318");
  const auto* match = Find(agreeing, "CDi.021");
  ASSERT_NE(match, nullptr);
  const std::string explanation = (*match)["explanation"];
  EXPECT_NE(explanation.find("date of birth 1971-05-23 agrees with the entry's 1971-05-23: +0.06"),
            std::string::npos)
      << explanation;
  EXPECT_NE(explanation.find("nationality CD agrees"), std::string::npos) << explanation;
  EXPECT_NE(explanation.find("passport OB0243318 agrees with the entry's Passport"),
            std::string::npos)
      << explanation;
  EXPECT_EQ((*match)["adjustments"].size(), 3u);
}

TEST_F(ScreenFactsCliTest, TheExactNameStaysWhateverTheFacts) {
  const auto matches = Matches("FLORIBERT NGABU NJABU", "--dob 1985 --id passport:X1");
  const auto* match = Find(matches, "CDi.021");
  ASSERT_NE(match, nullptr);
  EXPECT_DOUBLE_EQ((*match)["score"].get<double>(), 1.0);
}

TEST_F(ScreenFactsCliTest, BadFactsAreRefusedNamingThem) {
  auto r = sandbox_->Run("screen 'Floribert Ngabu' --dob 71-05-23");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("date of birth '71-05-23'"), std::string::npos) << r.err;
  r = sandbox_->Run("screen 'Floribert Ngabu' --nationality Atlantis");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nationality 'Atlantis'"), std::string::npos) << r.err;
  r = sandbox_->Run("screen 'Floribert Ngabu' --id 'passport: -'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("identifier 'passport: -'"), std::string::npos) << r.err;
}

TEST_F(ScreenFactsCliTest, BatchColumnsCarryTheFactsAndABadOneNamesItsLine) {
  auto in = sandbox_->Write("facts.csv",
                            "id,name,date_of_birth,nationality,identifier\n"
                            "1,Floribert Ngabu Njaba,1985,,\n"
                            "2,Floribert Ngabu Njaba,1971,CD,\n"
                            "3,Floribart Ngabo,,,passport:OB 0243318;imo:1\n"
                            "4,Floribart Ngabo,,,\n");
  const auto out = sandbox_->dir() / "facts_out.csv";
  auto r = sandbox_->Run("screen --batch '" + in.string() + "' --out '" + out.string() +
                         "' --as-of 2026-03-01 --threads 1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = Read(out);
  EXPECT_NE(text.find("1,Floribert Ngabu Njaba,,,,,,no_match"), std::string::npos) << text;
  EXPECT_NE(text.find("2,Floribert Ngabu Njaba,"), std::string::npos);
  EXPECT_NE(text.find(",UN,CDi.021,"), std::string::npos) << text;
  EXPECT_NE(text.find("3,Floribart Ngabo,0."), std::string::npos) << text;
  EXPECT_NE(text.find("4,Floribart Ngabo,,,,,,no_match"), std::string::npos) << text;

  auto bad = sandbox_->Write("bad.csv",
                             "name,date_of_birth\n"
                             "Floribert Ngabu Njaba,1971\n"
                             "Floribert Ngabu Njaba,05/23/1971\n");
  r = sandbox_->Run("screen --batch '" + bad.string() + "' --out '" +
                    (sandbox_->dir() / "bad_out.csv").string() + "' --as-of 2026-03-01");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(":3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("date_of_birth"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(sandbox_->dir() / "bad_out.csv"));
}

TEST_F(ScreenFactsCliTest, APartysDateOfBirthAndIdentifiersGoWithItsScreening) {
  ASSERT_EQ(sandbox_->Run("orgs add acme --name 'Acme Corporation' --by setup").exit_code, 0);
  auto file = sandbox_->Write("parties.csv",
                              "external_id,name,country,type,date_of_birth,identifiers\n"
                              "P-1,Floribert Ngabu Njaba,CD,individual,1985,\n"
                              "P-2,Floribert Ngabu Njaba,CD,individual,1971,\n"
                              "P-3,Floribart Ngabo,CD,individual,,passport:OB0243318\n");
  auto r = sandbox_->Run("parties import '" + file.string() + "' --org acme --as-of 2026-03-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 added, 0 changed, 0 unchanged; 2 with a match"), std::string::npos)
      << r.out;
  auto hits = [&](const std::string& id) {
    auto shown = sandbox_->Run("parties show " + id + " --org acme --json");
    EXPECT_EQ(shown.exit_code, 0) << shown.err;
    return nlohmann::json::parse(shown.out, nullptr, false)["screening"]["hits"].get<int>();
  };
  EXPECT_EQ(hits("P-1"), 0);
  EXPECT_GE(hits("P-2"), 1);
  EXPECT_GE(hits("P-3"), 1);
}

}  // namespace
}  // namespace tollgate::testing
