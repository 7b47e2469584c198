// WorkflowTables' general licenses on SQLite (declared in sqlite_workflow.h).
#include "storage/sqlite/license_sql.h"
#include "storage/sqlite/sqlite_workflow.h"
#include "storage/stored_general_licenses.h"

namespace tollgate::storage::sqlite {

Status WorkflowTables::InsertGeneralLicenseWindows(const GeneralLicenseRecord& record) {
  auto insert = db_.Prepare(kInsertGeneralLicenseWindow);
  if (!insert.ok()) return insert.error();
  std::int64_t seq = 0;
  for (const auto& w : record.windows) {
    auto s = insert->Bind(1, record.id)
                 .Bind(2, ++seq)
                 .Bind(3, w.id)
                 .Bind(4, w.from.ToString())
                 .Bind(5, w.to.ToString())
                 .Bind(6, w.body.dump())
                 .Run();
    if (!s.ok()) return s;
    insert->Reset();
  }
  return {};
}

Status WorkflowTables::AddGeneralLicenses(const std::vector<GeneralLicenseRecord>& records,
                                          const std::string& action, const ChangeStamp& stamp) {
  for (const auto& record : records) {
    if (auto s = CheckGeneralLicense(record); !s.ok()) return s;
  }
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  for (auto record : records) {
    auto exists = Exists(kCountGeneralLicense, record.id);
    if (!exists.ok()) return exists.error();
    if (*exists) return GeneralLicenseExists(record.id);
    auto insert = db_.Prepare(kInsertGeneralLicense);
    if (!insert.ok()) return insert.error();
    auto s = insert->Bind(1, record.id)
                 .Bind(2, record.name)
                 .Bind(3, record.definition.dump())
                 .Bind(4, record.revoked_from ? record.revoked_from->ToString() : "")
                 .Bind(5, record.revocation_citation)
                 .Bind(6, stamp.timestamp)
                 .Run();
    if (!s.ok()) return s;
    if (auto w = InsertGeneralLicenseWindows(record); !w.ok()) return w;
    record.version = 1;
    if (auto a = AppendAudit(GeneralLicenseChanged(nullptr, record, action, stamp)); !a.ok()) {
      return a;
    }
  }
  return tx->Commit();
}

Result<GeneralLicenseRecord> WorkflowTables::UpdateGeneralLicense(GeneralLicenseRecord after,
                                                                  const std::string& action,
                                                                  const ChangeStamp& stamp) {
  if (auto s = CheckGeneralLicense(after); !s.ok()) return s.error();
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto stored = SelectGeneralLicenses(after.id);
  if (!stored.ok()) return stored.error();
  if (stored->empty()) return UnknownGeneralLicense(after.id);
  const GeneralLicenseRecord before = stored->front();
  if (before.version != after.version) {
    return StaleGeneralLicense(after.id, before.version, after.version);
  }
  auto update = db_.Prepare(kUpdateGeneralLicense);
  if (!update.ok()) return update.error();
  auto s = update->Bind(1, after.id)
               .Bind(2, after.version)
               .Bind(3, after.revoked_from ? after.revoked_from->ToString() : "")
               .Bind(4, after.revocation_citation)
               .Bind(5, stamp.timestamp)
               .Run();
  if (!s.ok()) return s.error();
  if (db_.Changes() != 1) return StaleGeneralLicense(after.id, before.version, after.version);
  auto remove = db_.Prepare(kDeleteGeneralLicenseWindows);
  if (!remove.ok()) return remove.error();
  if (auto r = remove->Bind(1, after.id).Run(); !r.ok()) return r.error();
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

Result<std::vector<GeneralLicenseRecord>> WorkflowTables::SelectGeneralLicenses(
    const std::string& id) {
  auto select = db_.Prepare(kSelectGeneralLicenses);
  if (!select.ok()) return select.error();
  select->Bind(1, id);
  std::vector<StoredGeneralLicenseRow> rows;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    rows.push_back({select->Text(0), select->Text(1), select->Text(2), select->Text(3),
                    select->Text(4), select->Int(5)});
  }
  std::vector<GeneralLicenseRecord> records;
  for (const auto& row : rows) {
    auto windows_select = db_.Prepare(kSelectGeneralLicenseWindows);
    if (!windows_select.ok()) return windows_select.error();
    windows_select->Bind(1, row.id);
    std::vector<StoredWindowRow> windows;
    for (;;) {
      auto r = windows_select->Step();
      if (!r.ok()) return r.error();
      if (!*r) break;
      windows.push_back({windows_select->Text(0), windows_select->Text(1), windows_select->Text(2),
                         windows_select->Text(3)});
    }
    auto record = DecodeGeneralLicense(row, windows);
    if (!record.ok()) return record.error();
    records.push_back(std::move(record).value());
  }
  return records;
}

}  // namespace tollgate::storage::sqlite
