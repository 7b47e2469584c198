// The Store contract for the history of answers (issue 15, item 6): screenings recorded
// and read back through every filter, determinations read back with their facts, and
// the retention prune with its audit record, on every backend.
#include <gtest/gtest.h>

#include <filesystem>

#include "raw_sql.h"
#include "test_databases.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {
namespace {

using testing::TestDatabase;

const ChangeStamp kPruner{"operator records-officer", "2026-12-07T10:00:00Z"};

ScreeningRecord Screening(std::string name, std::string organization, std::string outcome,
                          double top_score) {
  ScreeningRecord r;
  r.requested_by = organization.empty() ? "operator" : "applicant user-of-" + organization;
  r.organization = std::move(organization);
  r.channel = "api";
  r.name = std::move(name);
  r.country = "CN";
  r.type = "entity";
  r.as_of = "2019-06-01";
  r.threshold = 0.85;
  r.outcome = std::move(outcome);
  r.top_score = top_score;
  r.lists = nlohmann::json::array(
      {{{"id", 1}, {"feed", "csl"}, {"as_of", "2019-05-16"}, {"entries", 2}}});
  r.matches = nlohmann::json::array();
  if (top_score > 0) {
    r.matches.push_back({{"score", top_score},
                         {"list", "EL"},
                         {"entry_id", "1"},
                         {"name", "Huawei"},
                         {"explanation", "every word of the listed name is in the query"}});
  }
  return r;
}

class HistoryStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase db_{GetParam()};
  std::unique_ptr<Store> Open() {
    auto store = OpenStore(db_.url());
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? std::move(store).value() : nullptr;
  }
  // SQL as someone holding the database: records made to look old.
  std::string Raw(const std::string& sql) {
    return testing::RawSql(GetParam(), db_.url(), sql, std::filesystem::temp_directory_path());
  }
};

TEST_P(HistoryStoreTest, AScreeningIsReadBackWholeANoHitIncluded) {
  auto store = Open();
  ASSERT_TRUE(store);
  auto ids = store->RecordScreenings({Screening("Huawei Technologies", "microsoft", "hit", 0.97),
                                      Screening("Contoso Bakery", "microsoft", "no_hit", 0)});
  ASSERT_TRUE(ids.ok()) << ids.error().message;
  ASSERT_EQ(ids->size(), 2u);
  EXPECT_LT((*ids)[0], (*ids)[1]);
  auto all = store->FindScreenings({});
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), 2u);
  const auto& no_hit = (*all)[0];  // newest first
  EXPECT_EQ(no_hit.id, (*ids)[1]);
  EXPECT_EQ(no_hit.name, "Contoso Bakery");
  EXPECT_EQ(no_hit.outcome, "no_hit");
  EXPECT_EQ(no_hit.recorded_at.size(), 20u) << no_hit.recorded_at;
  EXPECT_EQ(no_hit.requested_by, "applicant user-of-microsoft");
  EXPECT_EQ(no_hit.organization, "microsoft");
  EXPECT_EQ(no_hit.country, "CN");
  EXPECT_EQ(no_hit.type, "entity");
  EXPECT_EQ(no_hit.as_of, "2019-06-01");
  EXPECT_DOUBLE_EQ(no_hit.threshold, 0.85);
  EXPECT_EQ(no_hit.lists, Screening("", "", "", 0).lists);  // what was searched, on record
  EXPECT_TRUE(no_hit.matches.empty());
  const auto& hit = (*all)[1];
  EXPECT_DOUBLE_EQ(hit.top_score, 0.97);
  ASSERT_EQ(hit.matches.size(), 1u);
  EXPECT_EQ(hit.matches[0]["explanation"], "every word of the listed name is in the query");
}

// The list versions in force are stored once per distinct set (migration 18), however
// many records name them, and each record reads back its own set; a record written
// before the migration keeps its own copy and reads it back.
TEST_P(HistoryStoreTest, EachSetOfListVersionsIsStoredOnceAndEachRecordReadsItsOwn) {
  auto store = Open();
  ASSERT_TRUE(store);
  const ScreeningRecord contoso = Screening("Contoso Bakery", "microsoft", "no_hit", 0);
  ScreeningRecord fabrikam = contoso;
  fabrikam.name = "Fabrikam";
  ScreeningRecord northwind = contoso;
  northwind.name = "Northwind";
  northwind.lists.push_back(
      {{"id", 2}, {"feed", "ofac-sdn"}, {"as_of", "2019-05-20"}, {"entries", 9}});
  ASSERT_TRUE(store->RecordScreenings({contoso, fabrikam, northwind, contoso}).ok());
  ASSERT_TRUE(store->RecordScreenings({northwind, contoso}).ok());
  // Two sets, and no screening row repeats one (the CHECK fails the insert otherwise).
  EXPECT_EQ(Raw("CREATE TABLE probe (n INTEGER CHECK (n = 2)); "
                "INSERT INTO probe SELECT COUNT(*) FROM screening_version_sets; "
                "INSERT INTO probe SELECT COUNT(*) + 2 FROM screenings WHERE lists <> ''"),
            "");
  const std::string old_lists = R"([{"as_of":"2019-01-01","feed":"csl","id":7}])";
  ASSERT_EQ(Raw("UPDATE screenings SET version_set = 0, lists = '" + old_lists +
                "' WHERE name = 'Fabrikam'"),
            "");
  auto all = store->FindScreenings({});
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), 6u);
  for (const auto& r : *all) {
    if (r.name == "Northwind") {
      EXPECT_EQ(r.lists, northwind.lists) << r.id;
    } else if (r.name == "Fabrikam") {
      EXPECT_EQ(r.lists, nlohmann::json::parse(old_lists)) << r.id;
    } else {
      EXPECT_EQ(r.lists, contoso.lists) << r.id;
    }
  }
}

TEST_P(HistoryStoreTest, ScreeningsAreFilteredByOrganizationPartyOutcomeAndPage) {
  auto store = Open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(
      store
          ->RecordScreenings({Screening("Huawei Technologies Co., Ltd.", "microsoft", "hit", 0.97),
                              Screening("Contoso Bakery", "microsoft", "no_hit", 0),
                              Screening("HUAWEI technologies", "qualcomm", "review", 0.9),
                              Screening("Fabrikam", "", "no_hit", 0)})
          .ok());
  HistoryFilter microsoft;
  microsoft.organization = "microsoft";
  EXPECT_EQ(store->FindScreenings(microsoft)->size(), 2u);
  HistoryFilter none;
  none.organization = "";  // the records of no organization (the CLI's operator)
  ASSERT_EQ(store->FindScreenings(none)->size(), 1u);
  EXPECT_EQ(store->FindScreenings(none)->front().name, "Fabrikam");
  HistoryFilter party;
  party.party = "huawei tech";  // folded: a part of the folded name
  EXPECT_EQ(store->FindScreenings(party)->size(), 2u);
  party.organization = "qualcomm";
  ASSERT_EQ(store->FindScreenings(party)->size(), 1u);
  EXPECT_EQ(store->FindScreenings(party)->front().outcome, "review");
  HistoryFilter no_hits;
  no_hits.outcome = "no_hit";
  EXPECT_EQ(store->FindScreenings(no_hits)->size(), 2u);
  HistoryFilter page;
  page.limit = 3;
  page.offset = 2;
  auto second = store->FindScreenings(page);
  ASSERT_EQ(second->size(), 2u);
  EXPECT_EQ((*second)[0].name, "Contoso Bakery");
}

TEST_P(HistoryStoreTest, DatesFilterOnWhenTheRecordWasMade) {
  auto store = Open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->RecordScreenings({Screening("Old Name", "", "no_hit", 0)}).ok());
  ASSERT_TRUE(store->RecordScreenings({Screening("New Name", "", "no_hit", 0)}).ok());
  ASSERT_EQ(Raw("UPDATE screenings SET recorded_at = '2020-03-01T12:00:00Z' "
                "WHERE name = 'Old Name'"),
            "");
  HistoryFilter march;
  march.from = "2020-03-01T00:00:00Z";
  march.before = "2020-03-02T00:00:00Z";
  auto found = store->FindScreenings(march);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().name, "Old Name");
  HistoryFilter later;
  later.from = "2020-03-02T00:00:00Z";
  ASSERT_EQ(store->FindScreenings(later)->size(), 1u);
  EXPECT_EQ(store->FindScreenings(later)->front().name, "New Name");
}

TEST_P(HistoryStoreTest, DeterminationsAreReadBackWithTheirOrganizationAndParties) {
  auto store = Open();
  ASSERT_TRUE(store);
  DeterminationRecord a{0,
                        "",
                        *Date::Parse("2019-05-17"),
                        "LICENSE_REQUIRED",
                        "applicant msft",
                        "{\"a\":1}",
                        "{}",
                        "microsoft",
                        {"Huawei Technologies Co., Ltd.", "Contoso Bakery"}};
  DeterminationRecord b{
      0, "", *Date::Parse("2019-11-21"), "AUTHORIZED", "operator", "{\"b\":2}", "{}", "", {}};
  auto ids = store->RecordDeterminations({a, b});
  ASSERT_TRUE(ids.ok()) << ids.error().message;
  HistoryFilter microsoft;
  microsoft.organization = "microsoft";
  auto found = store->FindDeterminations(microsoft);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().id, (*ids)[0]);
  EXPECT_EQ(found->front().decision, "LICENSE_REQUIRED");
  EXPECT_EQ(found->front().transaction_date.ToString(), "2019-05-17");
  EXPECT_EQ(found->front().parties,
            (std::vector<std::string>{"huawei technologies co ltd", "contoso bakery"}));
  HistoryFilter bakery;
  bakery.party = "contoso";
  EXPECT_EQ(store->FindDeterminations(bakery)->size(), 1u);
  HistoryFilter authorized;
  authorized.outcome = "AUTHORIZED";
  ASSERT_EQ(store->FindDeterminations(authorized)->size(), 1u);
  EXPECT_EQ(store->FindDeterminations(authorized)->front().organization, "");
  EXPECT_EQ(store->FindDeterminations({})->size(), 2u);
}

TEST_P(HistoryStoreTest, APruneDeletesWhatIsOlderThanTheCutoffAndIsItselfAudited) {
  auto store = Open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store
                  ->RecordScreenings({Screening("Old Name", "", "no_hit", 0),
                                      Screening("New Name", "", "no_hit", 0)})
                  .ok());
  DeterminationRecord old{0,        "",          *Date::Parse("2019-05-17"),
                          "REVIEW", "operator",  "{}",
                          "{}",     "microsoft", {"Old Party"}};
  DeterminationRecord recent{0,        "",          *Date::Parse("2026-05-17"),
                             "REVIEW", "operator",  "{}",
                             "{}",     "microsoft", {"New Party"}};
  ASSERT_TRUE(store->RecordDeterminations({old, recent}).ok());
  ASSERT_EQ(Raw("UPDATE screenings SET recorded_at = '2019-06-01T12:00:00Z' "
                "WHERE name = 'Old Name'; UPDATE determinations SET recorded_at = "
                "'2019-06-01T12:00:00Z' WHERE transaction_date < '2020-01-01'"),
            "");
  const auto audit_before = store->AuditLog()->size();
  auto pruned = store->PruneHistory("2021-12-07T00:00:00Z", "retention of 5 years", kPruner);
  ASSERT_TRUE(pruned.ok()) << pruned.error().message;
  EXPECT_EQ(pruned->screenings, 1);
  EXPECT_EQ(pruned->determinations, 1);
  ASSERT_EQ(store->FindScreenings({})->size(), 1u);
  EXPECT_EQ(store->FindScreenings({})->front().name, "New Name");
  ASSERT_EQ(store->FindDeterminations({})->size(), 1u);
  EXPECT_EQ(store->FindDeterminations({})->front().parties, std::vector<std::string>{"new party"});
  auto log = store->AuditLog();
  ASSERT_EQ(log->size(), audit_before + 1);
  const auto& record = log->back();
  EXPECT_EQ(record.action, "history.prune");
  EXPECT_EQ(record.actor, kPruner.actor);
  EXPECT_EQ(record.after["recorded_before"], "2021-12-07T00:00:00Z");
  EXPECT_EQ(record.after["screenings_deleted"], 1);
  EXPECT_EQ(record.after["determinations_deleted"], 1);
  EXPECT_EQ(record.after["reason"], "retention of 5 years");
  // Nothing left to prune: the prune is on record all the same.
  auto again = store->PruneHistory("2021-12-07T00:00:00Z", "retention of 5 years", kPruner);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->screenings, 0);
  EXPECT_EQ(store->AuditLog()->size(), audit_before + 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, HistoryStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::storage
