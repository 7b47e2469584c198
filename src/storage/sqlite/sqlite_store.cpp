#include "storage/sqlite/sqlite_store.h"

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "storage/sqlite/schema.h"
#include "storage/sqlite/sqlite_accounts.h"
#include "storage/sqlite/sqlite_handle.h"
#include "storage/sqlite/sqlite_workflow.h"
#include "storage/stored_applications.h"
#include "storage/stored_licenses.h"
#include "storage/stored_rows.h"

namespace tollgate::storage::sqlite {
namespace {

Status Migrate(Connection& db) {
  if (auto s = db.Exec(kCreateMigrationsTable); !s.ok()) return s;
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
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

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Connection db)
      : db_(std::move(db)), workflow_(db_), accounts_(db_, workflow_) {}

  Result<ListVersion> AddListVersion(ListVersion version,
                                     const std::vector<lists::ListEntry>& entries) override {
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

  Status AddLicense(const licensing::License& input) override {
    auto validated = licensing::ValidateLicense(input);
    if (!validated.ok()) return validated.error();
    const licensing::License& license = *validated;
    auto tx = Transaction::Begin(db_);
    if (!tx.ok()) return tx.error();
    auto count = db_.Prepare(kCountLicense);
    if (!count.ok()) return count.error();
    if (auto row = count->Bind(1, license.number).Step(); !row.ok()) return row.error();
    if (count->Int(0) != 0) return LicenseExists(license.number);
    auto insert = db_.Prepare(kInsertLicense);
    if (!insert.ok()) return insert.error();
    auto s = insert->Bind(1, license.number)
                 .Bind(2, license.holder)
                 .Bind(3, licensing::FoldPartyName(license.holder))
                 .Bind(4, license.destination)
                 .Bind(5, license.valid_from.ToString())
                 .Bind(6, license.valid_until.ToString())
                 .Bind(7, licensing::LicenseStatusName(license.status))
                 .Bind(8, license.issued_on)
                 .Bind(9, ConditionsJson(license))
                 .Run();
    if (!s.ok()) return s;
    auto party = db_.Prepare(kInsertLicenseParty);
    if (!party.ok()) return party.error();
    std::int64_t seq = 0;
    for (const auto& p : license.parties) {
      auto st = party->Bind(1, license.number)
                    .Bind(2, seq++)
                    .Bind(3, rules::PartyRoleName(p.role))
                    .Bind(4, p.name)
                    .Bind(5, p.country)
                    .Run();
      if (!st.ok()) return st;
      party->Reset();
    }
    auto item = db_.Prepare(kInsertLicenseItem);
    if (!item.ok()) return item.error();
    seq = 0;
    for (const auto& i : license.items) {
      auto st = item->Bind(1, license.number)
                    .Bind(2, seq++)
                    .Bind(3, i.eccn)
                    .Bind(4, i.description)
                    .Bind(5, AmountText(i.quantity))
                    .Bind(6, AmountText(i.value_usd))
                    .Bind(7, AmountText(i.remaining_quantity))
                    .Bind(8, AmountText(i.remaining_value_usd))
                    .Run();
      if (!st.ok()) return st;
      item->Reset();
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
      auto r = DecodeDeterminationRow(select->Int(0), select->Text(1), select->Text(2),
                                      select->Text(3), select->Text(4), select->Text(5));
      if (!r.ok()) return r.error();
      records.push_back(std::move(r).value());
    }
    return records;
  }

  // The licensing workflow (sqlite_workflow.cpp).
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
    auto select = db_.Prepare(kSelectLicenses);
    if (!select.ok()) return select.error();
    select->Bind(1, number).Bind(2, holder_folded);
    std::vector<StoredLicenseRow> rows;
    for (;;) {
      auto row = select->Step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      rows.push_back({select->Text(0), select->Text(1), select->Text(2), select->Text(3),
                      select->Text(4), select->Text(5), select->Text(6), select->Text(7)});
    }
    std::vector<licensing::License> licenses;
    for (const auto& row : rows) {
      auto parties_select = db_.Prepare(kSelectLicenseParties);
      if (!parties_select.ok()) return parties_select.error();
      parties_select->Bind(1, row.number);
      std::vector<StoredPartyRow> parties;
      for (;;) {
        auto r = parties_select->Step();
        if (!r.ok()) return r.error();
        if (!*r) break;
        parties.push_back(
            {parties_select->Text(0), parties_select->Text(1), parties_select->Text(2)});
      }
      auto items_select = db_.Prepare(kSelectLicenseItems);
      if (!items_select.ok()) return items_select.error();
      items_select->Bind(1, row.number);
      std::vector<StoredItemRow> items;
      for (;;) {
        auto r = items_select->Step();
        if (!r.ok()) return r.error();
        if (!*r) break;
        items.push_back({items_select->Text(0), items_select->Text(1), items_select->Text(2),
                         items_select->Text(3), items_select->Text(4), items_select->Text(5)});
      }
      auto license = DecodeLicense(row, parties, items);
      if (!license.ok()) return license.error();
      licenses.push_back(std::move(license).value());
    }
    return licenses;
  }

  Connection db_;
  WorkflowTables workflow_;
  AccountTables accounts_;
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
