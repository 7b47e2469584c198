// The store-backed Engine: it screens against the list versions in force on each date
// and builds one index per set of versions, however many dates or transactions use it.
#include "tollgate/rules/engine.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "test_paths.h"
#include "tollgate/lists/import.h"
#include "tollgate/lists/in_force_index.h"

namespace tollgate::rules {
namespace {

namespace fs = std::filesystem;

Date D(const char* iso) { return *Date::Parse(iso); }

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("tollgate-engine-" + std::to_string(rd()));
    fs::create_directories(dir_);
    auto store = storage::OpenStore((dir_ / "t.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    auto rules = LoadRules(fs::path(TOLLGATE_SOURCE_DIR) / "data" / "rules");
    ASSERT_TRUE(rules.ok()) << rules.error().message;
    rules_ = std::make_shared<const RuleSet>(std::move(rules).value());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  void Import(const fs::path& file, const char* as_of) {
    lists::ImportOptions options;
    options.as_of = D(as_of);
    auto imported = lists::ImportListFile(*store_, file, options);
    ASSERT_TRUE(imported.ok()) << imported.error().message;
  }
  static Transaction Huawei(const char* date) {
    Transaction tx;
    tx.items = {{"5D992.c", std::nullopt, std::nullopt}};
    tx.destination = "CN";
    tx.parties = {{PartyRole::kUltimateConsignee, "Huawei Technologies Co., Ltd.", ""}};
    tx.date = D(date);
    return tx;
  }

  // The answer as JSON, for comparing an engine on shared indexes with one on its own.
  static std::string Answer(Engine& engine, const char* date) {
    auto d = engine.Determine(Huawei(date));
    EXPECT_TRUE(d.ok()) << d.error().message;
    return d.ok() ? ToJson(*d).dump() : "";
  }
  // Three version sets: ISN only; ISN and the Huawei extract; those and the DPL.
  void ImportThreeVersionSets() {
    Import(fs::path(TOLLGATE_SHARED_DATA) / "lists" / "state_isn_2019.csv", "2019-01-01");
    Import(fs::path(TOLLGATE_SOURCE_DIR) / "data" / "lists" / "huawei_entity_list_2019.csv",
           "2019-05-16");
    Import(fs::path(TOLLGATE_SHARED_DATA) / "lists" / "bis_dpl_2022-09.txt", "2022-09-01");
  }

  fs::path dir_;
  std::unique_ptr<storage::Store> store_;
  std::shared_ptr<const RuleSet> rules_;
};

TEST_F(EngineTest, OneIndexPerVersionSetAndEntryDatesAppliedPerTransaction) {
  Import(fs::path(TOLLGATE_SHARED_DATA) / "lists" / "state_isn_2019.csv", "2019-01-01");
  Import(fs::path(TOLLGATE_SOURCE_DIR) / "data" / "lists" / "huawei_entity_list_2019.csv",
         "2019-05-16");
  Engine engine(rules_, *store_);
  // Before the extract's version: ISN only. From 2019-05-16: ISN + the extract.
  EXPECT_EQ(engine.Determine(Huawei("2019-05-15"))->decision, Decision::kNoLicenseRequired);
  EXPECT_EQ(engine.Determine(Huawei("2019-05-17"))->decision, Decision::kLicenseRequired);
  for (int day = 0; day < 30; ++day) {
    Transaction tx = Huawei("2019-06-01");
    tx.date = tx.date.AddDays(day);
    ASSERT_EQ(engine.Determine(tx)->decision, Decision::kLicenseRequired);
  }
  EXPECT_EQ(engine.cache_stats().index_builds, 2u);
  EXPECT_EQ(engine.cache_stats().dates, 32u);
}

// Issue 11, item 8: each date can need its own index and any applicant can name dates,
// so the indexes kept are bounded by bytes, the least recently used dropped first.
TEST_F(EngineTest, TheIndexesKeptAreBoundedByBytesLeastRecentlyUsedFirst) {
  Import(fs::path(TOLLGATE_SHARED_DATA) / "lists" / "state_isn_2019.csv", "2019-01-01");
  Import(fs::path(TOLLGATE_SOURCE_DIR) / "data" / "lists" / "huawei_entity_list_2019.csv",
         "2019-05-16");
  Import(fs::path(TOLLGATE_SHARED_DATA) / "lists" / "bis_dpl_2022-09.txt", "2022-09-01");
  const char* dates[] = {"2019-03-01", "2019-06-01", "2022-10-01"};  // three version sets

  Engine unbounded(rules_, *store_);
  for (const char* date : dates) ASSERT_TRUE(unbounded.Determine(Huawei(date)).ok());
  EXPECT_EQ(unbounded.cache_stats().indexes_kept, 3u);
  const std::size_t one_index = unbounded.cache_stats().index_bytes / 3;

  Engine bounded(rules_, *store_);
  bounded.SetIndexBudget(one_index);  // room for about one
  for (const char* date : dates) ASSERT_TRUE(bounded.Determine(Huawei(date)).ok());
  EXPECT_LE(bounded.cache_stats().indexes_kept, 2u);
  EXPECT_EQ(bounded.cache_stats().index_builds, 3u);
  // The newest is kept: asking again builds nothing; the oldest was dropped and is rebuilt,
  // with the same answer.
  EXPECT_EQ(bounded.Determine(Huawei("2022-10-01"))->decision,
            unbounded.Determine(Huawei("2022-10-01"))->decision);
  EXPECT_EQ(bounded.cache_stats().index_builds, 3u);
  EXPECT_EQ(bounded.Determine(Huawei("2019-03-01"))->decision,
            unbounded.Determine(Huawei("2019-03-01"))->decision);
  EXPECT_EQ(bounded.cache_stats().index_builds, 4u);
  EXPECT_EQ(unbounded.cache_stats().index_builds, 3u);
}

TEST_F(EngineTest, RefreshSeesLicensesAddedAfterTheFirstDetermination) {
  Import(fs::path(TOLLGATE_SOURCE_DIR) / "data" / "lists" / "huawei_entity_list_2019.csv",
         "2019-05-16");
  Engine engine(rules_, *store_);
  Transaction tx = Huawei("2019-11-21");
  tx.exporter = "Microsoft Corporation";
  EXPECT_EQ(engine.Determine(tx)->decision, Decision::kLicenseRequired);
  licensing::License license;
  license.number = "D000001";
  license.holder = "Microsoft Corporation";
  license.destination = "CN";
  license.parties = {{PartyRole::kUltimateConsignee, "Huawei Technologies Co., Ltd.", ""}};
  license.items = {{"5D992.c", "", std::nullopt, std::nullopt, std::nullopt, std::nullopt}};
  license.valid_from = D("2019-11-20");
  license.valid_until = D("2023-11-19");
  ASSERT_TRUE(store_->AddLicense(license, {"operator", "2019-11-20T00:00:00Z"}).ok());
  EXPECT_EQ(engine.Determine(tx)->decision, Decision::kLicenseRequired);  // cached
  engine.Refresh();
  EXPECT_EQ(engine.Determine(tx)->decision, Decision::kAuthorized);
}

// What an item means to a destination is kept per (ECCN as given, destination, date):
// the answer follows the date and the destination, never the previous transaction.
TEST_F(EngineTest, ItemRulesFollowTheDateAndTheDestinationFromOneTransactionToTheNext) {
  Import(fs::path(TOLLGATE_SHARED_DATA) / "lists" / "state_isn_2019.csv", "2019-01-01");
  Engine engine(rules_, *store_);
  auto decide = [&](const char* eccn, const char* to, const char* date) {
    Transaction tx;
    tx.items = {{eccn, std::nullopt, std::nullopt}};
    tx.destination = to;
    tx.parties = {{PartyRole::kUltimateConsignee, "Nordic Garden Tools GmbH", ""}};
    tx.date = D(date);
    auto d = engine.Determine(tx);
    EXPECT_TRUE(d.ok()) << d.error().message;
    return d.ok() ? d->decision : Decision::kReview;
  };
  // 5A992.c is AT-only; Russia's embargo of CCL items starts 2022-02-24 (part 746.8).
  EXPECT_EQ(decide("5A992.c", "RU", "2022-02-23"), Decision::kNoLicenseRequired);
  EXPECT_EQ(decide("5A992.c", "RU", "2022-02-24"), Decision::kLicenseRequired);
  EXPECT_EQ(decide("5A992.c", "RU", "2022-02-23"), Decision::kNoLicenseRequired);
  EXPECT_EQ(decide("5a992.C", "RU", "2022-02-24"), Decision::kLicenseRequired);
  EXPECT_EQ(decide("5A992.c", "DE", "2022-02-24"), Decision::kNoLicenseRequired);
  // 3A001.b.2: NS1 and RS1 (b.2 only), NS2 and AT1 (entire entry); Germany's row marks
  // NS1, Canada's neither (15 CFR 774 Supp. 1, 738 Supp. 1, eCFR 2026-09-24).
  EXPECT_EQ(decide("3A001.b.2", "DE", "2022-02-24"), Decision::kLicenseRequired);
  EXPECT_EQ(decide("3A001.b.2", "CA", "2022-02-24"), Decision::kNoLicenseRequired);
  // A bad ECCN is refused every time, not remembered as an answer.
  Transaction bad;
  bad.items = {{"5A993", std::nullopt, std::nullopt}};
  bad.destination = "RU";
  bad.parties = {{PartyRole::kUltimateConsignee, "Nordic Garden Tools GmbH", ""}};
  bad.date = D("2022-02-24");
  for (int i = 0; i < 2; ++i) {
    auto d = engine.Determine(bad);
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().code, ErrorCode::kInvalidArgument);
  }
}

// The screening memo answers a party met before with the same matches, from the
// third sighting of the same query on (the first two are screened; the second is kept),
// and does not keep names met once.
TEST_F(EngineTest, ScreeningMemoAnswersRecurringPartiesWithTheSameMatches) {
  Import(fs::path(TOLLGATE_SOURCE_DIR) / "data" / "lists" / "huawei_entity_list_2019.csv",
         "2019-05-16");
  Engine engine(rules_, *store_);
  const Transaction tx = Huawei("2019-06-01");
  std::vector<Determination> seen;
  for (int i = 0; i < 3; ++i) {
    auto d = engine.Determine(tx);
    ASSERT_TRUE(d.ok()) << d.error().message;
    seen.push_back(std::move(d).value());
  }
  EXPECT_EQ(engine.cache_stats().screens, 2u);
  EXPECT_EQ(engine.cache_stats().memo_hits, 1u);
  ASSERT_EQ(seen[2].matches.size(), 1u);
  EXPECT_EQ(seen[2].matches[0].entry_name, seen[0].matches[0].entry_name);
  EXPECT_EQ(seen[2].matches[0].score, seen[0].matches[0].score);
  EXPECT_EQ(ToJson(seen[2]).dump(), ToJson(seen[0]).dump());

  // One-off names are screened, each once, and none is answered from the memo.
  for (int i = 0; i < 50; ++i) {
    Transaction other = tx;
    other.parties[0].name = "Huawei Technologies Co., Ltd. " + std::to_string(i);
    ASSERT_TRUE(engine.Determine(other).ok());
  }
  EXPECT_EQ(engine.cache_stats().screens, 52u);
  EXPECT_EQ(engine.cache_stats().memo_hits, 1u);
  ASSERT_TRUE(engine.Determine(tx).ok());
  EXPECT_EQ(engine.cache_stats().memo_hits, 2u);
}

TEST_F(EngineTest, BadInputFailsBeforeTheStoreIsRead) {
  Engine engine(rules_, *store_);
  Transaction tx = Huawei("2019-05-17");
  tx.items[0].eccn = "EAR100";
  auto d = engine.Determine(tx);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(engine.cache_stats().dates, 0u);
}

constexpr const char* kDates[] = {"2019-03-01", "2019-06-01", "2022-10-01"};

// Engine::ShareIndexes (issue 14): a process that screens names and determines
// transactions (the server) holds one screening index per version set, taken from its
// lists::InForceIndexes, not a second one in the engine; the cache's byte bound is the
// only one, and an index it evicts and rebuilds gives the same answers.
TEST_F(EngineTest, SharedIndexesScreeningAndDeterminationsBuildOneIndexPerVersionSet) {
  ImportThreeVersionSets();
  lists::InForceIndexes indexes;
  auto screened = indexes.ForDate(*store_, D("2019-06-01"));  // as /api/screen does
  ASSERT_TRUE(screened.ok()) << screened.error().message;
  ASSERT_EQ(indexes.builds(), 1u);

  Engine shared(rules_, *store_);
  shared.ShareIndexes(indexes);
  Engine own(rules_, *store_);
  EXPECT_EQ(Answer(shared, "2019-06-01"), Answer(own, "2019-06-01"));
  EXPECT_NE(Answer(shared, "2019-06-01").find("LICENSE_REQUIRED"), std::string::npos);
  // The determination used the index screening built: no second one.
  EXPECT_EQ(indexes.builds(), 1u);
  EXPECT_EQ(own.cache_stats().index_builds, 1u);
  for (const char* date : kDates) EXPECT_EQ(Answer(shared, date), Answer(own, date)) << date;
  EXPECT_EQ(indexes.builds(), 3u);
  EXPECT_EQ(indexes.cached(), 3u);
  EXPECT_EQ(shared.cache_stats().index_builds, 3u);  // the shared cache's count
  EXPECT_EQ(shared.cache_stats().indexes_kept, 0u);  // the engine keeps none itself
}

TEST_F(EngineTest, SharedIndexesTheCachesBoundHoldsAndARebuiltIndexAnswersTheSame) {
  ImportThreeVersionSets();
  lists::InForceIndexes indexes(1);  // one byte: only the newest index is kept
  Engine shared(rules_, *store_);
  shared.ShareIndexes(indexes);
  Engine own(rules_, *store_);
  // Twice round the three version sets: each date evicts the previous index, and the
  // memo of screening answers must not answer for an index that is gone.
  for (int round = 0; round < 2; ++round) {
    for (const char* date : kDates) {
      EXPECT_EQ(Answer(shared, date), Answer(own, date)) << date << " round " << round;
      EXPECT_EQ(indexes.cached(), 1u);
    }
  }
  EXPECT_EQ(indexes.builds(), 6u);
  // The same date again: the newest index is kept, and a party seen again on it is
  // answered from the memo (kept from its second sighting on).
  EXPECT_EQ(Answer(shared, "2022-10-01"), Answer(own, "2022-10-01"));
  const auto before = shared.cache_stats();
  EXPECT_EQ(Answer(shared, "2022-10-01"), Answer(own, "2022-10-01"));
  EXPECT_EQ(indexes.builds(), 6u);
  EXPECT_GT(shared.cache_stats().memo_hits, before.memo_hits);
}

TEST_F(EngineTest, SharedIndexesSeeAListImportedLaterAfterRefresh) {
  ImportThreeVersionSets();
  lists::InForceIndexes indexes;
  Engine shared(rules_, *store_);
  shared.ShareIndexes(indexes);
  const std::string before = Answer(shared, "2023-01-02");
  EXPECT_NE(before.find("LICENSE_REQUIRED"), std::string::npos);
  // Another list in force from 2023, as the server's ListsChanged sees it: the cache
  // refreshes, then the engine forgets what it held.
  Import(fs::path(TOLLGATE_SHARED_DATA) / "lists" / "state_dtc_debarred_2018-01-24.csv",
         "2023-01-01");
  auto changed = indexes.Refresh(*store_);
  ASSERT_TRUE(changed.ok());
  EXPECT_TRUE(*changed);
  shared.Refresh();
  Engine own(rules_, *store_);
  const std::string after = Answer(shared, "2023-01-02");
  EXPECT_EQ(after, Answer(own, "2023-01-02"));
  EXPECT_NE(after, before);  // the trace names the lists searched: one more now
}

}  // namespace
}  // namespace tollgate::rules
