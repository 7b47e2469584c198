// Opening a store of a database whose schema is current, on both backends. A server
// opens a store per request thread as its load grows (apps/server StorePool); such an
// open used to take the migration lock, and so waited behind any write in progress,
// such as the group commit of determinations (BENCHMARKS.md "HTTP server", issue 14).
#include <gtest/gtest.h>

#include <chrono>
#include <future>

#include "storage/migrations.h"
#include "storage/queries.h"
#include "storage/sql/driver.h"
#include "test_databases.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {
namespace {

using testing::TestDatabase;

class StoreOpenTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase db_{GetParam()};
};

TEST_P(StoreOpenTest, ACurrentDatabaseOpensWhileAnotherConnectionWrites) {
  {
    auto created = OpenStore(db_.url());  // creates the schema
    ASSERT_TRUE(created.ok()) << created.error().message;
  }
  auto writer =
      GetParam() == "postgres" ? sql::OpenPostgres(db_.url()) : sql::OpenSqlite(db_.url());
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  std::optional<sql::Transaction> write;
  {
    auto begun = sql::Transaction::Begin(**writer);  // SQLite: BEGIN IMMEDIATE
    ASSERT_TRUE(begun.ok()) << begun.error().message;
    write.emplace(std::move(begun).value());
  }
  // What a migration would wait for on PostgreSQL.
  ASSERT_TRUE((*writer)->Run(q::kLockMigrations).ok());

  auto opening = std::async(std::launch::async, [&] { return OpenStore(db_.url()); });
  const auto waited = opening.wait_for(std::chrono::seconds(5));
  write.reset();  // rolls back: an open that was waiting finishes now
  EXPECT_EQ(waited, std::future_status::ready) << "the open waited for the other writer";
  auto opened = opening.get();
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_TRUE((*opened)->ListUsers().ok());
}

// A database newer than the build is refused on the quick path too.
TEST_P(StoreOpenTest, ADatabaseNewerThanTheBuildIsRefused) {
  {
    auto created = OpenStore(db_.url());
    ASSERT_TRUE(created.ok()) << created.error().message;
  }
  {
    auto raw = GetParam() == "postgres" ? sql::OpenPostgres(db_.url()) : sql::OpenSqlite(db_.url());
    ASSERT_TRUE(raw.ok());
    ASSERT_TRUE((*raw)
                    ->Exec("INSERT INTO schema_migrations(version, applied_at) "
                           "VALUES (999, '2026-12-07T00:00:00Z')")
                    .ok());
  }
  auto opened = OpenStore(db_.url());
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.error().message.find("schema version 999, newer than this build knows"),
            std::string::npos)
      << opened.error().message;
}

constexpr sql::Query kSchema = sql::PerDialect(
    "test_schema",
    "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10)) FROM "
    "(SELECT * FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name)",
    "SELECT string_agg(table_name || '.' || column_name || ' ' || data_type || ' ' || "
    "is_nullable, E'\\n' ORDER BY table_name, column_name) FROM information_schema.columns "
    "WHERE table_schema = 'public'");

// A database left at any earlier schema version by an older release is brought to this
// build's version when a store opens, and ends with the schema of a new database.
TEST_P(StoreOpenTest, ADatabaseOfAnyEarlierVersionIsMigratedToTheSchemaOfANewOne) {
  auto driver = [&](const TestDatabase& db) {
    return GetParam() == "postgres" ? sql::OpenPostgres(db.url()) : sql::OpenSqlite(db.url());
  };
  {
    auto fresh = OpenStore(db_.url());
    ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  }
  auto fresh_driver = driver(db_);
  ASSERT_TRUE(fresh_driver.ok());
  auto expected = (*fresh_driver)->Run(kSchema);
  ASSERT_TRUE(expected.ok()) << expected.error().message;
  ASSERT_NE(expected->Text(0, 0).find("determinations"), std::string::npos);
  const auto migrations = EmbeddedMigrations((*fresh_driver)->dialect());
  ASSERT_GE(migrations.size(), 2u);
  for (std::size_t at = 1; at < migrations.size(); ++at) {
    SCOPED_TRACE("schema version " + std::to_string(at));
    TestDatabase old(GetParam());
    {
      auto raw = driver(old);
      ASSERT_TRUE(raw.ok()) << raw.error().message;
      ASSERT_TRUE((*raw)->Run(q::kCreateMigrationsTable).ok());
      for (std::size_t v = 0; v < at; ++v) {
        ASSERT_TRUE((*raw)->Exec(migrations[v].text).ok()) << migrations[v].file;
        ASSERT_TRUE((*raw)->Run(q::kInsertMigration, {std::int64_t{migrations[v].number}}).ok());
      }
    }
    auto opened = OpenStore(old.url());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    EXPECT_TRUE((*opened)->ListUsers().ok());
    auto raw = driver(old);
    ASSERT_TRUE(raw.ok());
    auto version = (*raw)->Run(q::kSelectSchemaVersion);
    ASSERT_TRUE(version.ok());
    EXPECT_EQ(version->Int(0, 0), migrations.back().number);
    auto schema = (*raw)->Run(kSchema);
    ASSERT_TRUE(schema.ok()) << schema.error().message;
    EXPECT_EQ(schema->Text(0, 0), expected->Text(0, 0));
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreOpenTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::storage
