#include "storage/postgres/postgres_store.h"

#include <nlohmann/json.hpp>

#include "storage/postgres/pg_handle.h"
#include "storage/postgres/postgres_accounts.h"
#include "storage/postgres/postgres_licenses.h"
#include "storage/postgres/postgres_workflow.h"
#include "storage/postgres/schema.h"
#include "storage/stored_applications.h"
#include "storage/stored_licenses.h"
#include "storage/stored_rows.h"
#include "storage/tables_store.h"

namespace tollgate::storage::postgres {
namespace {

Status Migrate(PgConnection& db) {
  auto tx = PgTransaction::Begin(db);
  if (!tx.ok()) return tx.error();
  if (auto r = db.Exec(kLockMigrations); !r.ok()) return r.error();
  if (auto r = db.Exec(kCreateMigrationsTable); !r.ok()) return r.error();
  auto current = db.Exec(kSelectSchemaVersion);
  if (!current.ok()) return current.error();
  const auto applied = static_cast<std::size_t>(current->Int(0, 0));
  if (applied > kMigrations.size()) {
    return MakeError(ErrorCode::kStorageError, "the PostgreSQL database has schema version " +
                                                   std::to_string(applied) +
                                                   ", newer than this build knows (" +
                                                   std::to_string(kMigrations.size()) + ")");
  }
  for (std::size_t v = applied; v < kMigrations.size(); ++v) {
    if (auto r = db.Exec(kMigrations[v]); !r.ok()) return r.error();
    if (auto r = db.Exec(kInsertMigration, {std::to_string(v + 1)}); !r.ok()) return r.error();
  }
  return tx->Commit();
}

class PostgresStore final : public TablesStore<PgConnection, WorkflowTables, AccountTables> {
 public:
  explicit PostgresStore(PgConnection db) : TablesStore(std::move(db)) {}

  Result<ListVersion> AddListVersion(ListVersion version,
                                     const std::vector<lists::ListEntry>& entries,
                                     const ChangeStamp& stamp) override {
    auto tx = workflow_.BeginAudited();
    if (!tx.ok()) return tx.error();
    version.entry_count = static_cast<std::int64_t>(entries.size());
    auto inserted =
        db_.Exec(kInsertListVersion,
                 {version.feed, version.format, version.as_of.ToString(), version.imported_at,
                  version.file_name, version.sha256, std::to_string(version.entry_count)});
    if (!inserted.ok()) return inserted.error();
    version.id = inserted->Int(0, 0);

    // COPY: one round trip for the whole list instead of one per entry.
    std::string rows;
    const std::string version_id = std::to_string(version.id);
    std::int64_t seq = 0;
    for (const auto& entry : entries) {
      rows += version_id;
      rows += '\t';
      rows += std::to_string(seq++);
      for (const std::string* field : {&entry.list, &entry.entry_id, &entry.name}) {
        rows += '\t';
        AppendCopyField(rows, *field);
      }
      rows += '\t';
      AppendCopyField(rows, lists::ToJson(entry).dump());
      rows += '\n';
    }
    if (auto s = db_.CopyIn(kCopyListEntries, rows); !s.ok()) return s.error();
    if (auto a = workflow_.AppendAudit(ListImported(version, stamp)); !a.ok()) return a.error();
    if (auto s = tx->Commit(); !s.ok()) return s.error();
    return version;
  }

  Result<std::vector<ListVersion>> ListVersions(const std::optional<std::string>& feed) override {
    auto rows = db_.Exec(kSelectListVersions, {feed.value_or("")});
    if (!rows.ok()) return rows.error();
    std::vector<ListVersion> versions;
    for (int i = 0; i < rows->rows(); ++i) {
      auto v =
          DecodeVersionRow(rows->Int(i, 0), rows->Text(i, 1), rows->Text(i, 2), rows->Text(i, 3),
                           rows->Text(i, 4), rows->Text(i, 5), rows->Text(i, 6), rows->Int(i, 7));
      if (!v.ok()) return v.error();
      versions.push_back(std::move(v).value());
    }
    return versions;
  }

  Result<std::vector<lists::ListEntry>> LoadEntries(std::int64_t version_id) override {
    const std::string id = std::to_string(version_id);
    auto count = db_.Exec(kCountListVersion, {id});
    if (!count.ok()) return count.error();
    if (count->Int(0, 0) == 0) return UnknownVersion(version_id);
    auto rows = db_.Exec(kSelectListEntries, {id});
    if (!rows.ok()) return rows.error();
    std::vector<lists::ListEntry> entries;
    entries.reserve(static_cast<std::size_t>(rows->rows()));
    for (int i = 0; i < rows->rows(); ++i) {
      auto entry = DecodeStoredEntry(rows->Text(i, 0), version_id);
      if (!entry.ok()) return entry.error();
      entries.push_back(std::move(entry).value());
    }
    return entries;
  }

  Status AddLicense(const licensing::License& input, const ChangeStamp& stamp) override {
    auto validated = licensing::ValidateLicense(input);
    if (!validated.ok()) return validated.error();
    validated->created_by = stamp.actor;
    auto tx = workflow_.BeginAudited();
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
    auto tx = PgTransaction::Begin(db_);
    if (!tx.ok()) return tx.error();
    std::vector<std::int64_t> ids;
    for (const auto& r : records) {
      auto inserted =
          db_.Exec(kInsertDetermination, {r.transaction_date.ToString(), r.decision, r.request_json,
                                          r.result_json, r.requested_by});
      if (!inserted.ok()) return inserted.error();
      ids.push_back(inserted->Int(0, 0));
    }
    if (auto s = tx->Commit(); !s.ok()) return s.error();
    return ids;
  }

  Result<std::vector<DeterminationRecord>> ListDeterminations() override {
    auto rows = db_.Exec(kSelectDeterminations, {});
    if (!rows.ok()) return rows.error();
    std::vector<DeterminationRecord> records;
    for (int i = 0; i < rows->rows(); ++i) {
      auto r = DecodeDeterminationRow(rows->Int(i, 0), rows->Text(i, 1), rows->Text(i, 2),
                                      rows->Text(i, 3), rows->Text(i, 4), rows->Text(i, 5),
                                      rows->Text(i, 6));
      if (!r.ok()) return r.error();
      records.push_back(std::move(r).value());
    }
    return records;
  }
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url) {
  auto db = PgConnection::Open(url);
  if (!db.ok()) return db.error();
  if (auto s = Migrate(*db); !s.ok()) return s.error();
  return std::unique_ptr<Store>(std::make_unique<PostgresStore>(std::move(db).value()));
}

}  // namespace tollgate::storage::postgres
