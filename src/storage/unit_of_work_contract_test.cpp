// The Store contract for units of work and audited list imports (issue 11, items 4, 10
// and 12), on every backend: SQLite and a real PostgreSQL server.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "test_databases.h"
#include "tollgate/lists/import.h"
#include "tollgate/storage/store.h"
#include "tollgate/storage/unit_of_work.h"

namespace tollgate::storage {
namespace {

using testing::TestDatabase;

const ChangeStamp kSetup{"system setup", "2019-05-20T00:00:00Z"};

ListVersion Version(const std::string& feed) {
  ListVersion v;
  v.feed = feed;
  v.format = "csl-csv";
  v.as_of = *Date::Parse("2019-05-16");
  v.imported_at = "2019-05-20T00:00:00Z";
  v.file_name = "f.csv";
  v.sha256 = std::string(64, 'b');
  return v;
}

class UnitOfWorkTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase db_{GetParam()};
  std::unique_ptr<Store> Open() {
    auto store = OpenStore(db_.url());
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? std::move(store).value() : nullptr;
  }
};

TEST_P(UnitOfWorkTest, AUnitNeverCommittedLeavesNothingBehind) {
  auto store = Open();
  ASSERT_TRUE(store);
  {
    auto unit = UnitOfWork::Begin(*store);
    ASSERT_TRUE(unit.ok()) << unit.error().message;
    ASSERT_TRUE(store->AddOrganization({"microsoft", "Microsoft Corporation"}, kSetup).ok());
    ASSERT_TRUE(store->AddListVersion(Version("csl"), {}, kSetup).ok());
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

TEST_P(UnitOfWorkTest, ACommittedUnitKeepsEveryChangeAndAFailedCallUndoesOnlyItsOwnPart) {
  auto store = Open();
  ASSERT_TRUE(store);
  auto unit = UnitOfWork::Begin(*store);
  ASSERT_TRUE(unit.ok()) << unit.error().message;
  ASSERT_TRUE(store->AddOrganization({"microsoft", "Microsoft Corporation"}, kSetup).ok());
  auto twice = store->AddOrganization({"microsoft", "Microsoft again"}, kSetup);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(
      store
          ->AddUser({"msft-exports", licensing::Role::kApplicant, "microsoft", std::nullopt},
                    kSetup)
          .ok());
  ASSERT_TRUE(unit->Commit().ok());

  auto other = Open();
  ASSERT_TRUE(other);
  EXPECT_EQ(other->ListOrganizations()->size(), 1u);
  EXPECT_EQ(other->ListUsers()->size(), 1u);
  EXPECT_EQ(other->AuditLog()->size(), 2u) << "one record per change that was made";
}

// Issue 11, item 4: list imports were not audit records.
TEST_P(UnitOfWorkTest, AStoredListVersionHasItsAuditRecordWithWhoImportedIt) {
  auto store = Open();
  ASSERT_TRUE(store);
  auto stored = store->AddListVersion(Version("csl"), {}, {"admin admin", "2019-05-20T01:02:03Z"});
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
  EXPECT_EQ(record.after["sha256"], std::string(64, 'b'));
}

// Issue 11, item 12: two imports of the same file at once both found no identical
// version and stored it twice. The check now runs inside the write transaction.
TEST_P(UnitOfWorkTest, TwoImportsOfTheSameFileAtOnceStoreItOnce) {
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

INSTANTIATE_TEST_SUITE_P(Backends, UnitOfWorkTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::storage
