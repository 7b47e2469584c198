// Store: the durable state of Tollgate behind one interface. The SQLite backend is the
// embedded default (a file under var/); other backends implement the same interface.
// It holds restricted-list versions, the licenses exporters hold (registered by hand
// or issued on approval) and the shipments drawing them down, general licenses with
// their windows, the record of determinations made, and the licensing workflow:
// organizations, users, license applications with their timelines and screening
// matches, and the hash-chained audit log.
//
// Every change to an organization, a user, an application, an issued license, a
// shipment or a general license is written with its audit record in one transaction:
// both or neither. Audited writes are serialized, so the audit chain never forks.
// Applications, licenses (shipments) and general licenses use optimistic concurrency:
// a change based on a version that is no longer current fails with kConflict and
// changes nothing.
//
// Thread-safety: one Store per thread (each holds its own connection); the database
// serializes writers.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/alerts/alert.h"
#include "tollgate/audit/party_digest.h"
#include "tollgate/audit/record.h"
#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/licensing/application.h"
#include "tollgate/licensing/control_number.h"
#include "tollgate/licensing/license.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/licensing/shipment.h"
#include "tollgate/licensing/state_machine.h"
#include "tollgate/lists/entry.h"
#include "tollgate/parties/party.h"
#include "tollgate/parties/party_page.h"
#include "tollgate/storage/history_records.h"
#include "tollgate/webhooks/webhook.h"

namespace tollgate::storage {

// One import of one file: a new version of its feed. Older versions stay.
struct ListVersion {
  std::int64_t id = 0;      // increasing per store
  std::string feed;         // "csl", "ofac-sdn", ... (lists/format.h FeedOf)
  std::string format;       // the format name it was read with
  Date as_of;               // the date from which this version is in force
  std::string imported_at;  // UTC timestamp "YYYY-MM-DDTHH:MM:SSZ"
  std::string file_name;    // base name of the main file
  std::string sha256;       // of the file; for a set (OFAC), of its files' digests
  std::int64_t entry_count = 0;
};

// One determination as recorded (part 762: screening results and the reasoning are
// export records). The request and result are the CLI's JSON forms.
struct DeterminationRecord {
  std::int64_t id = 0;      // assigned by the store
  std::string recorded_at;  // UTC timestamp, assigned by the store
  Date transaction_date;
  std::string decision;  // "NO_LICENSE_REQUIRED", ..., "PROHIBITED"
  // Who asked: licensing::Describe of the user ("applicant msft-exports"), or
  // "operator" for the CLI run without --as by whoever holds the database.
  std::string requested_by;
  std::string request_json;
  std::string result_json;
  // What the history is filtered by (issue 15, item 6): the asker's organization ("" for
  // none: the CLI's operator, a reviewer) and the names of the transaction's parties.
  // Written with the record; read back as stored ("" and none for a determination
  // recorded before migration 11).
  std::string organization;
  std::vector<std::string> parties;
};

// Who makes an audited change, and when.
struct ChangeStamp {
  std::string actor;      // licensing::Describe(actor): "reviewer officer-1"
  std::string timestamp;  // licensing::Clock::Timestamp(): "2019-11-20T14:00:00Z"
};

// Which licenses FindLicenses returns; unset fields do not filter.
struct LicenseFilter {
  std::optional<std::string> organization;  // only this organization's
  std::optional<std::string> application;   // only the one issued on this application
};

// An approval as recorded: the application after it and the license it issued.
struct Approval {
  licensing::Application application;
  licensing::License license;
};

// A general license as stored (15 CFR 744 Supp. 7 for the Huawei TGL): its definition
// in the form of data/rules/general_licenses.json, its windows in the order they were
// issued (the original and each extension, each with its citation), and a revocation
// that ends it from a date. Expiry is no state: it is the last window ending.
struct GeneralLicenseWindowRecord {
  std::string id;  // "initial", "extension_1", ...
  Date from;
  Date to;              // inclusive
  nlohmann::json body;  // as in the rules data: id, from, to, supersedes, citation, ...
  bool operator==(const GeneralLicenseWindowRecord&) const = default;
};
struct GeneralLicenseRecord {
  std::string id;  // "huawei_tgl"
  std::string name;
  nlohmann::json definition;  // as in the rules data, without "windows"
  std::vector<GeneralLicenseWindowRecord> windows;
  std::optional<Date> revoked_from;  // no authorization from this date on
  std::string revocation_citation;
  std::int64_t version = 0;  // the store's optimistic-concurrency counter
  bool operator==(const GeneralLicenseRecord&) const = default;
};

// A screening match recorded with an application (issue 4: every party is screened at
// submission and again when a list changes; part 762 keeps screening results).
struct ScreeningMatchRecord {
  std::int64_t seq = 0;  // 1, 2, ... per application; assigned by the store
  Date screened_on;      // the date whose lists were screened against
  std::string reason;    // "submission", "lists import EL as of 2019-05-16", ...
  std::string role;      // the party's role on the form ("ultimate_consignee", ...)
  std::string party;     // the name as on the form
  std::string list;      // "EL", "DPL", ...
  std::string entry_id;
  nlohmann::json detail;  // the match as rules::ToJson(ScreeningHit) shows it
  bool operator==(const ScreeningMatchRecord&) const = default;
};

struct ApplicationFilter {
  std::optional<std::string> organization;  // only this organization's
  std::optional<licensing::ApplicationState> state;
};

// One step in an application's life, as recorded with the change.
struct TimelineEntry {
  std::int64_t seq = 0;  // 1, 2, ... per application
  Date on;               // the date the step counts as taken (statutory clocks)
  std::string recorded_at;
  licensing::ApplicationState from = licensing::ApplicationState::kDraft;
  licensing::ApplicationState to = licensing::ApplicationState::kDraft;
  licensing::Event event;
  std::int64_t application_id = 0;  // whose timeline it belongs to
};

// An API token as stored: the SHA-256 of the secret (accounts/credentials.h), never
// the secret itself.
struct ApiTokenRecord {
  std::string digest;
  std::string user;
  std::string name;  // what the token is for: "order-system"
  std::string created_at;
};

// A browser session as stored: the digest of the cookie's id, whose user, and the
// CSRF token the session's non-GET requests must echo.
struct SessionRecord {
  std::string digest;
  licensing::User user;  // on write only `user.name` is read
  std::string csrf_token;
  std::string created_at;  // UTC "YYYY-MM-DDTHH:MM:SSZ"
  std::string expires_at;  // same form; compares as text
};

// A stored password: its hash, whether it was set by an administrator (one-time:
// the user must choose a new one at the next login), and whether the user is disabled.
struct StoredPassword {
  std::string hash;
  bool must_change = false;
  bool user_disabled = false;
};

// A user as the administration sees the account.
struct UserAccount {
  licensing::User user;
  bool disabled = false;  // sessions and tokens refused, login refused
  bool has_password = false;
  bool must_change_password = false;
  std::int64_t token_count = 0;
};

// An API token as listed: `id` is the first 12 hex digits of its digest (what the
// audit log names it by), never the secret.
struct ApiTokenInfo {
  std::string id;
  std::string name;
  std::string created_at;
};

// What UpsertParties wrote: the parties added and changed as stored (ids, revisions),
// and how many were given unchanged.
struct PartyUpsert {
  std::vector<parties::Party> added;
  std::vector<parties::Party> changed;
  std::int64_t unchanged = 0;
};

// One write of an alert (alerts/alert.h) with its audit record: `alert.id` 0 inserts it
// (skipped when its (party, list, entry) is stored: another process opened it first);
// otherwise it replaces the stored alert whose version is `alert.version`. `action` is
// the audit record's ("alert.open", "alert.reopen", "alert.close", "alert.decide",
// "alert.assign", "alert.rescreen"); the record holds the alert before and after.
struct AlertWrite {
  alerts::Alert alert;
  std::string action;
  std::optional<alerts::Alert> before;  // for the audit record of an update
};

// A delivery taken to be sent, with the webhook it goes to (its URL and secret).
struct ClaimedDelivery {
  webhooks::Delivery delivery;
  webhooks::Webhook webhook;
};

// Failed logins counted under one key ("user NAME" or "address A.B.C.D").
struct LoginFailures {
  std::int64_t failures = 0;
  std::string last_failure;  // UTC timestamp, "" when none
};

class Store {
 public:
  virtual ~Store() = default;

  // ---- Units of work (storage/unit_of_work.h): one use case, one transaction ----

  // Opens a transaction that the following calls join (each of their own transactions
  // becomes a savepoint inside it) until CommitUnit or RollbackUnit; units nest. It
  // takes the write lock at once (SQLite BEGIN IMMEDIATE; on PostgreSQL the lock that
  // serializes audited writes), so what a use case reads inside it stays current until
  // it commits. Use UnitOfWork rather than these three.
  virtual Status BeginUnit() = 0;
  virtual Status CommitUnit() = 0;  // kInternal when no unit is open
  virtual void RollbackUnit() = 0;  // nothing when no unit is open

  // Stores a version and all its entries with its audit record ("list.import", by
  // `stamp.actor`) in one transaction: all or nothing.
  virtual Result<ListVersion> AddListVersion(ListVersion version,
                                             const std::vector<lists::ListEntry>& entries,
                                             const ChangeStamp& stamp) = 0;
  // All versions, oldest first; only `feed`'s when given.
  virtual Result<std::vector<ListVersion>> ListVersions(
      const std::optional<std::string>& feed = std::nullopt) = 0;
  virtual Result<std::vector<lists::ListEntry>> LoadEntries(std::int64_t version_id) = 0;

  // Licenses (licensing/license.h). AddLicense validates and stores one license with
  // its parties and items, who registered it (`stamp.actor`, kept as the license's
  // created_by) and its audit record ("license.add"), in one transaction; kConflict
  // when the number exists.
  virtual Status AddLicense(const licensing::License& license, const ChangeStamp& stamp) = 0;
  virtual Result<licensing::License> GetLicense(const std::string& number) = 0;  // kNotFound
  // All licenses ordered by number; only those whose holder folds to the same name as
  // `holder` (licensing::FoldPartyName) when given.
  virtual Result<std::vector<licensing::License>> ListLicenses(
      const std::optional<std::string>& holder = std::nullopt) = 0;

  // Records determinations in one transaction (all or none) and returns their ids.
  virtual Result<std::vector<std::int64_t>> RecordDeterminations(
      const std::vector<DeterminationRecord>& records) = 0;
  virtual Result<std::vector<DeterminationRecord>> ListDeterminations() = 0;  // oldest first

  // ---- The history of answers (storage/history_records.h; issue 15, item 6) ----

  // Records screenings in one transaction (all or none) and returns their ids, as
  // RecordDeterminations: a batch of a group commit (history/group_commit.h).
  virtual Result<std::vector<std::int64_t>> RecordScreenings(
      const std::vector<ScreeningRecord>& records) = 0;
  // The records `filter` selects, newest first, at most filter.limit after filter.offset.
  virtual Result<std::vector<ScreeningRecord>> FindScreenings(const HistoryFilter& filter) = 0;
  virtual Result<std::vector<DeterminationRecord>> FindDeterminations(
      const HistoryFilter& filter) = 0;
  // Deletes the screenings and determinations recorded before `cutoff` (a UTC
  // timestamp) and appends the audit record "history.prune" (the cutoff, how many of
  // each, `reason`) by `stamp.actor`, in one transaction. The audit log itself is never
  // pruned (part 762; migration 8).
  virtual Result<PruneCount> PruneHistory(const std::string& cutoff, const std::string& reason,
                                          const ChangeStamp& stamp) = 0;

  // Organizations and users (licensing/organization.h), audited. kInvalidArgument
  // when invalid, kConflict when the id or name exists, kNotFound for a user's unknown
  // organization.
  virtual Status AddOrganization(const licensing::Organization& organization,
                                 const ChangeStamp& stamp) = 0;
  virtual Result<std::vector<licensing::Organization>> ListOrganizations() = 0;  // by id
  virtual Status AddUser(const licensing::User& user, const ChangeStamp& stamp) = 0;
  virtual Result<licensing::User> GetUser(const std::string& name) = 0;  // kNotFound

  // The next Application Control Number, never issued before (licensing/control_number.h).
  virtual Result<licensing::ControlNumber> IssueControlNumber() = 0;

  // Saves a new draft of a known organization, audited; returns it with its id and
  // version 1. kInvalidArgument unless it is a fresh draft (id 0, state draft, empty
  // review); kNotFound for an unknown organization.
  virtual Result<licensing::Application> CreateApplication(licensing::Application draft,
                                                           const ChangeStamp& stamp) = 0;
  // Records `event`, taken on `on`, which turned the stored application into `after`
  // (licensing::Apply): `after.version` is the version it was computed from. Writes
  // the application, its timeline entry and the audit record in one transaction and
  // returns `after` with its new version. kConflict when the stored version is no
  // longer `after.version` (someone else changed it first) or the control number is
  // taken; kNotFound for an unknown id.
  virtual Result<licensing::Application> RecordTransition(licensing::Application after,
                                                          const licensing::Event& event, Date on,
                                                          const std::string& timestamp) = 0;
  virtual Result<licensing::Application> GetApplication(std::int64_t id) = 0;  // kNotFound
  virtual Result<licensing::Application> FindApplication(
      const std::string& control_number) = 0;  // kNotFound
  // By id, oldest first.
  virtual Result<std::vector<licensing::Application>> ListApplications(
      const ApplicationFilter& filter = {}) = 0;
  virtual Result<std::vector<TimelineEntry>> Timeline(std::int64_t application_id) = 0;
  // Every application's timeline in one read, by application id then seq: what the
  // reports (reports/history.h) rebuild the past from.
  virtual Result<std::vector<TimelineEntry>> AllTimelines() = 0;

  // The whole audit log by sequence (Part 762: kept, never deleted by Tollgate).
  virtual Result<std::vector<audit::Record>> AuditLog() = 0;
  // What is missing of the triggers that make the audit log append-only (refusing
  // UPDATE and DELETE), one sentence each; empty when they are all in place. Someone
  // with the database's file or credentials can drop them: `audit verify` reports it.
  virtual Result<std::vector<std::string>> AuditGuardProblems() = 0;

  // Accounts: the server's credentials, kept in the store so that several server
  // processes sharing a database share them. Secrets are stored as hashes only.
  // Every change of an account is audited (without any hash) in its transaction;
  // kNotFound for an unknown user, kConflict for a token digest that exists.
  // SetPasswordHash also ends the user's sessions; `must_change` marks a one-time
  // password (set by an administrator).
  virtual Status SetPasswordHash(const std::string& user, const std::string& password_hash,
                                 bool must_change, const ChangeStamp& stamp) = 0;
  // kNotFound when the user is unknown or has no password.
  virtual Result<StoredPassword> Password(const std::string& user) = 0;
  virtual Result<std::vector<licensing::User>> ListUsers() = 0;  // by name
  virtual Result<std::vector<UserAccount>> ListAccounts() = 0;   // by name
  // Disabling ends the user's sessions; while disabled, the user's tokens and sessions
  // are unknown to UserForToken and FindSession. No change, no audit record.
  virtual Status SetUserDisabled(const std::string& user, bool disabled,
                                 const ChangeStamp& stamp) = 0;
  // Another role (with its organization or agency) for the user `after.name`:
  // kInvalidArgument as AddUser, kNotFound for an unknown user or organization.
  virtual Status ChangeUserRole(const licensing::User& after, const ChangeStamp& stamp) = 0;
  virtual Status AddApiToken(const ApiTokenRecord& token, const ChangeStamp& stamp) = 0;
  virtual Result<std::vector<ApiTokenInfo>> ListApiTokens(const std::string& user) = 0;
  // kNotFound when `user` has no token with that id.
  virtual Status RevokeApiToken(const std::string& user, const std::string& id,
                                const ChangeStamp& stamp) = 0;
  // The user a token digest belongs to; kNotFound for an unknown digest or a disabled user.
  virtual Result<licensing::User> UserForToken(const std::string& digest) = 0;
  // Stores a session and forgets those that expired before its creation.
  virtual Status AddSession(const SessionRecord& session) = 0;
  // kNotFound for an unknown digest or a disabled user (expiry is the caller's to judge).
  virtual Result<SessionRecord> FindSession(const std::string& digest) = 0;
  virtual Status DeleteSession(const std::string& digest) = 0;  // no error when absent
  // Failed logins (accounts/login_throttle.h): one more failure under `key` at `at`,
  // counted from 1 again when the last one was before `restart_before`; answers the
  // count. Atomic, so servers sharing the database count together.
  virtual Result<std::int64_t> AddLoginFailure(const std::string& key, const std::string& at,
                                               const std::string& restart_before) = 0;
  virtual Result<LoginFailures> LoginFailuresOf(const std::string& key) = 0;  // 0 when none
  virtual Status ClearLoginFailures(const std::string& key) = 0;
  // ---- Issued licenses and shipments (licensing/issue.h, licensing/shipment.h) ----

  // RecordTransition for an approval, which also issues `license`
  // (licensing::LicenseForApproval; its number empty): the application, its timeline
  // entry, the license with the next issued number ("D" and seven digits) and the
  // audit records of both, in one transaction. Fails as RecordTransition does, and
  // with kInvalidArgument when the license is invalid; nothing is written then.
  virtual Result<Approval> RecordApproval(licensing::Application after,
                                          const licensing::Event& event, Date on,
                                          const std::string& timestamp,
                                          licensing::License license) = 0;
  // Licenses matching `filter`, ordered by number.
  virtual Result<std::vector<licensing::License>> FindLicenses(const LicenseFilter& filter) = 0;
  // Records `shipment` against its license: draws the license down
  // (licensing::DrawDown), stores the shipment with the next seq and its audit record,
  // in one transaction; returns the license after it. kNotFound for an unknown license;
  // kInvalidArgument (nothing written) when DrawDown refuses; kConflict when the
  // license changed between the read and the write (optimistic concurrency).
  virtual Result<licensing::License> RecordShipment(licensing::Shipment shipment,
                                                    const ChangeStamp& stamp) = 0;
  // The shipments made under a license, oldest first (kNotFound for an unknown one).
  virtual Result<std::vector<licensing::Shipment>> Shipments(const std::string& license_number) = 0;

  // ---- General licenses (rules/stored_general_licenses.h) ----

  // Stores new general licenses with their windows and an audit record each
  // (`action`: "general_license.load" or "general_license.issue"), all or none, at
  // version 1. kConflict when an id is already stored.
  virtual Status AddGeneralLicenses(const std::vector<GeneralLicenseRecord>& records,
                                    const std::string& action, const ChangeStamp& stamp) = 0;
  // Replaces a stored general license's windows and revocation with `after`'s (an
  // extension, a revocation), audited as `action` with before and after, in one
  // transaction. kNotFound for an unknown id; kConflict when the stored version is no
  // longer `after.version`. Returns it with its new version.
  virtual Result<GeneralLicenseRecord> UpdateGeneralLicense(GeneralLicenseRecord after,
                                                            const std::string& action,
                                                            const ChangeStamp& stamp) = 0;
  // All stored general licenses, by id.
  virtual Result<std::vector<GeneralLicenseRecord>> ListGeneralLicenses() = 0;

  // ---- Screening of applications (rules::Engine::ScreenParties) ----

  // Records the matches of a screening of an application's parties that it does not
  // hold yet (the same role, party, list and entry), each with its audit record
  // ("application.screening_match"), in one transaction; returns those recorded.
  // kNotFound for an unknown application.
  virtual Result<std::vector<ScreeningMatchRecord>> RecordScreening(
      std::int64_t application_id, std::vector<ScreeningMatchRecord> matches,
      const ChangeStamp& stamp) = 0;
  // The matches recorded with an application, oldest first.
  virtual Result<std::vector<ScreeningMatchRecord>> ScreeningMatches(
      std::int64_t application_id) = 0;

  // ---- The party master (parties/party.h) ----

  // Adds or changes `organization`'s parties by external id, in one transaction: all or
  // none. One party given, its own audit record ("party.add", "party.change", with the
  // content hash of its row); more, one record for the import ("party.import": the
  // counts and the digest of the rows written, audit/party_digest.h); each row written
  // gets its version (PartyVersions). A party whose facts
  // are those stored (parties::SameContent) is left as it is, its screening included;
  // an added one gets a new id and revision 1, a changed one keeps its id and gets the
  // next revision; both are stored with the screening they carry. The parties must be
  // valid (parties::ValidateParty) and their external ids distinct: kInvalidArgument
  // otherwise; kNotFound for an unknown organization.
  virtual Result<PartyUpsert> UpsertParties(const std::string& organization,
                                            std::vector<parties::Party> parties,
                                            const ChangeStamp& stamp) = 0;
  // The organization's parties by external id.
  virtual Result<std::vector<parties::Party>> ListParties(const std::string& organization) = 0;
  // One page of the organization's parties (parties/party_page.h: ValidatePageFilter
  // first), each with its count of open alerts, and the counts of all pages.
  virtual Result<parties::PartyPage> ListPartyPage(const parties::PageFilter& filter) = 0;
  // kNotFound when the organization holds no party with that external id.
  virtual Result<parties::Party> GetParty(const std::string& organization,
                                          const std::string& external_id) = 0;
  // Removes a party with its audit record ("party.remove", the party as it was) and a
  // version of revision 0;
  // kNotFound as GetParty.
  virtual Status RemoveParty(const std::string& organization, const std::string& external_id,
                             const ChangeStamp& stamp) = 0;
  // A number that changes with every change of any party master (add, change, remove):
  // what a process keeping the parties in memory compares to know they are stale.
  virtual Result<std::int64_t> PartyMasterRevision() = 0;
  // Every party of every organization, by id, with its names alone: what continuous
  // screening's party index holds (alerts/rescreen.h).
  virtual Result<std::vector<parties::PartyNames>> AllPartyNames() = 0;
  // The parties with these ids, by id, without their stored screening (`screening` is
  // left empty: what a new screening of them needs is their facts). An id no party has
  // (removed since it was read) is skipped.
  virtual Result<std::vector<parties::Party>> PartiesById(const std::vector<std::int64_t>& ids) = 0;
  // What `audit verify` checks the party master against (audit/party_digest.h): every
  // party version recorded (migration 16), by audit sequence, organization and external
  // id; and every party row as it is now, by organization and external id, its content
  // hash recomputed from what the row holds (audit_sequence 0; a row that no longer
  // decodes has revision -1 and content hash "(damaged row)").
  virtual Result<std::vector<audit::PartyVersion>> PartyVersions() = 0;
  virtual Result<std::vector<audit::PartyVersion>> PartyRowHashes() = 0;

  // ---- Alerts (alerts/alert.h) ----

  // Each write with its audit record, in one transaction: all or none. Returns the
  // alerts written as stored (ids, versions); an insert skipped because its key is taken
  // is not among them. kConflict (nothing written) when an update's version is no
  // longer the stored one.
  virtual Result<std::vector<alerts::Alert>> WriteAlerts(std::vector<AlertWrite> writes,
                                                         const ChangeStamp& stamp) = 0;
  virtual Result<alerts::Alert> GetAlert(std::int64_t id) = 0;  // kNotFound
  // A page of the organization's alerts (alerts::ValidateFilter first).
  virtual Result<alerts::Page> ListAlerts(const alerts::Filter& filter) = 0;
  // Every alert on these (list, entry id) pairs, of any organization and state.
  virtual Result<std::vector<alerts::Alert>> AlertsOnEntries(
      const std::vector<std::pair<std::string, std::string>>& entries) = 0;
  // Every alert of the party with this store id, by id.
  virtual Result<std::vector<alerts::Alert>> AlertsOfParty(std::int64_t party_id) = 0;
  // The organization's decided alerts (true_match or false_positive standing), by id:
  // what its determinations apply (alerts/decisions.h).
  virtual Result<std::vector<alerts::Alert>> DecidedAlerts(const std::string& organization) = 0;
  // A number that changes whenever the organization's decided alerts do (0 before the
  // first): what a process keeping them in memory compares (alerts/decisions.h).
  virtual Result<std::int64_t> AlertDecisionRevision(const std::string& organization) = 0;
  // The continuous screening's own state by key; "" when unset. Not audited: it
  // records what the screening last ran with, not a decision.
  virtual Result<std::string> AlertSetting(const std::string& key) = 0;
  virtual Status SetAlertSetting(const std::string& key, const std::string& value) = 0;

  // ---- Webhooks and their outbox (webhooks/webhook.h) ----

  // Registers a webhook (valid URL, non-empty secret) with its audit record
  // ("webhook.add"; the secret is not in it); the stored webhook with its id.
  // kNotFound for an unknown organization, kInvalidArgument for a bad URL.
  virtual Result<webhooks::Webhook> AddWebhook(webhooks::Webhook webhook,
                                               const ChangeStamp& stamp) = 0;
  // The organization's webhooks, removed ones included, oldest first.
  virtual Result<std::vector<webhooks::Webhook>> ListWebhooks(const std::string& organization) = 0;
  // Marks a webhook removed and cancels its pending deliveries, with its audit record
  // ("webhook.remove", saying how many were cancelled). kNotFound when the organization
  // has no webhook `id` in use.
  virtual Status RemoveWebhook(const std::string& organization, std::int64_t id,
                               const ChangeStamp& stamp) = 0;
  // Puts one pending delivery of the event in the outbox for each of the organization's
  // webhooks in use, due at `timestamp`; inside the caller's unit of work when there is
  // one, so the event and its deliveries commit together. An event already queued for
  // a webhook (the same event id) is not queued twice. Returns the deliveries written.
  virtual Result<std::int64_t> EnqueueWebhookEvent(const std::string& organization,
                                                   const std::string& event_id,
                                                   const std::string& event_type,
                                                   const std::string& payload,
                                                   const std::string& timestamp) = 0;
  // Takes up to `limit` pending deliveries due at `now`: each is counted as an attempt
  // and not due again before `lease_until`, so another server does not send it too,
  // and one whose sender died is sent again after the lease.
  virtual Result<std::vector<ClaimedDelivery>> ClaimDueDeliveries(const std::string& now,
                                                                  const std::string& lease_until,
                                                                  std::int64_t limit) = 0;
  // The outcome of an attempt: state, attempts, when delivered (or ""), when to try
  // next, and the error (or ""). kNotFound for an unknown delivery.
  virtual Status RecordDeliveryOutcome(const webhooks::Delivery& delivery) = 0;
  // The organization's deliveries, newest first, optionally of one state; at most
  // `limit`.
  virtual Result<std::vector<webhooks::Delivery>> ListDeliveries(
      const std::string& organization, std::optional<webhooks::DeliveryState> state,
      std::int64_t limit) = 0;
  // Sends a failed delivery again from `timestamp`, its attempts counted afresh, with
  // an audit record ("webhook.redeliver"). kNotFound when the organization has no such
  // delivery; kRefused when it is not failed (a pending one is on its way,
  // a delivered one arrived).
  virtual Status RedeliverDelivery(const std::string& organization, std::int64_t id,
                                   const ChangeStamp& stamp) = 0;
};

// Opens (creating if needed, and migrating the schema) the store at `url`: a SQLite
// file path, or "sqlite:PATH". Fails with a message naming the path.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);
// Whether `url` names a PostgreSQL database (postgresql:// or postgres://).
bool IsPostgresUrl(std::string_view url);

}  // namespace tollgate::storage
