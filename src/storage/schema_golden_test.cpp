// The one storage layer (issue 14) opens what the twin backends before it wrote: a
// SQLite database written by main at 7a9fc17 (schema version 8), recorded as a SQL
// dump in tests/golden/store_v8_sqlite.sql (tests/golden/make_store_v8.sh made it with
// that commit's binary), and the schema the migration files create is exactly the one
// that code created, statement for statement. The migrations since add only what
// tests/golden/store_v9_postgres_added.txt lists (9: the party master, issue 15) and
// store_v10_postgres_added.txt (10: alerts, issue 15, items 2 and 3),
// store_v11_postgres_added.txt (11: the history of answers) and
// store_v12_postgres_added.txt (12: webhooks), store_v13_postgres_added.txt (13: the
// revision of each organization's dispositions), store_v14_postgres_added.txt (14: the
// alert queue's indexes), store_v15_postgres_added.txt (15: the alert queue's kept
// counts), store_v16_postgres_added.txt (16: the party versions that vouch for each
// party row), store_v17_postgres_added.txt (17: only its number; the change is
// SQLite's), store_v18_postgres_added.txt less store_v18_postgres_removed.txt (18: the
// sets of list versions screenings name, and an index no query read dropped),
// store_v19_postgres_added.txt (19: the index of the parties with a match),
// store_v20_postgres_added.txt (20: only its number; the change is SQLite's), and a
// database main wrote is migrated to exactly the schema of a fresh one.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_databases.h"
#include "test_paths.h"
#include "tollgate/audit/verify.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {
namespace {

using testing::TestDatabase;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `sql` on the SQLite file at `path`; the rows as "col|col\n" lines.
std::string Sqlite(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  std::string out;
  char* error = nullptr;
  sqlite3_exec(
      db, sql.c_str(),
      [](void* sink, int columns, char** values, char**) {
        auto& text = *static_cast<std::string*>(sink);
        for (int c = 0; c < columns; ++c) {
          text += c ? "|" : "";
          text += values[c] ? values[c] : "NULL";
        }
        text += '\n';
        return 0;
      },
      &out, &error);
  EXPECT_EQ(error, nullptr) << error;
  sqlite3_free(error);
  sqlite3_close(db);
  return out;
}

const char* kSchema =
    "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
    "ORDER BY type, name";
// The schema as main wrote it at version 8: without the tables migrations 9 and on add.
const char* kSchemaOfVersion8 =
    "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
    "AND tbl_name NOT IN ('parties', 'alerts', 'alert_settings', 'party_master_revision', "
    "'screenings', 'determination_facts', 'webhooks', 'webhook_deliveries', "
    "'alert_decision_revisions', 'alert_counts', 'party_versions', 'screening_version_sets') "
    "AND name NOT IN ('determinations_by_time') ORDER BY type, name";

// The lines of `text`, sorted (the order PostgreSQL's collation gives is not ours).
std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

class GoldenSqliteStore : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string dump = ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v8_sqlite.sql");
    ASSERT_NE(dump.find("CREATE TABLE audit_log"), std::string::npos);
    Sqlite(golden_.url(), dump);
  }
  TestDatabase golden_{"sqlite"};
};

TEST_F(GoldenSqliteStore, MigrationFilesCreateTheSchemaMainCreated) {
  const std::string recorded = Sqlite(golden_.url(), kSchema);
  ASSERT_NE(recorded.find("audit_log_no_delete"), std::string::npos);
  TestDatabase fresh("sqlite");
  {
    auto store = OpenStore(fresh.url());
    ASSERT_TRUE(store.ok()) << store.error().message;
  }
  EXPECT_EQ(Sqlite(fresh.url(), kSchemaOfVersion8), recorded);
  const char* versions = "SELECT group_concat(version) FROM schema_migrations";
  EXPECT_EQ(Sqlite(golden_.url(), versions), "1,2,3,4,5,6,7,8\n");
  EXPECT_EQ(Sqlite(fresh.url(), versions), "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20\n");
}

TEST_F(GoldenSqliteStore, OpensReadsAndWritesWhatMainWrote) {
  auto opened = OpenStore(golden_.url());
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  Store& store = **opened;
  {
    // Migrated from 8: the schema of a fresh store.
    TestDatabase fresh("sqlite");
    ASSERT_TRUE(OpenStore(fresh.url()).ok());
    EXPECT_EQ(Sqlite(golden_.url(), kSchema), Sqlite(fresh.url(), kSchema));
  }

  auto versions = store.ListVersions();
  ASSERT_TRUE(versions.ok()) << versions.error().message;
  ASSERT_EQ(versions->size(), 2u);
  for (const auto& v : *versions) {
    auto entries = store.LoadEntries(v.id);
    ASSERT_TRUE(entries.ok()) << entries.error().message;
    EXPECT_EQ(static_cast<std::int64_t>(entries->size()), v.entry_count);
    EXPECT_GT(v.entry_count, 0);
  }
  EXPECT_EQ((*versions)[0].as_of.ToString(), "2019-05-16");

  auto by_hand = store.GetLicense("D000001");
  ASSERT_TRUE(by_hand.ok()) << by_hand.error().message;
  EXPECT_EQ(by_hand->holder, "Microsoft Corporation");
  auto application = store.FindApplication("D000001");
  ASSERT_TRUE(application.ok()) << application.error().message;
  EXPECT_EQ(licensing::StateName(application->state), std::string("approved"));
  auto timeline = store.Timeline(application->id);
  ASSERT_TRUE(timeline.ok());
  EXPECT_EQ(timeline->size(), 5u);  // submit, register, refer, recommend, approve
  auto issued = store.FindLicenses({.organization = {}, .application = {"D000001"}});
  ASSERT_TRUE(issued.ok());
  ASSERT_EQ(issued->size(), 1u);
  auto shipments = store.Shipments(issued->front().number);
  ASSERT_TRUE(shipments.ok()) << shipments.error().message;
  EXPECT_EQ(shipments->size(), 1u);
  auto general = store.ListGeneralLicenses();
  ASSERT_TRUE(general.ok()) << general.error().message;
  ASSERT_FALSE(general->empty());
  EXPECT_EQ(general->front().windows.back().id, "extension_6");
  auto determinations = store.ListDeterminations();
  ASSERT_TRUE(determinations.ok());
  EXPECT_FALSE(determinations->empty());
  auto accounts = store.ListAccounts();
  ASSERT_TRUE(accounts.ok());
  bool disabled_seen = false;
  for (const auto& a : *accounts) {
    if (a.user.name == "msft-exports") disabled_seen = a.disabled;
    if (a.user.name == "ops") {
      EXPECT_EQ(a.token_count, 1);
    }
  }
  EXPECT_TRUE(disabled_seen);

  // The audit chain main wrote verifies, its guards are in place, and this code
  // chains its own records after it.
  auto guards = store.AuditGuardProblems();
  ASSERT_TRUE(guards.ok());
  EXPECT_TRUE(guards->empty());
  ASSERT_TRUE(
      store.AddOrganization({"acme", "Acme Corp"}, {"operator", "2026-12-06T00:00:00Z"}).ok());
  auto log = store.AuditLog();
  ASSERT_TRUE(log.ok());
  auto verification = audit::Verify(*log);
  EXPECT_TRUE(verification.ok());
  EXPECT_EQ(log->back().action, "organization.create");
  parties::Party party;
  party.external_id = "C-1";
  party.name = "Huawei Technologies Co., Ltd.";
  party.country = "CN";
  auto upserted = store.UpsertParties("acme", {party}, {"operator", "2026-12-06T00:00:00Z"});
  ASSERT_TRUE(upserted.ok()) << upserted.error().message;
  EXPECT_EQ(upserted->added.size(), 1u);
}

// The same on PostgreSQL: the schema a fresh store's migrations create, listed by
// tests/golden/pg_schema.sql, is the one main's migrations created.
TEST(GoldenPostgresStore, MigrationFilesCreateTheSchemaMainCreated) {
  TestDatabase fresh("postgres");
  {
    auto store = OpenStore(fresh.url());
    ASSERT_TRUE(store.ok()) << store.error().message;
  }
  PGconn* conn = PQconnectdb(fresh.url().c_str());
  ASSERT_EQ(PQstatus(conn), CONNECTION_OK) << PQerrorMessage(conn);
  const std::string query = ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/pg_schema.sql");
  PGresult* result = PQexec(conn, query.c_str());
  std::string listed;
  if (PQresultStatus(result) == PGRES_TUPLES_OK) {
    for (int row = 0; row < PQntuples(result); ++row) {
      listed += PQgetvalue(result, row, 0);
      listed += '\n';
    }
  }
  EXPECT_EQ(PQresultStatus(result), PGRES_TUPLES_OK) << PQresultErrorMessage(result);
  PQclear(result);
  PQfinish(conn);
  const std::string recorded =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v8_postgres_schema.txt");
  ASSERT_NE(recorded.find("trigger audit_log_no_truncate"), std::string::npos);
  // Main's version 8 and what the later migrations add, compared as sorted lines.
  const std::string added =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v9_postgres_added.txt");
  ASSERT_NE(added.find("column parties.revision"), std::string::npos);
  // Migration 10, the alerts (issue 15, items 2 and 3).
  const std::string alerts =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v10_postgres_added.txt");
  ASSERT_NE(alerts.find("column alerts.disposition"), std::string::npos);
  // Migration 11, the history of answers (issue 15, item 6).
  const std::string history =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v11_postgres_added.txt");
  ASSERT_NE(history.find("column screenings.name_folded"), std::string::npos);
  // Migration 12, webhooks and their outbox (issue 15, item 5).
  const std::string webhooks =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v12_postgres_added.txt");
  ASSERT_NE(webhooks.find("column webhook_deliveries.next_attempt_at"), std::string::npos);
  // Migration 13, the revision of each organization's dispositions (issue 15, item 4).
  const std::string decisions =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v13_postgres_added.txt");
  ASSERT_NE(decisions.find("column alert_decision_revisions.revision"), std::string::npos);
  // Migration 14, the alert queue's covering indexes (issue 15, the paging target).
  const std::string queue =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v14_postgres_added.txt");
  ASSERT_NE(queue.find("index alerts_queue_by_id"), std::string::npos);
  // Migration 15, the alert queue's counts kept by triggers (issue 15, the paging target).
  const std::string counts =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v15_postgres_added.txt");
  ASSERT_NE(counts.find("column alert_counts.alerts"), std::string::npos);
  // Migration 16, the party versions (issue 15, the import at 1,000,000 parties).
  const std::string versions =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v16_postgres_added.txt");
  ASSERT_NE(versions.find("column party_versions.content_hash"), std::string::npos);
  // Migration 17 changes SQLite's triggers only (one bump of the party master's
  // revision per import): on PostgreSQL it adds nothing but its number.
  const std::string bump =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v17_postgres_added.txt");
  ASSERT_NE(bump.find("migration 17"), std::string::npos);
  // Migration 18, the sets of list versions that screenings on record name, and the
  // index parties_with_hits dropped (no query read it).
  const std::string sets =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v18_postgres_added.txt");
  ASSERT_NE(sets.find("column screenings.version_set"), std::string::npos);
  // Migration 19, the index of the parties whose screening found a match.
  const std::string with_a_match =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v19_postgres_added.txt");
  ASSERT_NE(with_a_match.find("migration 19"), std::string::npos);
  // Migration 20 drops SQLite's index of screenings by time (every import's insert
  // maintained it): on PostgreSQL it adds nothing but its number.
  const std::string by_time =
      ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v20_postgres_added.txt");
  ASSERT_NE(by_time.find("migration 20"), std::string::npos);
  const std::vector<std::string> dropped =
      SortedLines(ReadFile(TOLLGATE_SOURCE_DIR "/tests/golden/store_v18_postgres_removed.txt"));
  ASSERT_EQ(dropped.size(), 1u);
  std::vector<std::string> expected =
      SortedLines(recorded + added + alerts + history + webhooks + decisions + queue + counts +
                  versions + bump + sets + with_a_match + by_time);
  for (const auto& line : dropped) {
    auto at = std::find(expected.begin(), expected.end(), line);
    ASSERT_NE(at, expected.end()) << line;
    expected.erase(at);
  }
  EXPECT_EQ(SortedLines(listed), expected);
}

}  // namespace
}  // namespace tollgate::storage
