#include "tollgate/rules/eccn_search.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "test_paths.h"
#include "tollgate/rules/rule_set.h"

namespace tollgate::rules {
namespace {

// The shipped catalog, whatever it holds: the assertions stay true as it grows to the
// whole Commerce Control List.
class EccnSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = LoadRules(std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data" / "rules");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    rules_ = new RuleSet(std::move(loaded).value());
  }
  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
  }
  static const Catalog& catalog() { return rules_->catalog; }
  static Date On() { return *Date::Parse("2026-10-01"); }
  static RuleSet* rules_;
};
RuleSet* EccnSearchTest::rules_ = nullptr;

TEST_F(EccnSearchTest, AnEccnOrItsStartFindsEveryEntryWithThatPrefixFirst) {
  auto hits = SearchEccns(catalog(), "3a001", On(), 10);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entry->eccn, "3A001");
  EXPECT_EQ(hits[0].tier, 1);

  std::size_t expected = 0;
  std::set<std::string> distinct;
  for (const auto& e : catalog().entries()) {
    if (e.eccn.rfind("5D99", 0) == 0 && distinct.insert(e.eccn).second) ++expected;
  }
  hits = SearchEccns(catalog(), " 5d99 ", On(), 1000);
  ASSERT_EQ(hits.size(), expected);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    EXPECT_EQ(hits[i].entry->eccn.rfind("5D99", 0), 0u) << hits[i].entry->eccn;
    if (i > 0) {
      EXPECT_LT(hits[i - 1].entry->eccn, hits[i].entry->eccn);
    }
  }
  // A paragraph given: its entry.
  hits = SearchEccns(catalog(), "5D992.c", On(), 5);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entry->eccn, "5D992");
}

TEST_F(EccnSearchTest, WordsRankByTheShareOfTheQueryFoundAndExplainIt) {
  auto hits = SearchEccns(catalog(), "information security", On(), 1000);
  ASSERT_FALSE(hits.empty());
  bool has_5a002 = false;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    has_5a002 = has_5a002 || hits[i].entry->eccn == "5A002";
    EXPECT_GT(hits[i].score, 0);
    EXPECT_NE(hits[i].why.find("words"), std::string::npos) << hits[i].why;
    if (i == 0) continue;
    // Ordered by tier, then by score within a tier.
    EXPECT_LE(hits[i - 1].tier, hits[i].tier);
    if (hits[i - 1].tier == hits[i].tier) {
      EXPECT_GE(hits[i - 1].score, hits[i].score);
    }
  }
  EXPECT_TRUE(has_5a002);
  // Both words in a row in 5A002's heading: a phrase hit, ahead of one-word hits.
  EXPECT_EQ(hits[0].tier, 2);
  EXPECT_DOUBLE_EQ(hits[0].score, 1.0);
}

TEST_F(EccnSearchTest, AWordStartMatchesAndCommonWordsAloneFindNothing) {
  auto hits = SearchEccns(catalog(), "electr", On(), 1000);
  bool has_3a001 = false;
  for (const auto& h : hits) has_3a001 = has_3a001 || h.entry->eccn == "3A001";
  EXPECT_TRUE(has_3a001);
  EXPECT_TRUE(SearchEccns(catalog(), "of the and", On(), 10).empty());
  EXPECT_TRUE(SearchEccns(catalog(), "zzqxw", On(), 10).empty());
  EXPECT_TRUE(SearchEccns(catalog(), "", On(), 10).empty());
  EXPECT_EQ(SearchEccns(catalog(), "electronic", On(), 1).size(), 1u);
}

TEST_F(EccnSearchTest, ShowGivesTheEntryAsCheckClassifiesIt) {
  auto shown = ShowEccn(catalog(), "3a001", On());
  ASSERT_TRUE(shown.ok()) << shown.error().message;
  auto json = EccnJson(catalog(), *shown);
  EXPECT_EQ(json["eccn"], "3A001");
  EXPECT_FALSE(json["heading"].get<std::string>().empty());
  EXPECT_NE(json["citation"].get<std::string>().find("3A001"), std::string::npos);
  bool ns = false;
  for (const auto& c : json["controls"]) {
    // 15 CFR 774 Supp. 1, ECCN 3A001 (eCFR 2026-09-24): NS Column 2 for the entire entry.
    if (c["code"] == "NS2") ns = c["reason"] == "NS" && c["column"] == "NS2";
  }
  EXPECT_TRUE(ns) << json.dump();

  auto ear99 = ShowEccn(catalog(), "ear99", On());
  ASSERT_TRUE(ear99.ok()) << ear99.error().message;
  EXPECT_TRUE(EccnJson(catalog(), *ear99)["ear99"].get<bool>());

  auto unknown = ShowEccn(catalog(), "9E999", On());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  auto same = catalog().Classify("9E999", On());
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(unknown.error().message, same.error().message);
}

}  // namespace
}  // namespace tollgate::rules
