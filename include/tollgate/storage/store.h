// Store: the durable state of Tollgate behind one interface. The SQLite backend is the
// embedded default (a file under var/); other backends implement the same interface.
// It holds restricted-list versions, the licenses exporters hold, the record of
// determinations made, and the licensing workflow: organizations, users, license
// applications with their timelines, and the hash-chained audit log.
//
// Every change to an organization, a user or an application is written with its audit
// record in one transaction: both or neither. Audited writes are serialized, so the
// audit chain never forks. Applications use optimistic concurrency: a change based on
// a version that is no longer current fails with kConflict and changes nothing.
//
// Thread-safety: one Store per thread (each holds its own connection); the database
// serializes writers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/audit/record.h"
#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/licensing/application.h"
#include "tollgate/licensing/control_number.h"
#include "tollgate/licensing/license.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/licensing/state_machine.h"
#include "tollgate/lists/entry.h"

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
  std::string request_json;
  std::string result_json;
};

// Who makes an audited change, and when.
struct ChangeStamp {
  std::string actor;      // licensing::Describe(actor): "reviewer officer-1"
  std::string timestamp;  // licensing::Clock::Timestamp(): "2019-11-20T14:00:00Z"
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

class Store {
 public:
  virtual ~Store() = default;

  // Stores a version and all its entries in one transaction: all or nothing.
  virtual Result<ListVersion> AddListVersion(ListVersion version,
                                             const std::vector<lists::ListEntry>& entries) = 0;
  // All versions, oldest first; only `feed`'s when given.
  virtual Result<std::vector<ListVersion>> ListVersions(
      const std::optional<std::string>& feed = std::nullopt) = 0;
  virtual Result<std::vector<lists::ListEntry>> LoadEntries(std::int64_t version_id) = 0;

  // Licenses (licensing/license.h). AddLicense validates and stores one license with
  // its parties and items in one transaction; kConflict when the number exists.
  virtual Status AddLicense(const licensing::License& license) = 0;
  virtual Result<licensing::License> GetLicense(const std::string& number) = 0;  // kNotFound
  // All licenses ordered by number; only those whose holder folds to the same name as
  // `holder` (licensing::FoldPartyName) when given.
  virtual Result<std::vector<licensing::License>> ListLicenses(
      const std::optional<std::string>& holder = std::nullopt) = 0;

  // Records determinations in one transaction (all or none) and returns their ids.
  virtual Result<std::vector<std::int64_t>> RecordDeterminations(
      const std::vector<DeterminationRecord>& records) = 0;
  virtual Result<std::vector<DeterminationRecord>> ListDeterminations() = 0;  // oldest first

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

  // Accounts: the server's credentials, kept in the store so that several server
  // processes sharing a database share them. Secrets are stored as hashes only.
  // SetPasswordHash and AddApiToken are audited (without the hash); kNotFound for an
  // unknown user, kConflict for a token digest that exists.
  virtual Status SetPasswordHash(const std::string& user, const std::string& password_hash,
                                 const ChangeStamp& stamp) = 0;
  // The stored hash; kNotFound when the user is unknown or has no password.
  virtual Result<std::string> PasswordHash(const std::string& user) = 0;
  virtual Result<std::vector<licensing::User>> ListUsers() = 0;  // by name
  virtual Status AddApiToken(const ApiTokenRecord& token, const ChangeStamp& stamp) = 0;
  // The user a token digest belongs to; kNotFound for an unknown digest.
  virtual Result<licensing::User> UserForToken(const std::string& digest) = 0;
  // Stores a session and forgets those that expired before its creation.
  virtual Status AddSession(const SessionRecord& session) = 0;
  // kNotFound for an unknown digest (expiry is the caller's to judge).
  virtual Result<SessionRecord> FindSession(const std::string& digest) = 0;
  virtual Status DeleteSession(const std::string& digest) = 0;  // no error when absent
};

// Opens (creating if needed, and migrating the schema) the store at `url`: a SQLite
// file path, or "sqlite:PATH". Fails with a message naming the path.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace tollgate::storage
