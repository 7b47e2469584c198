// SqlStore's general licenses (15 CFR 744 Supp. 7 for the Huawei TGL) with their
// windows (tables: migration 4).
#include <nlohmann/json.hpp>

#include "storage/queries.h"
#include "storage/sql_store.h"
#include "storage/stored_general_licenses.h"

namespace tollgate::storage {

Status SqlStore::InsertGeneralLicenseWindows(const GeneralLicenseRecord& record) {
  std::int64_t seq = 0;
  for (const auto& w : record.windows) {
    auto r = db_->Run(q::kInsertGeneralLicenseWindow,
                      {record.id, ++seq, w.id, w.from.ToString(), w.to.ToString(), w.body.dump()});
    if (!r.ok()) return r.error();
  }
  return {};
}

Status SqlStore::AddGeneralLicenses(const std::vector<GeneralLicenseRecord>& records,
                                    const std::string& action, const ChangeStamp& stamp) {
  for (const auto& record : records) {
    if (auto s = CheckGeneralLicense(record); !s.ok()) return s;
  }
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  for (auto record : records) {
    auto exists = Exists(q::kCountGeneralLicense, record.id);
    if (!exists.ok()) return exists.error();
    if (*exists) return GeneralLicenseExists(record.id);
    auto inserted = db_->Run(q::kInsertGeneralLicense,
                             {record.id, record.name, record.definition.dump(),
                              record.revoked_from ? record.revoked_from->ToString() : "",
                              record.revocation_citation, stamp.timestamp});
    if (!inserted.ok()) return inserted.error();
    if (auto w = InsertGeneralLicenseWindows(record); !w.ok()) return w;
    record.version = 1;
    if (auto a = AppendAudit(GeneralLicenseChanged(nullptr, record, action, stamp)); !a.ok()) {
      return a;
    }
  }
  return tx->Commit();
}

Result<GeneralLicenseRecord> SqlStore::UpdateGeneralLicense(GeneralLicenseRecord after,
                                                            const std::string& action,
                                                            const ChangeStamp& stamp) {
  if (auto s = CheckGeneralLicense(after); !s.ok()) return s.error();
  // The write lock (SQLite) or the audit lock (PostgreSQL) serializes audited writes, so
  // the version read below stays current.
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto stored = SelectGeneralLicenses(after.id);
  if (!stored.ok()) return stored.error();
  if (stored->empty()) return UnknownGeneralLicense(after.id);
  const GeneralLicenseRecord before = stored->front();
  if (before.version != after.version) {
    return StaleGeneralLicense(after.id, before.version, after.version);
  }
  auto updated =
      db_->Run(q::kUpdateGeneralLicense,
               {after.id, after.version, after.revoked_from ? after.revoked_from->ToString() : "",
                after.revocation_citation, stamp.timestamp});
  if (!updated.ok()) return updated.error();
  if (updated->size() != 1) return StaleGeneralLicense(after.id, before.version, after.version);
  if (auto r = db_->Run(q::kDeleteGeneralLicenseWindows, {after.id}); !r.ok()) return r.error();
  if (auto w = InsertGeneralLicenseWindows(after); !w.ok()) return w.error();
  after.version = before.version + 1;
  after.name = before.name;
  after.definition = before.definition;
  if (auto a = AppendAudit(GeneralLicenseChanged(&before, after, action, stamp)); !a.ok()) {
    return a.error();
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return after;
}

Result<std::vector<GeneralLicenseRecord>> SqlStore::ListGeneralLicenses() {
  return SelectGeneralLicenses("");
}

Result<std::vector<GeneralLicenseRecord>> SqlStore::SelectGeneralLicenses(const std::string& id) {
  auto rows = db_->Run(q::kSelectGeneralLicenses, {id});
  if (!rows.ok()) return rows.error();
  std::vector<GeneralLicenseRecord> records;
  for (int i = 0; i < rows->size(); ++i) {
    StoredGeneralLicenseRow row{rows->Take(i, 0), rows->Take(i, 1), rows->Take(i, 2),
                                rows->Take(i, 3), rows->Take(i, 4), rows->Int(i, 5)};
    auto window_rows = db_->Run(q::kSelectGeneralLicenseWindows, {row.id});
    if (!window_rows.ok()) return window_rows.error();
    std::vector<StoredWindowRow> windows;
    for (int w = 0; w < window_rows->size(); ++w) {
      windows.push_back({window_rows->Take(w, 0), window_rows->Take(w, 1), window_rows->Take(w, 2),
                         window_rows->Take(w, 3)});
    }
    auto record = DecodeGeneralLicense(row, windows);
    if (!record.ok()) return record.error();
    records.push_back(std::move(record).value());
  }
  return records;
}

}  // namespace tollgate::storage
