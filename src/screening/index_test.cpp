// Acceptance cases for screening (DOMAIN.md §7): what must match, what must not, and
// what an analyst is told.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "screening/test_entries.h"
#include "tollgate/screening/screening.h"

namespace tollgate::screening {
namespace {

using testing::MakeEntry;

Date D(const char* iso) { return Date::Parse(iso).value(); }

class ScreeningTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto entries = testing::PlausibleEntries();
    entries.push_back(MakeEntry("SDN", "karimov", "KARIMOV, Rustam Ilyich",
                                lists::EntryType::kIndividual, {}, "UZ"));
    entries.push_back(MakeEntry("SDN", "belletech", "BELLETECH CORP"));
    entries.push_back(MakeEntry("SDN", "rivera", "RIVERA-LUNA, Moises Humberto",
                                lists::EntryType::kIndividual, {"SANTOS"}));
    entries.push_back(MakeEntry("SDN", "rostec", "STATE CORPORATION ROSTEC"));
    index_ = new std::shared_ptr<const Index>(Index::Build(std::move(entries)));
  }
  static void TearDownTestSuite() { delete index_; }

  static std::vector<Match> Screen(std::string name, std::optional<Date> as_of = std::nullopt,
                                   double threshold = kDefaultThreshold) {
    Query query;
    query.name = std::move(name);
    query.as_of = as_of;
    query.threshold = threshold;
    return (*index_)->Screen(query);
  }

  static const Match* Find(const std::vector<Match>& matches, const std::string& id) {
    auto it = std::find_if(matches.begin(), matches.end(),
                           [&](const Match& m) { return m.entry->entry_id == id; });
    return it == matches.end() ? nullptr : &*it;
  }

  static std::shared_ptr<const Index>* index_;
};
std::shared_ptr<const Index>* ScreeningTest::index_ = nullptr;

TEST_F(ScreeningTest, LegalFormVariantsOfHuaweiMatch) {
  for (const char* query :
       {"Huawei Technologies Company", "HUAWEI TECH CO LTD", "Hua Wei Technologies",
        "huawei technologies co. ltd", "Huawei Technologies Corporation"}) {
    const auto matches = Screen(query);
    ASSERT_FALSE(matches.empty()) << query;
    EXPECT_EQ(matches.front().entry->entry_id, "el-huawei") << query;
    EXPECT_GE(matches.front().score, kDefaultThreshold) << query;
  }
}

TEST_F(ScreeningTest, TheListDateDecidesWhetherHuaweiIsListed) {
  EXPECT_EQ(Find(Screen("Huawei Technologies Co., Ltd.", D("2019-05-01")), "el-huawei"), nullptr);
  EXPECT_NE(Find(Screen("Huawei Technologies Co., Ltd.", D("2019-06-01")), "el-huawei"), nullptr);
  EXPECT_NE(Find(Screen("Huawei Technologies Co., Ltd.", D("2019-05-16")), "el-huawei"), nullptr);
}

TEST_F(ScreeningTest, EntriesPastTheirEndDateAreNotReturned) {
  // firm-0 ends on 2021-06-30 (every eleventh generated firm does).
  const auto entries = testing::PlausibleEntries();
  const auto& firm = *std::find_if(entries.begin(), entries.end(),
                                   [](const auto& e) { return e.entry_id == "firm-0"; });
  EXPECT_NE(Find(Screen(firm.name, D("2021-06-30")), "firm-0"), nullptr);
  EXPECT_EQ(Find(Screen(firm.name, D("2021-07-01")), "firm-0"), nullptr);
}

TEST_F(ScreeningTest, SharingOnlyLegalFormsAndCommonWordsIsNotAMatch) {
  EXPECT_TRUE(Screen("International Trading Co.").empty());
  EXPECT_TRUE(Screen("Technology Import Export Company Limited").empty());
  // Even asked for weak matches, such a name scores low.
  for (const auto& m : Screen("International Trading Co.", std::nullopt, 0.65)) {
    ADD_FAILURE() << "matched " << m.matched_name << " at " << m.score;
  }
}

TEST_F(ScreeningTest, NumbersMustAgree) {
  EXPECT_EQ(Find(Screen("BELLETECH CORP"), "num-1"), nullptr);
  EXPECT_EQ(Find(Screen("11420 CORP."), "belletech"), nullptr);
  EXPECT_NE(Find(Screen("11420 Corporation"), "num-1"), nullptr);
  EXPECT_EQ(Find(Screen("Unit 6 Holdings Ltd"), "num-2"), nullptr);
  EXPECT_NE(Find(Screen("Unit 5 Holdings Limited"), "num-2"), nullptr);
}

TEST_F(ScreeningTest, SurnameCommaGivenMatchesGivenSurname) {
  const auto matches = Screen("Rustam Ilyich Karimov");
  const Match* m = Find(matches, "karimov");
  ASSERT_NE(m, nullptr);
  EXPECT_DOUBLE_EQ(m->name_score, 1.0);
  EXPECT_NE(Find(Screen("Rustam Karimov"), "karimov"), nullptr);
}

TEST_F(ScreeningTest, CyrillicTransliterationScoresSensibly) {
  const auto matches = Screen("Хуавэй Текнолоджиз", std::nullopt, 0.5);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches.front().entry->entry_id, "el-huawei");
  EXPECT_GE(matches.front().score, 0.6);
  const auto alias = Screen("Хуавэй");
  const Match* m = Find(alias, "el-huawei");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->matched_alias);
  EXPECT_EQ(m->alignment.front().kind, "phonetic");
}

TEST_F(ScreeningTest, TyposAndJoinedTokensStillMatch) {
  EXPECT_NE(Find(Screen("Huawie Technologies Co Ltd"), "el-huawei"), nullptr);
  EXPECT_NE(Find(Screen("HUAWEITECHNOLOGIES"), "el-huawei"), nullptr);
}

TEST_F(ScreeningTest, WordsSplitAsWrittenStillMatch) {
  const auto matches = Screen("State Corporation Ros Tec");
  const Match* m = Find(matches, "rostec");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(std::any_of(m->alignment.begin(), m->alignment.end(), [](const auto& a) {
    return a.kind == "split" && a.query_token == "ros tec";
  })) << m->explanation;
  // A legal form written in two is the legal form again before any alignment.
  EXPECT_NE(Find(Screen("State Corpo Ration Rostec"), "rostec"), nullptr);
}

TEST_F(ScreeningTest, AnOrganisationDoesNotMatchAPersonByOneSharedWord) {
  // "SANTOS" is a one-word alias of an individual; a firm named Santos is not him.
  EXPECT_NE(Find(Screen("Santos"), "rivera"), nullptr);
  EXPECT_EQ(Find(Screen("Santos Trading GmbH"), "rivera"), nullptr);
  const auto weak = Screen("Santos Trading GmbH", std::nullopt, 0.5);
  const Match* m = Find(weak, "rivera");
  ASSERT_NE(m, nullptr);
  ASSERT_EQ(m->adjustments.size(), 1u);
  EXPECT_NE(m->adjustments[0].find("organisation"), std::string::npos);
}

TEST_F(ScreeningTest, MatchExplainsItsAlignmentAndAdjustments) {
  Query query;
  query.name = "HUAWEI TECH CO LTD";
  query.country = "CN";
  const auto matches = (*index_)->Screen(query);
  ASSERT_FALSE(matches.empty());
  const Match& m = matches.front();
  EXPECT_EQ(m.matched_name, "Huawei Technologies Co., Ltd.");
  EXPECT_FALSE(m.matched_alias);
  EXPECT_NEAR(m.score, std::min(1.0, m.name_score + 0.02), 1e-12);
  ASSERT_EQ(m.adjustments.size(), 1u);
  EXPECT_NE(m.adjustments[0].find("CN agrees"), std::string::npos);
  auto tech = std::find_if(m.alignment.begin(), m.alignment.end(),
                           [](const TokenAlignment& a) { return a.query_token == "tech"; });
  ASSERT_NE(tech, m.alignment.end());
  EXPECT_EQ(tech->entry_token, "technologies");
  EXPECT_EQ(tech->kind, "abbreviation");
  auto co = std::find_if(m.alignment.begin(), m.alignment.end(),
                         [](const TokenAlignment& a) { return a.query_token == "co"; });
  ASSERT_NE(co, m.alignment.end());
  EXPECT_LT(co->weight, 0.2);  // legal forms count little
  EXPECT_NE(m.explanation.find("tech~technologies (abbreviation"), std::string::npos)
      << m.explanation;
  EXPECT_NE(m.explanation.find("low weight"), std::string::npos) << m.explanation;
}

TEST_F(ScreeningTest, WithoutExplanationsTheSameMatchesCarryOnlyTheirScores) {
  for (const char* name : {"HUAWEI TECH CO LTD", "Hua Wei Technologies", "KARIMOV Rustam"}) {
    Query query;
    query.name = name;
    query.country = "CN";
    const auto explained = (*index_)->Screen(query);
    query.explain = false;
    const auto bare = (*index_)->Screen(query);
    ASSERT_FALSE(explained.empty()) << name;
    ASSERT_EQ(bare.size(), explained.size()) << name;
    for (std::size_t i = 0; i < bare.size(); ++i) {
      EXPECT_EQ(bare[i].entry->entry_id, explained[i].entry->entry_id) << name;
      EXPECT_EQ(bare[i].score, explained[i].score) << name;
      EXPECT_EQ(bare[i].name_score, explained[i].name_score) << name;
      EXPECT_EQ(bare[i].matched_name, explained[i].matched_name) << name;
      EXPECT_EQ(bare[i].matched_alias, explained[i].matched_alias) << name;
      EXPECT_FALSE(explained[i].explanation.empty()) << name;
      EXPECT_TRUE(bare[i].explanation.empty() && bare[i].alignment.empty() &&
                  bare[i].adjustments.empty())
          << name;
    }
  }
}

TEST_F(ScreeningTest, ConflictingCountryAndTypeLowerTheScore) {
  Query query;
  query.name = "Huawei Technologies Co Ltd";
  const double plain = (*index_)->Screen(query).front().score;
  query.country = "DE";
  query.type = lists::EntryType::kIndividual;
  query.threshold = 0.5;
  const auto matches = (*index_)->Screen(query);
  ASSERT_FALSE(matches.empty());
  EXPECT_NEAR(matches.front().score, plain - 0.03 - 0.08, 1e-12);
  EXPECT_EQ(matches.front().adjustments.size(), 2u);
}

TEST_F(ScreeningTest, AnAliasMatchSaysSo) {
  const auto matches = Screen("HUAWEI");
  const Match* m = Find(matches, "el-huawei");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->matched_alias);
  EXPECT_EQ(m->matched_name, "Huawei");
  EXPECT_DOUBLE_EQ(m->score, 1.0);
}

TEST_F(ScreeningTest, LimitAndEmptyQueries) {
  Query query;
  query.name = "Huawei";
  query.limit = 1;
  query.threshold = 0.3;
  EXPECT_EQ((*index_)->Screen(query).size(), 1u);
  query.name = "  ,, ";
  EXPECT_TRUE((*index_)->Screen(query).empty());
  EXPECT_GT((*index_)->Stats().names, 400u);
}

TEST_F(ScreeningTest, ConcurrentQueriesSeeTheSameResults) {
  const std::vector<std::string> names = {"Huawei Technologies Co Ltd", "Rustam Karimov",
                                          "HUAWEI TECH", "Hua Wei", "11420 Corporation"};
  std::vector<std::vector<std::string>> expected;
  for (const auto& name : names) {
    std::vector<std::string> ids;
    for (const auto& m : Screen(name)) ids.push_back(m.entry->entry_id + m.explanation);
    expected.push_back(ids);
  }
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        const std::size_t k = static_cast<std::size_t>(round + t) % names.size();
        std::vector<std::string> ids;
        for (const auto& m : Screen(names[k])) ids.push_back(m.entry->entry_id + m.explanation);
        if (ids != expected[k]) ++mismatches;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(ExplainTest, ScoresOneEntryWithoutThresholdOrDates) {
  const auto index = Index::Build(testing::PlausibleEntries());
  lists::ListEntry person = MakeEntry("X", "p", "Olaf Scholz", lists::EntryType::kIndividual);
  Query query;
  query.name = "Olaf Scholze";
  const Match typo = index->Explain(query, person);
  EXPECT_GE(typo.score, kDefaultThreshold);
  EXPECT_EQ(typo.matched_name, "Olaf Scholz");
  query.name = "Angela Merkel";
  EXPECT_LT(index->Explain(query, person).score, 0.3);
  // Dates do not matter to Explain: it answers "would this name match that entry?".
  Query huawei;
  huawei.name = "Huawei";
  huawei.as_of = Date::Parse("2000-01-01").value();
  EXPECT_DOUBLE_EQ(index->Explain(huawei, testing::HuaweiEntry()).score, 1.0);
}

TEST(IndexHolderTest, PublishesANewIndexToReaders) {
  IndexHolder holder;
  EXPECT_EQ(holder.Get(), nullptr);
  holder.Publish(Index::Build({testing::HuaweiEntry()}));
  Query query;
  query.name = "Huawei";
  EXPECT_EQ(holder.Get()->Screen(query).size(), 1u);
}

}  // namespace
}  // namespace tollgate::screening
