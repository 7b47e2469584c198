// The one implementation of storage::Store, over the thin SQL layer (storage/sql/):
// every table, audited write and read is written here once, and runs on SQLite and on
// PostgreSQL alike through a sql::Driver and the named queries of storage/queries.h.
// Its methods are spread over sql_store.cpp (lists, licenses, determinations, units),
// sql_workflow.cpp, sql_licenses.cpp, sql_general_licenses.cpp, sql_screening.cpp,
// sql_accounts.cpp, sql_parties.cpp, sql_alerts.cpp, sql_history.cpp and
// audit_guards.cpp. Semantics: storage::Store.
//
// Concurrency: audited writes are serialized so the audit chain never forks. On SQLite
// every transaction takes the write lock at BEGIN IMMEDIATE; on PostgreSQL an audited
// transaction first takes the advisory lock q::kLockAudit, and the reads that decide a
// write lock their rows (FOR UPDATE).
//
// Thread-safety: as Store (one store per thread: it holds its own connection).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "storage/sql/driver.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

// Opens the store over an open driver, applying pending migrations first.
Result<std::unique_ptr<Store>> OpenSqlStore(std::unique_ptr<sql::Driver> driver);

class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<sql::Driver> driver) : db_(std::move(driver)) {}

  Status BeginUnit() override;
  Status CommitUnit() override;
  void RollbackUnit() override;

  Result<ListVersion> AddListVersion(ListVersion version,
                                     const std::vector<lists::ListEntry>& entries,
                                     const ChangeStamp& stamp) override;
  Result<std::vector<ListVersion>> ListVersions(const std::optional<std::string>& feed) override;
  Result<std::vector<lists::ListEntry>> LoadEntries(std::int64_t version_id) override;

  Status AddLicense(const licensing::License& input, const ChangeStamp& stamp) override;
  Result<licensing::License> GetLicense(const std::string& number) override;
  Result<std::vector<licensing::License>> ListLicenses(
      const std::optional<std::string>& holder) override;

  Result<std::vector<std::int64_t>> RecordDeterminations(
      const std::vector<DeterminationRecord>& records) override;
  Result<std::vector<DeterminationRecord>> ListDeterminations() override;

  // sql_history.cpp
  Result<std::vector<std::int64_t>> RecordScreenings(
      const std::vector<ScreeningRecord>& records) override;
  Result<std::vector<ScreeningRecord>> FindScreenings(const HistoryFilter& filter) override;
  Result<std::vector<DeterminationRecord>> FindDeterminations(const HistoryFilter& filter) override;
  Result<PruneCount> PruneHistory(const std::string& cutoff, const std::string& reason,
                                  const ChangeStamp& stamp) override;

  // sql_workflow.cpp
  Status AddOrganization(const licensing::Organization& organization,
                         const ChangeStamp& stamp) override;
  Result<std::vector<licensing::Organization>> ListOrganizations() override;
  Status AddUser(const licensing::User& user, const ChangeStamp& stamp) override;
  Result<licensing::User> GetUser(const std::string& name) override;
  Result<licensing::ControlNumber> IssueControlNumber() override;
  Result<licensing::Application> CreateApplication(licensing::Application draft,
                                                   const ChangeStamp& stamp) override;
  Result<licensing::Application> RecordTransition(licensing::Application after,
                                                  const licensing::Event& event, Date on,
                                                  const std::string& timestamp) override;
  Result<licensing::Application> GetApplication(std::int64_t id) override;
  Result<licensing::Application> FindApplication(const std::string& control_number) override;
  Result<std::vector<licensing::Application>> ListApplications(
      const ApplicationFilter& filter) override;
  Result<std::vector<TimelineEntry>> Timeline(std::int64_t application_id) override;
  Result<std::vector<TimelineEntry>> AllTimelines() override;
  Result<std::vector<audit::Record>> AuditLog() override;
  // audit_guards.cpp
  Result<std::vector<std::string>> AuditGuardProblems() override;

  // sql_accounts.cpp
  Status SetPasswordHash(const std::string& user, const std::string& password_hash,
                         bool must_change, const ChangeStamp& stamp) override;
  Result<StoredPassword> Password(const std::string& user) override;
  Result<std::vector<licensing::User>> ListUsers() override;
  Result<std::vector<UserAccount>> ListAccounts() override;
  Status SetUserDisabled(const std::string& user, bool disabled, const ChangeStamp& stamp) override;
  Status ChangeUserRole(const licensing::User& after, const ChangeStamp& stamp) override;
  Status AddApiToken(const ApiTokenRecord& token, const ChangeStamp& stamp) override;
  Result<std::vector<ApiTokenInfo>> ListApiTokens(const std::string& user) override;
  Status RevokeApiToken(const std::string& user, const std::string& id,
                        const ChangeStamp& stamp) override;
  Result<std::int64_t> AddLoginFailure(const std::string& key, const std::string& at,
                                       const std::string& restart_before) override;
  Result<LoginFailures> LoginFailuresOf(const std::string& key) override;
  Status ClearLoginFailures(const std::string& key) override;
  Result<licensing::User> UserForToken(const std::string& digest) override;
  Status AddSession(const SessionRecord& session) override;
  Result<SessionRecord> FindSession(const std::string& digest) override;
  Status DeleteSession(const std::string& digest) override;

  // sql_licenses.cpp
  Result<Approval> RecordApproval(licensing::Application after, const licensing::Event& event,
                                  Date on, const std::string& timestamp,
                                  licensing::License license) override;
  Result<std::vector<licensing::License>> FindLicenses(const LicenseFilter& filter) override;
  Result<licensing::License> RecordShipment(licensing::Shipment shipment,
                                            const ChangeStamp& stamp) override;
  Result<std::vector<licensing::Shipment>> Shipments(const std::string& license_number) override;

  // sql_general_licenses.cpp
  Status AddGeneralLicenses(const std::vector<GeneralLicenseRecord>& records,
                            const std::string& action, const ChangeStamp& stamp) override;
  Result<GeneralLicenseRecord> UpdateGeneralLicense(GeneralLicenseRecord after,
                                                    const std::string& action,
                                                    const ChangeStamp& stamp) override;
  Result<std::vector<GeneralLicenseRecord>> ListGeneralLicenses() override;

  // sql_screening.cpp
  Result<std::vector<ScreeningMatchRecord>> RecordScreening(
      std::int64_t application_id, std::vector<ScreeningMatchRecord> matches,
      const ChangeStamp& stamp) override;
  Result<std::vector<ScreeningMatchRecord>> ScreeningMatches(std::int64_t application_id) override;

  // sql_parties.cpp
  Result<PartyUpsert> UpsertParties(const std::string& organization,
                                    std::vector<parties::Party> given,
                                    const ChangeStamp& stamp) override;
  Result<std::vector<parties::Party>> ListParties(const std::string& organization) override;
  Result<parties::PartyPage> ListPartyPage(const parties::PageFilter& filter) override;
  Result<parties::Party> GetParty(const std::string& organization,
                                  const std::string& external_id) override;
  Status RemoveParty(const std::string& organization, const std::string& external_id,
                     const ChangeStamp& stamp) override;
  Result<std::int64_t> PartyMasterRevision() override;
  Result<std::vector<parties::PartyNames>> AllPartyNames() override;
  Result<std::vector<parties::Party>> PartiesById(const std::vector<std::int64_t>& ids) override;
  Result<std::vector<audit::PartyVersion>> PartyVersions() override;
  Result<std::vector<audit::PartyVersion>> PartyRowHashes() override;

  // sql_alerts.cpp
  Result<std::vector<alerts::Alert>> WriteAlerts(std::vector<AlertWrite> writes,
                                                 const ChangeStamp& stamp) override;
  Result<alerts::Alert> GetAlert(std::int64_t id) override;
  Result<alerts::Page> ListAlerts(const alerts::Filter& filter) override;
  Result<std::vector<alerts::Alert>> AlertsOnEntries(
      const std::vector<std::pair<std::string, std::string>>& entries) override;
  Result<std::vector<alerts::Alert>> AlertsOfParty(std::int64_t party_id) override;
  Result<std::vector<alerts::Alert>> DecidedAlerts(const std::string& organization) override;
  Result<std::int64_t> AlertDecisionRevision(const std::string& organization) override;
  Result<std::string> AlertSetting(const std::string& key) override;
  Status SetAlertSetting(const std::string& key, const std::string& value) override;

  // sql_webhooks.cpp
  Result<webhooks::Webhook> AddWebhook(webhooks::Webhook webhook,
                                       const ChangeStamp& stamp) override;
  Result<std::vector<webhooks::Webhook>> ListWebhooks(const std::string& organization) override;
  Status RemoveWebhook(const std::string& organization, std::int64_t id,
                       const ChangeStamp& stamp) override;
  Result<std::int64_t> EnqueueWebhookEvent(const std::string& organization,
                                           const std::string& event_id,
                                           const std::string& event_type,
                                           const std::string& payload,
                                           const std::string& timestamp) override;
  Result<std::vector<ClaimedDelivery>> ClaimDueDeliveries(const std::string& now,
                                                          const std::string& lease_until,
                                                          std::int64_t limit) override;
  Status RecordDeliveryOutcome(const webhooks::Delivery& delivery) override;
  Result<std::vector<webhooks::Delivery>> ListDeliveries(
      const std::string& organization, std::optional<webhooks::DeliveryState> state,
      std::int64_t limit) override;
  Status RedeliverDelivery(const std::string& organization, std::int64_t id,
                           const ChangeStamp& stamp) override;

 private:
  // Alerts as a query of TOLLGATE_ALERT_COLUMNS gives them.
  Result<std::vector<alerts::Alert>> ReadAlerts(const sql::Query& query, const sql::Params& params);
  // A transaction (a savepoint inside a unit of work).
  Result<sql::Transaction> Begin() { return sql::Transaction::Begin(*db_); }
  // A transaction for an audited write: it holds the audit lock (q::kLockAudit).
  Result<sql::Transaction> BeginAudited();
  // Chains `entry` after the last audit record; inside the caller's transaction.
  Status AppendAudit(audit::Entry entry);
  // The same, answering the new record's sequence number.
  Result<std::int64_t> AppendAuditAt(audit::Entry entry);
  // Whether `count_query` counts any row for `key`.
  Result<bool> Exists(const sql::Query& count_query, const std::string& key);

  // UpsertParties' writes (sql_parties.cpp), inside its audited transaction. Many
  // parties: inserted and updated in blocks (one statement reused on SQLite, COPY and
  // one pipeline on PostgreSQL), each one's version added to `versions`, the ids and
  // revisions set as stored; their one audit record is the caller's.
  Status InsertPartiesInBulk(const std::string& organization, std::vector<parties::Party>& added,
                             std::vector<audit::PartyVersion>& versions);
  Status UpdatePartiesInBulk(std::vector<parties::Party>& changed,
                             const std::vector<const parties::Party*>& before,
                             std::vector<audit::PartyVersion>& versions);
  // The one party of `written` (added, or changed from changed_from[0]) with its own
  // audit record and version.
  Status WriteOneParty(const std::string& organization, PartyUpsert& written,
                       const std::vector<const parties::Party*>& changed_from,
                       const ChangeStamp& stamp);
  // The versions vouched for by the audit record `audit_sequence` (migration 16).
  Status InsertPartyVersions(std::int64_t audit_sequence,
                             const std::vector<audit::PartyVersion>& versions);
  // Inserts a validated license with its parties and items; inside the caller's
  // transaction. kConflict when the number exists, kNotFound for an unknown organization.
  Status InsertLicense(const licensing::License& license);
  // Licenses by number; "" (or an unset filter field) does not filter.
  Result<std::vector<licensing::License>> SelectLicenses(const std::string& number,
                                                         const std::string& holder_folded,
                                                         const LicenseFilter& filter);
  // RecordTransition's writes, inside the caller's audited transaction.
  Result<licensing::Application> WriteTransition(licensing::Application after,
                                                 const licensing::Event& event, Date on,
                                                 const std::string& timestamp);
  Result<std::vector<licensing::Application>> ReadApplications(const sql::Query& query,
                                                               const sql::Params& params);
  Result<std::vector<TimelineEntry>> ReadTimeline(std::int64_t application_id);
  // Writes a general license's windows; inside the caller's transaction.
  Status InsertGeneralLicenseWindows(const GeneralLicenseRecord& record);
  // All, or the one with `id` (empty when unknown).
  Result<std::vector<GeneralLicenseRecord>> SelectGeneralLicenses(const std::string& id);
  // The organization's parties, or the one with `external_id` (empty when unknown).
  Result<std::vector<parties::Party>> SelectParties(const std::string& organization,
                                                    const std::string& external_id);
  // Ends every session of `user`; inside the caller's transaction.
  Status EndSessionsOf(const std::string& user);

  std::unique_ptr<sql::Driver> db_;
  std::vector<sql::Transaction> units_;  // open units of work, the outermost first
};

}  // namespace tollgate::storage
