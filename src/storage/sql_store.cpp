#include "storage/sql_store.h"

#include <nlohmann/json.hpp>

#include "storage/migrations.h"
#include "storage/queries.h"
#include "storage/stored_licenses.h"
#include "storage/stored_rows.h"

namespace tollgate::storage {

Result<std::unique_ptr<Store>> OpenSqlStore(std::unique_ptr<sql::Driver> driver) {
  if (auto s = Migrate(*driver); !s.ok()) return s.error();
  return std::unique_ptr<Store>(std::make_unique<SqlStore>(std::move(driver)));
}

// ---- Units of work: the transaction stays open until the unit ends; the
// transactions of the calls made meanwhile become savepoints inside it. It takes the
// audit lock first, as every audited write does, so units never wait on each other in
// a cycle.

Status SqlStore::BeginUnit() {
  auto unit = BeginAudited();
  if (!unit.ok()) return unit.error();
  units_.push_back(std::move(unit).value());
  return {};
}

Status SqlStore::CommitUnit() {
  if (units_.empty()) return MakeError(ErrorCode::kInternal, "no unit of work to commit");
  Status committed = units_.back().Commit();
  units_.pop_back();  // rolled back by its destructor when the commit failed
  return committed;
}

void SqlStore::RollbackUnit() {
  if (!units_.empty()) units_.pop_back();
}

// ---- Helpers of every audited write ----

Result<sql::Transaction> SqlStore::BeginAudited() {
  auto tx = Begin();
  if (!tx.ok()) return tx.error();
  if (auto lock = db_->Run(q::kLockAudit); !lock.ok()) return lock.error();
  return tx;
}

Status SqlStore::AppendAudit(audit::Entry entry) {
  auto sequence = AppendAuditAt(std::move(entry));
  if (!sequence.ok()) return sequence.error();
  return {};
}

Result<std::int64_t> SqlStore::AppendAuditAt(audit::Entry entry) {
  auto head = db_->Run(q::kSelectAuditHead);
  if (!head.ok()) return head.error();
  audit::Record last;
  const bool any = !head->empty();
  if (any) {
    last.sequence = head->Int(0, 0);
    last.hash = head->Text(0, 1);
  }
  auto record = audit::Chain(any ? &last : nullptr, std::move(entry));
  if (!record.ok()) return record.error();
  auto inserted =
      db_->Run(q::kInsertAudit,
               {record->sequence, record->timestamp, record->actor, record->action, record->subject,
                record->before.dump(), record->after.dump(), record->previous_hash, record->hash});
  if (!inserted.ok()) return inserted.error();
  return record->sequence;
}

Result<bool> SqlStore::Exists(const sql::Query& count_query, const std::string& key) {
  auto count = db_->Run(count_query, {key});
  if (!count.ok()) return count.error();
  return count->Int(0, 0) != 0;
}

// ---- Restricted lists ----

Result<ListVersion> SqlStore::AddListVersion(ListVersion version,
                                             const std::vector<lists::ListEntry>& entries,
                                             const ChangeStamp& stamp) {
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  version.entry_count = static_cast<std::int64_t>(entries.size());
  auto inserted =
      db_->Run(q::kInsertListVersion,
               {version.feed, version.format, version.as_of.ToString(), version.imported_at,
                version.file_name, version.sha256, version.entry_count});
  if (!inserted.ok()) return inserted.error();
  version.id = inserted->Int(0, 0);
  std::vector<sql::Params> rows;
  rows.reserve(entries.size());
  std::int64_t seq = 0;
  for (const auto& entry : entries) {
    rows.push_back(
        {version.id, seq++, entry.list, entry.entry_id, entry.name, lists::ToJson(entry).dump()});
  }
  if (auto s = db_->InsertMany(q::kInsertListEntries, rows); !s.ok()) return s.error();
  if (auto a = AppendAudit(ListImported(version, stamp)); !a.ok()) return a.error();
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return version;
}

Result<std::vector<ListVersion>> SqlStore::ListVersions(const std::optional<std::string>& feed) {
  auto rows = db_->Run(q::kSelectListVersions, {feed.value_or("")});
  if (!rows.ok()) return rows.error();
  std::vector<ListVersion> versions;
  for (int i = 0; i < rows->size(); ++i) {
    auto v =
        DecodeVersionRow(rows->Int(i, 0), rows->Take(i, 1), rows->Take(i, 2), rows->Text(i, 3),
                         rows->Take(i, 4), rows->Take(i, 5), rows->Take(i, 6), rows->Int(i, 7));
    if (!v.ok()) return v.error();
    versions.push_back(std::move(v).value());
  }
  return versions;
}

Result<std::vector<lists::ListEntry>> SqlStore::LoadEntries(std::int64_t version_id) {
  auto count = db_->Run(q::kCountListVersion, {version_id});
  if (!count.ok()) return count.error();
  if (count->Int(0, 0) == 0) return UnknownVersion(version_id);
  auto rows = db_->Run(q::kSelectListEntries, {version_id});
  if (!rows.ok()) return rows.error();
  std::vector<lists::ListEntry> entries;
  entries.reserve(static_cast<std::size_t>(rows->size()));
  for (int i = 0; i < rows->size(); ++i) {
    auto entry = DecodeStoredEntry(rows->Text(i, 0), version_id);
    if (!entry.ok()) return entry.error();
    entries.push_back(std::move(entry).value());
  }
  return entries;
}

// ---- Licenses registered by hand ----

Status SqlStore::AddLicense(const licensing::License& input, const ChangeStamp& stamp) {
  auto validated = licensing::ValidateLicense(input);
  if (!validated.ok()) return validated.error();
  validated->created_by = stamp.actor;
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  if (auto s = InsertLicense(*validated); !s.ok()) return s;
  if (auto a = AppendAudit(LicenseAdded(*validated, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<licensing::License> SqlStore::GetLicense(const std::string& number) {
  auto found = SelectLicenses(number, "", {});
  if (!found.ok()) return found.error();
  if (found->empty()) return UnknownLicense(number);
  return std::move(found->front());
}

Result<std::vector<licensing::License>> SqlStore::ListLicenses(
    const std::optional<std::string>& holder) {
  return SelectLicenses("", holder ? licensing::FoldPartyName(*holder) : "", {});
}

// ---- Determinations ----

Result<std::vector<std::int64_t>> SqlStore::RecordDeterminations(
    const std::vector<DeterminationRecord>& records) {
  std::vector<sql::Params> rows;
  rows.reserve(records.size());
  for (const auto& r : records) {
    rows.push_back(
        {r.transaction_date.ToString(), r.decision, r.request_json, r.result_json, r.requested_by});
  }
  // All or none, each table in one round trip on PostgreSQL: a server's group commit
  // (history/group_commit.h) answers its requests only after this returns.
  auto tx = Begin();
  if (!tx.ok()) return tx.error();
  auto inserted = db_->RunEach(q::kInsertDetermination, rows);
  if (!inserted.ok()) return inserted.error();
  std::vector<std::int64_t> ids;
  ids.reserve(inserted->size());
  for (const auto& row : *inserted) ids.push_back(row.Int(0, 0));
  // What the history is filtered by (migration 11), beside the record.
  std::vector<sql::Params> facts;
  facts.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    facts.push_back({ids[i], records[i].organization, JoinFoldedParties(records[i].parties)});
  }
  if (auto f = db_->RunEach(q::kInsertDeterminationFacts, facts); !f.ok()) return f.error();
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return ids;
}

Result<std::vector<DeterminationRecord>> SqlStore::ListDeterminations() {
  auto rows = db_->Run(q::kSelectDeterminations);
  if (!rows.ok()) return rows.error();
  std::vector<DeterminationRecord> records;
  for (int i = 0; i < rows->size(); ++i) {
    auto r = DecodeDeterminationRow(rows->Int(i, 0), rows->Take(i, 1), rows->Text(i, 2),
                                    rows->Take(i, 3), rows->Take(i, 4), rows->Take(i, 5),
                                    rows->Take(i, 6));
    if (!r.ok()) return r.error();
    records.push_back(std::move(r).value());
  }
  return records;
}

}  // namespace tollgate::storage
