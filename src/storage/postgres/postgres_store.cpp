#include "storage/postgres/postgres_store.h"

#include <nlohmann/json.hpp>

#include "storage/postgres/pg_handle.h"
#include "storage/postgres/postgres_accounts.h"
#include "storage/postgres/postgres_workflow.h"
#include "storage/postgres/schema.h"
#include "storage/stored_applications.h"
#include "storage/stored_licenses.h"
#include "storage/stored_rows.h"

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

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(PgConnection db)
      : db_(std::move(db)), workflow_(db_), accounts_(db_, workflow_) {}

  Result<ListVersion> AddListVersion(ListVersion version,
                                     const std::vector<lists::ListEntry>& entries) override {
    auto tx = PgTransaction::Begin(db_);
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

  Status AddLicense(const licensing::License& input) override {
    auto validated = licensing::ValidateLicense(input);
    if (!validated.ok()) return validated.error();
    const licensing::License& license = *validated;
    auto tx = PgTransaction::Begin(db_);
    if (!tx.ok()) return tx.error();
    auto count = db_.Exec(kCountLicense, {license.number});
    if (!count.ok()) return count.error();
    if (count->Int(0, 0) != 0) return LicenseExists(license.number);
    auto inserted = db_.Exec(
        kInsertLicense,
        {license.number, license.holder, licensing::FoldPartyName(license.holder),
         license.destination, license.valid_from.ToString(), license.valid_until.ToString(),
         licensing::LicenseStatusName(license.status), license.issued_on, ConditionsJson(license)});
    if (!inserted.ok()) return inserted.error();
    std::int64_t seq = 0;
    for (const auto& p : license.parties) {
      auto r = db_.Exec(kInsertLicenseParty, {license.number, std::to_string(seq++),
                                              rules::PartyRoleName(p.role), p.name, p.country});
      if (!r.ok()) return r.error();
    }
    seq = 0;
    for (const auto& i : license.items) {
      auto r = db_.Exec(kInsertLicenseItem,
                        {license.number, std::to_string(seq++), i.eccn, i.description,
                         AmountText(i.quantity), AmountText(i.value_usd),
                         AmountText(i.remaining_quantity), AmountText(i.remaining_value_usd)});
      if (!r.ok()) return r.error();
    }
    return tx->Commit();
  }

  Result<licensing::License> GetLicense(const std::string& number) override {
    auto found = SelectLicenses(number, "");
    if (!found.ok()) return found.error();
    if (found->empty()) return UnknownLicense(number);
    return std::move(found->front());
  }

  Result<std::vector<licensing::License>> ListLicenses(
      const std::optional<std::string>& holder) override {
    return SelectLicenses("", holder ? licensing::FoldPartyName(*holder) : "");
  }

  Result<std::vector<std::int64_t>> RecordDeterminations(
      const std::vector<DeterminationRecord>& records) override {
    auto tx = PgTransaction::Begin(db_);
    if (!tx.ok()) return tx.error();
    std::vector<std::int64_t> ids;
    for (const auto& r : records) {
      auto inserted = db_.Exec(kInsertDetermination, {r.transaction_date.ToString(), r.decision,
                                                      r.request_json, r.result_json});
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
                                      rows->Text(i, 3), rows->Text(i, 4), rows->Text(i, 5));
      if (!r.ok()) return r.error();
      records.push_back(std::move(r).value());
    }
    return records;
  }

  // The licensing workflow (postgres_workflow.cpp).
  Status AddOrganization(const licensing::Organization& organization,
                         const ChangeStamp& stamp) override {
    return workflow_.AddOrganization(organization, stamp);
  }
  Result<std::vector<licensing::Organization>> ListOrganizations() override {
    return workflow_.ListOrganizations();
  }
  Status AddUser(const licensing::User& user, const ChangeStamp& stamp) override {
    return workflow_.AddUser(user, stamp);
  }
  Result<licensing::User> GetUser(const std::string& name) override {
    return workflow_.GetUser(name);
  }
  Result<licensing::ControlNumber> IssueControlNumber() override {
    return workflow_.IssueControlNumber();
  }
  Result<licensing::Application> CreateApplication(licensing::Application draft,
                                                   const ChangeStamp& stamp) override {
    return workflow_.CreateApplication(std::move(draft), stamp);
  }
  Result<licensing::Application> RecordTransition(licensing::Application after,
                                                  const licensing::Event& event, Date on,
                                                  const std::string& timestamp) override {
    return workflow_.RecordTransition(std::move(after), event, on, timestamp);
  }
  Result<licensing::Application> GetApplication(std::int64_t id) override {
    return OneApplication(workflow_.SelectApplications(id, "", {}), "#" + std::to_string(id));
  }
  Result<licensing::Application> FindApplication(const std::string& control_number) override {
    if (control_number.empty()) return UnknownApplication("with an empty control number");
    return OneApplication(workflow_.SelectApplications(0, control_number, {}), control_number);
  }
  Result<std::vector<licensing::Application>> ListApplications(
      const ApplicationFilter& filter) override {
    return workflow_.SelectApplications(0, "", filter);
  }
  Result<std::vector<TimelineEntry>> Timeline(std::int64_t application_id) override {
    if (auto known = GetApplication(application_id); !known.ok()) return known.error();
    return workflow_.Timeline(application_id);
  }
  Result<std::vector<TimelineEntry>> AllTimelines() override { return workflow_.AllTimelines(); }
  Result<std::vector<audit::Record>> AuditLog() override { return workflow_.AuditLog(); }

  Status SetPasswordHash(const std::string& user, const std::string& password_hash,
                         const ChangeStamp& stamp) override {
    return accounts_.SetPasswordHash(user, password_hash, stamp);
  }
  Result<std::string> PasswordHash(const std::string& user) override {
    return accounts_.PasswordHash(user);
  }
  Result<std::vector<licensing::User>> ListUsers() override { return accounts_.ListUsers(); }
  Status AddApiToken(const ApiTokenRecord& token, const ChangeStamp& stamp) override {
    return accounts_.AddApiToken(token, stamp);
  }
  Result<licensing::User> UserForToken(const std::string& digest) override {
    return accounts_.UserForToken(digest);
  }
  Status AddSession(const SessionRecord& session) override { return accounts_.AddSession(session); }
  Result<SessionRecord> FindSession(const std::string& digest) override {
    return accounts_.FindSession(digest);
  }
  Status DeleteSession(const std::string& digest) override {
    return accounts_.DeleteSession(digest);
  }

 private:
  Result<std::vector<licensing::License>> SelectLicenses(const std::string& number,
                                                         const std::string& holder_folded) {
    auto rows = db_.Exec(kSelectLicenses, {number, holder_folded});
    if (!rows.ok()) return rows.error();
    std::vector<licensing::License> licenses;
    for (int i = 0; i < rows->rows(); ++i) {
      StoredLicenseRow row{rows->Text(i, 0), rows->Text(i, 1), rows->Text(i, 2), rows->Text(i, 3),
                           rows->Text(i, 4), rows->Text(i, 5), rows->Text(i, 6), rows->Text(i, 7)};
      auto party_rows = db_.Exec(kSelectLicenseParties, {row.number});
      if (!party_rows.ok()) return party_rows.error();
      std::vector<StoredPartyRow> parties;
      for (int p = 0; p < party_rows->rows(); ++p) {
        parties.push_back({party_rows->Text(p, 0), party_rows->Text(p, 1), party_rows->Text(p, 2)});
      }
      auto item_rows = db_.Exec(kSelectLicenseItems, {row.number});
      if (!item_rows.ok()) return item_rows.error();
      std::vector<StoredItemRow> items;
      for (int k = 0; k < item_rows->rows(); ++k) {
        items.push_back({item_rows->Text(k, 0), item_rows->Text(k, 1), item_rows->Text(k, 2),
                         item_rows->Text(k, 3), item_rows->Text(k, 4), item_rows->Text(k, 5)});
      }
      auto license = DecodeLicense(row, parties, items);
      if (!license.ok()) return license.error();
      licenses.push_back(std::move(license).value());
    }
    return licenses;
  }

  PgConnection db_;
  WorkflowTables workflow_;
  AccountTables accounts_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url) {
  auto db = PgConnection::Open(url);
  if (!db.ok()) return db.error();
  if (auto s = Migrate(*db); !s.ok()) return s.error();
  return std::unique_ptr<Store>(std::make_unique<PostgresStore>(std::move(db).value()));
}

}  // namespace tollgate::storage::postgres
