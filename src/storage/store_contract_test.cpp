// The Store contract, run on every backend: SQLite and a real PostgreSQL server. With
// units of work and audited list imports (issue 11, items 4, 10 and 12).
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "test_databases.h"
#include "test_paths.h"
#include "tollgate/lists/import.h"
#include "tollgate/storage/store.h"
#include "tollgate/storage/unit_of_work.h"

namespace tollgate::storage {
namespace {

using testing::TestDatabase;

const ChangeStamp kImporter{"operator", "2026-11-22T00:00:00Z"};

lists::ListEntry Entry(std::string id, std::string name) {
  lists::ListEntry e;
  e.list = "EL";
  e.entry_id = std::move(id);
  e.name = std::move(name);
  e.aliases = {{"Huawei", lists::AliasKind::kAka}};
  e.addresses = {{"Bantian\tLonggang", "Shenzhen", "", "518129", "CN", "China"}};
  e.federal_register = {"84 FR 22961"};
  e.start_date = *Date::Parse("2019-05-16");
  e.license_requirement = "For all items subject to the EAR. (See §744.11 of the EAR)";
  e.license_policy = "Presumption of denial.";
  e.remarks = "line one\nline two with a backslash \\ and 'quotes'";
  return e;
}

ListVersion Version(const std::string& feed, const char* as_of) {
  ListVersion v;
  v.feed = feed;
  v.format = "csl-csv";
  v.as_of = *Date::Parse(as_of);
  v.imported_at = "2026-11-22T00:00:00Z";
  v.file_name = "f.csv";
  v.sha256 = std::string(64, 'a');
  return v;
}

class StoreContractTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase db_{GetParam()};

  std::unique_ptr<Store> Open() {
    auto store = OpenStore(db_.url());
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // Marks the schema as written by a later build, behind the store's back.
  void PretendNewerSchema() {
    const std::string sql = "INSERT INTO schema_migrations(version, applied_at) VALUES (99, now())";
    if (db_.backend() == "postgres") {
      PGconn* conn = PQconnectdb(db_.url().c_str());
      PQclear(PQexec(conn, sql.c_str()));
      PQfinish(conn);
    } else {
      sqlite3* conn = nullptr;
      sqlite3_open(db_.url().c_str(), &conn);
      sqlite3_exec(conn, "INSERT INTO schema_migrations VALUES (99, 'later')", nullptr, nullptr,
                   nullptr);
      sqlite3_close(conn);
    }
  }
};

TEST_P(StoreContractTest, AVersionAndItsEntriesSurviveReopening) {
  std::vector<lists::ListEntry> entries = {Entry("1", "Huawei Technologies Co., Ltd."),
                                           Entry("2", "Guian New District Huawei Investment")};
  std::int64_t id = 0;
  {
    auto store = Open();
    ASSERT_TRUE(store);
    auto v = store->AddListVersion(Version("csl", "2019-05-16"), entries, kImporter);
    ASSERT_TRUE(v.ok()) << v.error().message;
    EXPECT_EQ(v->entry_count, 2);
    id = v->id;
  }
  auto store = Open();
  ASSERT_TRUE(store);
  auto versions = store->ListVersions();
  ASSERT_TRUE(versions.ok()) << versions.error().message;
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0].as_of.ToString(), "2019-05-16");
  EXPECT_EQ((*versions)[0].sha256, std::string(64, 'a'));
  auto loaded = store->LoadEntries(id);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(*loaded, entries);
}

TEST_P(StoreContractTest, VersionsAreFilteredByFeedAndKeptInImportOrder) {
  auto store = Open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->AddListVersion(Version("csl", "2019-05-16"), {}, kImporter).ok());
  ASSERT_TRUE(store->AddListVersion(Version("ofac-sdn", "2024-05-01"), {}, kImporter).ok());
  ASSERT_TRUE(store->AddListVersion(Version("csl", "2019-08-19"), {}, kImporter).ok());
  auto csl = store->ListVersions(std::string("csl"));
  ASSERT_TRUE(csl.ok());
  ASSERT_EQ(csl->size(), 2u);
  EXPECT_LT((*csl)[0].id, (*csl)[1].id);
  EXPECT_EQ((*csl)[1].as_of.ToString(), "2019-08-19");
  EXPECT_EQ(store->ListVersions()->size(), 3u);
}

TEST_P(StoreContractTest, AnUnknownVersionIsNotFound) {
  auto store = Open();
  ASSERT_TRUE(store);
  auto loaded = store->LoadEntries(42);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::kNotFound);
  EXPECT_NE(loaded.error().message.find("42"), std::string::npos);
}

TEST_P(StoreContractTest, ADatabaseFromANewerBuildIsRefusedNotDamaged) {
  ASSERT_TRUE(Open());
  PretendNewerSchema();
  auto store = OpenStore(db_.url());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kStorageError);
  EXPECT_NE(store.error().message.find("newer"), std::string::npos) << store.error().message;
}

TEST_P(StoreContractTest, TwoStoresOnOneDatabaseSeeEachOthersVersions) {
  auto first = Open();
  auto second = Open();
  ASSERT_TRUE(first && second);
  ASSERT_TRUE(
      first->AddListVersion(Version("un", "2026-02-27"), {Entry("9", "X")}, kImporter).ok());
  auto seen = second->ListVersions();
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->size(), 1u);
}

TEST_P(StoreContractTest, AUnitNeverCommittedLeavesNothingBehind) {
  auto store = Open();
  ASSERT_TRUE(store);
  {
    auto unit = UnitOfWork::Begin(*store);
    ASSERT_TRUE(unit.ok()) << unit.error().message;
    ASSERT_TRUE(store->AddOrganization({"microsoft", "Microsoft Corporation"}, kImporter).ok());
    ASSERT_TRUE(store->AddListVersion(Version("csl", "2019-05-16"), {}, kImporter).ok());
    EXPECT_EQ(store->ListOrganizations()->size(), 1u) << "the unit sees its own changes";
  }  // gone without a commit
  auto other = Open();
  ASSERT_TRUE(other);
  for (Store* s : {store.get(), other.get()}) {
    EXPECT_TRUE(s->ListOrganizations()->empty());
    EXPECT_TRUE(s->ListVersions()->empty());
    EXPECT_TRUE(s->AuditLog()->empty());
  }
}

TEST_P(StoreContractTest, ACommittedUnitKeepsEveryChangeAndAFailedCallUndoesOnlyItsOwnPart) {
  auto store = Open();
  ASSERT_TRUE(store);
  auto unit = UnitOfWork::Begin(*store);
  ASSERT_TRUE(unit.ok()) << unit.error().message;
  ASSERT_TRUE(store->AddOrganization({"microsoft", "Microsoft Corporation"}, kImporter).ok());
  auto twice = store->AddOrganization({"microsoft", "Microsoft again"}, kImporter);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(
      store
          ->AddUser({"msft-exports", licensing::Role::kApplicant, "microsoft", std::nullopt},
                    kImporter)
          .ok());
  ASSERT_TRUE(unit->Commit().ok());

  auto other = Open();
  ASSERT_TRUE(other);
  EXPECT_EQ(other->ListOrganizations()->size(), 1u);
  EXPECT_EQ(other->ListUsers()->size(), 1u);
  EXPECT_EQ(other->AuditLog()->size(), 2u) << "one record per change that was made";
}

// Issue 11, item 4: list imports were not audit records.
TEST_P(StoreContractTest, AStoredListVersionHasItsAuditRecordWithWhoImportedIt) {
  auto store = Open();
  ASSERT_TRUE(store);
  auto stored = store->AddListVersion(Version("csl", "2019-05-16"), {},
                                      {"admin admin", "2019-05-20T01:02:03Z"});
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  auto log = store->AuditLog();
  ASSERT_TRUE(log.ok()) << log.error().message;
  ASSERT_EQ(log->size(), 1u);
  const audit::Record& record = log->front();
  EXPECT_EQ(record.action, "list.import");
  EXPECT_EQ(record.actor, "admin admin");
  EXPECT_EQ(record.timestamp, "2019-05-20T01:02:03Z");
  EXPECT_EQ(record.subject, "list version " + std::to_string(stored->id));
  EXPECT_EQ(record.after["feed"], "csl");
  EXPECT_EQ(record.after["sha256"], std::string(64, 'a'));
}

// Issue 11, item 12: two imports of the same file at once both found no identical
// version and stored it twice. The check now runs inside the write transaction.
TEST_P(StoreContractTest, TwoImportsOfTheSameFileAtOnceStoreItOnce) {
  const auto file = std::filesystem::path(TOLLGATE_SHARED_DATA) / "lists" / "ofac_sdn_2021-07.csv";
  for (int round = 0; round < 3; ++round) {
    TestDatabase db(GetParam());
    ASSERT_TRUE(OpenStore(db.url()).ok());  // migrated before the race
    std::atomic<int> ready{0};
    std::vector<Result<lists::ImportReport>> reports(2, Error{});
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i) {
      threads.emplace_back([&, i] {
        auto store = OpenStore(db.url());
        if (!store.ok()) {
          reports[i] = store.error();
          return;
        }
        // Both read and parse the file, then race to store it.
        auto prepared = lists::PrepareImport(file);
        if (!prepared.ok()) {
          reports[i] = prepared.error();
          return;
        }
        ++ready;
        while (ready.load() < 2) std::this_thread::yield();
        reports[i] = lists::StoreImport(**store, std::move(prepared).value());
      });
    }
    for (auto& t : threads) t.join();
    int stored = 0;
    for (const auto& r : reports) {
      ASSERT_TRUE(r.ok()) << r.error().message;
      stored += r->unchanged ? 0 : 1;
    }
    EXPECT_EQ(stored, 1) << "round " << round;
    auto store = OpenStore(db.url());
    ASSERT_TRUE(store.ok());
    EXPECT_EQ((*store)->ListVersions()->size(), 1u) << "round " << round;
    EXPECT_EQ((*store)->AuditLog()->size(), 1u) << "round " << round;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContractTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST(OpenStoreTest, UnsupportedUrlsAndUnreachablePlacesAreClearErrors) {
  auto other = OpenStore("mysql://user:secret@localhost/db");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(other.error().message.find("secret"), std::string::npos) << "no credentials echoed";

  auto bad = OpenStore("/proc/definitely/not/here.db");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("/proc/definitely"), std::string::npos);

  auto refused = OpenStore("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kStorageError);
  EXPECT_EQ(refused.error().message.find("secret"), std::string::npos);
}

}  // namespace
}  // namespace tollgate::storage
