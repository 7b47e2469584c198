#include "tollgate/rules/rule_set.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace tollgate::rules {
namespace {

namespace fs = std::filesystem;

const fs::path kRulesDir = fs::path(TOLLGATE_SOURCE_DIR) / "data" / "rules";

Date D(const char* iso) { return *Date::Parse(iso); }

// A copy of the shipped rules in a temp directory, with one file edited by `edit`.
class EditedRules {
 public:
  EditedRules(const std::string& file, const std::function<void(nlohmann::json&)>& edit) {
    dir_ = fs::temp_directory_path() /
           ("tollgate_rules_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const char* name : kRuleFiles) fs::copy_file(kRulesDir / name, dir_ / name);
    std::ifstream in(dir_ / file);
    nlohmann::json json = nlohmann::json::parse(in);
    in.close();
    edit(json);
    std::ofstream(dir_ / file) << json.dump(2);
  }
  ~EditedRules() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

// Loads rules with one edit and returns the error message ("" when it loaded).
std::string LoadError(const std::string& file, const std::function<void(nlohmann::json&)>& edit) {
  EditedRules rules(file, edit);
  auto loaded = LoadRules(rules.dir());
  if (loaded.ok()) return "";
  EXPECT_EQ(loaded.error().code, ErrorCode::kParseError) << loaded.error().message;
  return loaded.error().message;
}

TEST(RuleSetTest, ShippedRulesLoad) {
  auto rules = LoadRules(kRulesDir);
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  EXPECT_NE(rules->countries.Find("CN"), nullptr);
  EXPECT_NE(rules->FindActivity("existing_handset_support"), nullptr);
  ASSERT_EQ(rules->general_licenses.size(), 1u);
  EXPECT_EQ(rules->list_rules.screening().block_threshold, 0.95);
}

TEST(RuleSetTest, TglWindowsFollowEachExtension) {
  auto rules = LoadRules(kRulesDir);
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  const GeneralLicense& tgl = rules->general_licenses[0];
  auto window_id = [&](const char* date) -> std::string {
    const Window* w = tgl.WindowOn(D(date));
    return w == nullptr ? "none" : w->id;
  };
  EXPECT_EQ(window_id("2019-05-19"), "none");  // listed on 05-16, TGL from 05-20
  EXPECT_EQ(window_id("2019-05-20"), "initial");
  EXPECT_EQ(window_id("2019-08-19"), "extension_1");
  EXPECT_EQ(window_id("2019-11-18"), "extension_2");  // 84 FR 64018 effective 11-18
  EXPECT_EQ(window_id("2020-02-16"), "extension_3");
  EXPECT_EQ(window_id("2020-03-10"), "extension_4");
  EXPECT_EQ(window_id("2020-08-13"), "extension_5");
  EXPECT_EQ(window_id("2020-08-14"), "none");
  // Every day from 05-20 to 08-13-2020 is covered: extensions leave no gap.
  for (Date d = D("2019-05-20"); d <= D("2020-08-13"); d = d.AddDays(1)) {
    ASSERT_NE(tgl.WindowOn(d), nullptr) << d.ToString();
  }
}

TEST(RuleSetTest, FiveGStandardsActivityEndsWithTheAugust2019Rule) {
  auto rules = LoadRules(kRulesDir);
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  const GeneralLicense& tgl = rules->general_licenses[0];
  const ActivityWindow* before = tgl.ActivityOn("5g_standards_engagement", D("2019-06-01"));
  ASSERT_NE(before, nullptr);
  EXPECT_TRUE(before->source.check);
  EXPECT_EQ(tgl.ActivityOn("5g_standards_engagement", D("2019-09-01")), nullptr);
  const ActivityWindow* pced = tgl.ActivityOn("existing_handset_support", D("2019-11-19"));
  ASSERT_NE(pced, nullptr);
  EXPECT_NE(pced->scope.find("personal consumer electronic devices"), std::string::npos);
}

TEST(RuleSetTest, UnknownFieldIsRefusedWithFileAndPath) {
  std::string error = LoadError("catalog.json", [](nlohmann::json& j) {
    j["paragraphs"][1]["reasonz"] = nlohmann::json::array();
  });
  EXPECT_NE(error.find("catalog.json: /paragraphs/1/reasonz: unknown field \"reasonz\""),
            std::string::npos)
      << error;
  // The generated files are held to the same rules.
  error = LoadError("ccl.json", [](nlohmann::json& j) {
    j["eccns"][2]["controls"][0]["columnz"] = nlohmann::json::array();
  });
  EXPECT_NE(error.find("ccl.json: /eccns/2/controls/0/columnz: unknown field \"columnz\""),
            std::string::npos)
      << error;
  error = LoadError("country_chart.json",
                    [](nlohmann::json& j) { j["countries"][4]["groups"][0] = "Q:9"; });
  EXPECT_NE(error.find("country_chart.json: /countries/4/groups: unknown country group Q:9"),
            std::string::npos)
      << error;
}

TEST(RuleSetTest, MissingCitationIsRefused) {
  std::string error = LoadError(
      "countries.json", [](nlohmann::json& j) { j["countries"][0]["chart"][0].erase("citation"); });
  EXPECT_NE(error.find("countries.json: /countries/0/chart/0/citation: missing citation"),
            std::string::npos)
      << error;
  error = LoadError("general_licenses.json", [](nlohmann::json& j) {
    j["general_licenses"][0]["windows"][2]["citation"] = "";
  });
  EXPECT_NE(error.find("/general_licenses/0/windows/2/citation: must not be empty"),
            std::string::npos)
      << error;
}

TEST(RuleSetTest, CheckWithoutNoteIsRefused) {
  std::string error =
      LoadError("catalog.json", [](nlohmann::json& j) { j["eccns"][0]["check"] = true; });
  EXPECT_NE(error.find("/eccns/0/note: a fact marked \"check\" needs a note"), std::string::npos)
      << error;
}

TEST(RuleSetTest, OverlappingWindowsWithoutSupersedesAreRefused) {
  std::string error = LoadError("general_licenses.json", [](nlohmann::json& j) {
    j["general_licenses"][0]["windows"][2].erase("supersedes");
  });
  EXPECT_NE(error.find("general_licenses.json: /general_licenses/0/windows/2: overlapping "
                       "windows: \"extension_2\" 2019-11-18..2020-02-16 overlaps \"extension_1\""),
            std::string::npos)
      << error;
}

TEST(RuleSetTest, OverlappingFactsOfTheSameKeyAreRefused) {
  std::string error = LoadError("catalog.json", [](nlohmann::json& j) {
    nlohmann::json copy = j["eccns"][0];
    copy["effective"] = {{"from", "2020-01-01"}};
    j["eccns"].push_back(copy);
  });
  EXPECT_NE(error.find("overlapping windows: ECCN 'EAR99' 2020-01-01.. overlaps /eccns/0"),
            std::string::npos)
      << error;
  error = LoadError("general_licenses.json", [](nlohmann::json& j) {
    j["general_licenses"][0]["activities"][1]["to"] = "2019-08-19";
  });
  EXPECT_NE(error.find("/general_licenses/0/activities/2: overlapping windows: activity "
                       "'existing_handset_support'"),
            std::string::npos)
      << error;
}

TEST(RuleSetTest, ReferencesMustResolve) {
  EXPECT_NE(LoadError("catalog.json",
                      [](nlohmann::json& j) { j["paragraphs"][1]["controls"][0] = "NX1"; })
                .find("/paragraphs/1/controls/0: unknown control \"NX1\""),
            std::string::npos);
  EXPECT_NE(LoadError("general_licenses.json",
                      [](nlohmann::json& j) {
                        j["general_licenses"][0]["activities"][0]["activity"] = "teleport";
                      })
                .find("/general_licenses/0/activities/0/activity: unknown activity \"teleport\""),
            std::string::npos);
  EXPECT_NE(LoadError("license_exceptions.json",
                      [](nlohmann::json& j) { j["license_exceptions"][0]["eccns"][0] = "9Z999"; })
                .find("/license_exceptions/0/eccns/0: unknown ECCN \"9Z999\""),
            std::string::npos);
  EXPECT_NE(LoadError("countries.json",
                      [](nlohmann::json& j) { j["countries"][0]["chart"][0]["marked"][0] = "XX9"; })
                .find("/countries/0/chart/0/marked/0: unknown chart column \"XX9\""),
            std::string::npos);
}

TEST(RuleSetTest, ImpossibleOrReversedDatesAreRefused) {
  EXPECT_NE(LoadError("general_licenses.json",
                      [](nlohmann::json& j) {
                        j["general_licenses"][0]["windows"][0]["to"] = "2019-02-30";
                      })
                .find("/general_licenses/0/windows/0/to: invalid date '2019-02-30'"),
            std::string::npos);
  EXPECT_NE(LoadError("countries.json",
                      [](nlohmann::json& j) {
                        j["countries"][0]["chart"][0]["effective"] = {{"from", "2020-01-01"},
                                                                      {"to", "2019-01-01"}};
                      })
                .find("/countries/0/chart/0/effective/to: ends (2019-01-01) before it starts"),
            std::string::npos);
}

TEST(RuleSetTest, UnknownListMeaningAndLooseOtherListsAreRefused) {
  EXPECT_NE(LoadError("list_rules.json", [](nlohmann::json& j) { j["lists"][0]["meaning"] = "ok"; })
                .find("/lists/0/meaning: unknown meaning \"ok\""),
            std::string::npos);
  EXPECT_NE(LoadError("list_rules.json",
                      [](nlohmann::json& j) { j["other_lists"]["meaning"] = "prohibited"; })
                .find("/other_lists/meaning: lists without their own rule must mean \"review\""),
            std::string::npos);
}

TEST(RuleSetTest, MalformedJsonNamesTheLine) {
  EditedRules rules("activities.json", [](nlohmann::json&) {});
  std::ofstream(rules.dir() / "activities.json") << "{\n  \"activities\": [\n    {,}\n  ]\n}\n";
  auto loaded = LoadRules(rules.dir());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("activities.json:3: invalid JSON"), std::string::npos)
      << loaded.error().message;
}

TEST(RuleSetTest, MissingFileIsAnIoError) {
  EditedRules rules("activities.json", [](nlohmann::json&) {});
  fs::remove(rules.dir() / "list_rules.json");
  auto loaded = LoadRules(rules.dir());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::kIoError);
  EXPECT_NE(loaded.error().message.find("list_rules.json: rules file not found"),
            std::string::npos);
}

}  // namespace
}  // namespace tollgate::rules
