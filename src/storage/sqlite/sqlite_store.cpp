#include "storage/sqlite/sqlite_store.h"

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "storage/sqlite/schema.h"
#include "storage/sqlite/sqlite_accounts.h"
#include "storage/sqlite/sqlite_handle.h"
#include "storage/sqlite/sqlite_licenses.h"
#include "storage/sqlite/sqlite_workflow.h"
#include "storage/stored_applications.h"
#include "storage/stored_licenses.h"
#include "storage/stored_rows.h"
#include "storage/tables_store.h"

namespace tollgate::storage::sqlite {
namespace {

Status Migrate(Connection& db) {
  // Everything under the write lock (BEGIN IMMEDIATE waits for it), the migrations
  // table too: two processes starting on a fresh file take turns instead of one
  // failing with "database is locked" half-way.
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  if (auto s = db.Exec(kCreateMigrationsTable); !s.ok()) return s;
  auto current = db.Prepare(kSelectSchemaVersion);
  if (!current.ok()) return current.error();
  auto row = current->Step();
  if (!row.ok()) return row.error();
  const auto applied = static_cast<std::size_t>(current->Int(0));
  if (applied > kMigrations.size()) {
    return MakeError(ErrorCode::kStorageError, "database '" + db.path() + "' has schema version " +
                                                   std::to_string(applied) +
                                                   ", newer than this build knows (" +
                                                   std::to_string(kMigrations.size()) + ")");
  }
  for (std::size_t v = applied; v < kMigrations.size(); ++v) {
    if (auto s = db.Exec(kMigrations[v]); !s.ok()) return s;
    auto insert = db.Prepare(kInsertMigration);
    if (!insert.ok()) return insert.error();
    if (auto s = insert->Bind(1, static_cast<std::int64_t>(v + 1)).Run(); !s.ok()) return s;
  }
  return tx->Commit();
}

class SqliteStore final : public TablesStore<Connection, WorkflowTables, AccountTables> {
 public:
  explicit SqliteStore(Connection db) : TablesStore(std::move(db)) {}

  Result<ListVersion> AddListVersion(ListVersion version,
                                     const std::vector<lists::ListEntry>& entries,
                                     const ChangeStamp& stamp) override {
    auto tx = Transaction::Begin(db_);
    if (!tx.ok()) return tx.error();
    auto insert = db_.Prepare(kInsertListVersion);
    if (!insert.ok()) return insert.error();
    version.entry_count = static_cast<std::int64_t>(entries.size());
    auto s = insert->Bind(1, version.feed)
                 .Bind(2, version.format)
                 .Bind(3, version.as_of.ToString())
                 .Bind(4, version.imported_at)
                 .Bind(5, version.file_name)
                 .Bind(6, version.sha256)
                 .Bind(7, version.entry_count)
                 .Run();
    if (!s.ok()) return s.error();
    version.id = db_.LastInsertId();

    auto entry_insert = db_.Prepare(kInsertListEntry);
    if (!entry_insert.ok()) return entry_insert.error();
    std::int64_t seq = 0;
    for (const auto& entry : entries) {
      auto st = entry_insert->Bind(1, version.id)
                    .Bind(2, seq++)
                    .Bind(3, entry.list)
                    .Bind(4, entry.entry_id)
                    .Bind(5, entry.name)
                    .Bind(6, lists::ToJson(entry).dump())
                    .Run();
      if (!st.ok()) return st.error();
      entry_insert->Reset();
    }
    if (auto a = workflow_.AppendAudit(ListImported(version, stamp)); !a.ok()) return a.error();
    if (auto c = tx->Commit(); !c.ok()) return c.error();
    return version;
  }

  Result<std::vector<ListVersion>> ListVersions(const std::optional<std::string>& feed) override {
    auto select = db_.Prepare(kSelectListVersions);
    if (!select.ok()) return select.error();
    select->Bind(1, feed.value_or(""));
    std::vector<ListVersion> versions;
    for (;;) {
      auto row = select->Step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      auto v = DecodeVersionRow(select->Int(0), select->Text(1), select->Text(2), select->Text(3),
                                select->Text(4), select->Text(5), select->Text(6), select->Int(7));
      if (!v.ok()) return v.error();
      versions.push_back(std::move(v).value());
    }
    return versions;
  }

  Result<std::vector<lists::ListEntry>> LoadEntries(std::int64_t version_id) override {
    auto count = db_.Prepare(kCountListVersion);
    if (!count.ok()) return count.error();
    if (auto row = count->Bind(1, version_id).Step(); !row.ok()) return row.error();
    if (count->Int(0) == 0) {
      return UnknownVersion(version_id);
    }
    auto select = db_.Prepare(kSelectListEntries);
    if (!select.ok()) return select.error();
    select->Bind(1, version_id);
    std::vector<lists::ListEntry> entries;
    for (;;) {
      auto row = select->Step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      auto entry = DecodeStoredEntry(select->Text(0), version_id);
      if (!entry.ok()) return entry.error();
      entries.push_back(std::move(entry).value());
    }
    return entries;
  }

  Status AddLicense(const licensing::License& input, const ChangeStamp& stamp) override {
    auto validated = licensing::ValidateLicense(input);
    if (!validated.ok()) return validated.error();
    validated->created_by = stamp.actor;
    auto tx = Transaction::Begin(db_);
    if (!tx.ok()) return tx.error();
    if (auto s = InsertLicense(db_, *validated); !s.ok()) return s;
    if (auto a = workflow_.AppendAudit(LicenseAdded(*validated, stamp)); !a.ok()) return a;
    return tx->Commit();
  }

  Result<licensing::License> GetLicense(const std::string& number) override {
    auto found = SelectLicenses(db_, number, "", {});
    if (!found.ok()) return found.error();
    if (found->empty()) return UnknownLicense(number);
    return std::move(found->front());
  }

  Result<std::vector<licensing::License>> ListLicenses(
      const std::optional<std::string>& holder) override {
    return SelectLicenses(db_, "", holder ? licensing::FoldPartyName(*holder) : "", {});
  }

  Result<std::vector<std::int64_t>> RecordDeterminations(
      const std::vector<DeterminationRecord>& records) override {
    auto tx = Transaction::Begin(db_);
    if (!tx.ok()) return tx.error();
    auto insert = db_.Prepare(kInsertDetermination);
    if (!insert.ok()) return insert.error();
    std::vector<std::int64_t> ids;
    for (const auto& r : records) {
      auto st = insert->Bind(1, r.transaction_date.ToString())
                    .Bind(2, r.decision)
                    .Bind(3, r.request_json)
                    .Bind(4, r.result_json)
                    .Bind(5, r.requested_by)
                    .Run();
      if (!st.ok()) return st.error();
      ids.push_back(db_.LastInsertId());
      insert->Reset();
    }
    if (auto c = tx->Commit(); !c.ok()) return c.error();
    return ids;
  }

  Result<std::vector<DeterminationRecord>> ListDeterminations() override {
    auto select = db_.Prepare(kSelectDeterminations);
    if (!select.ok()) return select.error();
    std::vector<DeterminationRecord> records;
    for (;;) {
      auto row = select->Step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      auto r =
          DecodeDeterminationRow(select->Int(0), select->Text(1), select->Text(2), select->Text(3),
                                 select->Text(4), select->Text(5), select->Text(6));
      if (!r.ok()) return r.error();
      records.push_back(std::move(r).value());
    }
    return records;
  }
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) {
    return MakeError(ErrorCode::kStorageError,
                     "cannot create folder '" + parent.string() + "': " + ec.message());
  }
  auto db = Connection::Open(path);
  if (!db.ok()) return db.error();
  if (auto s = Migrate(*db); !s.ok()) return s.error();
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db).value()));
}

}  // namespace tollgate::storage::sqlite
