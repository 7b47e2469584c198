// The PostgreSQL schema as numbered migrations, the same tables as the SQLite schema
// (storage/sqlite/schema.h) in PostgreSQL's types. Applied in order on open, under an
// advisory lock so two servers starting at once do not both migrate.
#pragma once

#include <array>
#include <string_view>

namespace tollgate::storage::postgres {

inline constexpr std::array<std::string_view, 8> kMigrations = {
    // 1: restricted-list versions and their entries (canonical JSON bodies).
    R"sql(
CREATE TABLE list_versions (
  id          BIGSERIAL PRIMARY KEY,
  feed        TEXT   NOT NULL,
  format      TEXT   NOT NULL,
  as_of       DATE   NOT NULL,
  imported_at TEXT   NOT NULL,
  file_name   TEXT   NOT NULL,
  sha256      TEXT   NOT NULL,
  entry_count BIGINT NOT NULL
);
CREATE INDEX list_versions_by_feed ON list_versions(feed, as_of, id);
CREATE TABLE list_entries (
  version_id BIGINT NOT NULL REFERENCES list_versions(id),
  seq        BIGINT NOT NULL,
  list       TEXT   NOT NULL,
  entry_id   TEXT   NOT NULL,
  name       TEXT   NOT NULL,
  body       TEXT   NOT NULL,
  PRIMARY KEY (version_id, seq)
);
)sql",
    // 2: licenses, their parties and items, and determinations (as in SQLite's 2).
    R"sql(
CREATE TABLE licenses (
  number        TEXT PRIMARY KEY,
  holder        TEXT NOT NULL,
  holder_folded TEXT NOT NULL,
  destination   TEXT NOT NULL,
  valid_from    DATE NOT NULL,
  valid_until   DATE NOT NULL,
  status        TEXT NOT NULL,
  issued_on     TEXT NOT NULL,
  conditions    TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX licenses_by_holder ON licenses(holder_folded, number);
CREATE TABLE license_parties (
  license_number TEXT   NOT NULL REFERENCES licenses(number),
  seq            BIGINT NOT NULL,
  role           TEXT   NOT NULL,
  name           TEXT   NOT NULL,
  country        TEXT   NOT NULL,
  PRIMARY KEY (license_number, seq)
);
CREATE TABLE license_items (
  license_number      TEXT   NOT NULL REFERENCES licenses(number),
  seq                 BIGINT NOT NULL,
  eccn                TEXT   NOT NULL,
  description         TEXT   NOT NULL,
  quantity            BIGINT,
  value_usd           BIGINT,
  remaining_quantity  BIGINT,
  remaining_value_usd BIGINT,
  PRIMARY KEY (license_number, seq)
);
CREATE TABLE determinations (
  id               BIGSERIAL PRIMARY KEY,
  recorded_at      TEXT NOT NULL,
  transaction_date DATE NOT NULL,
  decision         TEXT NOT NULL,
  request          TEXT NOT NULL,
  result           TEXT NOT NULL
);
)sql",
    // 3: the licensing workflow (as in SQLite's 3). The trigger keeps audit records
    // append-only (part 762).
    R"sql(
CREATE TABLE organizations (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE users (
  name         TEXT PRIMARY KEY,
  role         TEXT NOT NULL,
  organization TEXT REFERENCES organizations(id),
  agency       TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE TABLE control_numbers (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  last TEXT    NOT NULL
);
INSERT INTO control_numbers(id, last) VALUES (1, '');
CREATE TABLE applications (
  id             BIGSERIAL PRIMARY KEY,
  control_number TEXT UNIQUE,
  organization   TEXT   NOT NULL REFERENCES organizations(id),
  state          TEXT   NOT NULL,
  version        BIGINT NOT NULL,
  registered_on  DATE,
  updated_at     TEXT   NOT NULL,
  body           TEXT   NOT NULL
);
CREATE INDEX applications_by_organization ON applications(organization, id);
CREATE INDEX applications_by_state ON applications(state, id);
CREATE TABLE application_events (
  application_id BIGINT NOT NULL REFERENCES applications(id),
  seq            BIGINT NOT NULL,
  on_date        DATE   NOT NULL,
  recorded_at    TEXT   NOT NULL,
  event          TEXT   NOT NULL,
  from_state     TEXT   NOT NULL,
  to_state       TEXT   NOT NULL,
  body           TEXT   NOT NULL,
  PRIMARY KEY (application_id, seq)
);
CREATE TABLE audit_log (
  sequence      BIGINT PRIMARY KEY,
  timestamp     TEXT NOT NULL,
  actor         TEXT NOT NULL,
  action        TEXT NOT NULL,
  subject       TEXT NOT NULL,
  before        TEXT NOT NULL,
  after         TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash          TEXT NOT NULL
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only (part 762)';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
)sql",
    // 4: licenses issued by the workflow, their shipments, general licenses and their
    // windows, screening matches of applications (as in SQLite's 4).
    R"sql(
ALTER TABLE licenses ADD COLUMN organization TEXT NOT NULL DEFAULT '';
ALTER TABLE licenses ADD COLUMN application TEXT NOT NULL DEFAULT '';
ALTER TABLE licenses ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
CREATE INDEX licenses_by_organization ON licenses(organization, number);
CREATE INDEX licenses_by_application ON licenses(application);
CREATE TABLE license_shipments (
  license_number TEXT   NOT NULL REFERENCES licenses(number),
  seq            BIGINT NOT NULL,
  shipped_on     DATE   NOT NULL,
  recorded_at    TEXT   NOT NULL,
  body           TEXT   NOT NULL,
  PRIMARY KEY (license_number, seq)
);
CREATE TABLE general_licenses (
  id                  TEXT PRIMARY KEY,
  name                TEXT   NOT NULL,
  definition          TEXT   NOT NULL,
  revoked_from        TEXT   NOT NULL,
  revocation_citation TEXT   NOT NULL,
  version             BIGINT NOT NULL,
  updated_at          TEXT   NOT NULL
);
CREATE TABLE general_license_windows (
  general_license TEXT   NOT NULL REFERENCES general_licenses(id),
  seq             BIGINT NOT NULL,
  window_id       TEXT   NOT NULL,
  valid_from      DATE   NOT NULL,
  valid_until     DATE   NOT NULL,
  body            TEXT   NOT NULL,
  PRIMARY KEY (general_license, seq)
);
CREATE TABLE application_screening_matches (
  application_id BIGINT  NOT NULL REFERENCES applications(id),
  seq            BIGINT  NOT NULL,
  screened_on    DATE    NOT NULL,
  reason         TEXT    NOT NULL,
  match_key      TEXT    NOT NULL,
  body           TEXT    NOT NULL,
  PRIMARY KEY (application_id, seq),
  UNIQUE (application_id, match_key)
);
)sql",
    // 5: the server's accounts: password hashes (PBKDF2, accounts/credentials.h), API
    // tokens and browser sessions, each kept only as a SHA-256 digest of the secret.
    // Sessions live here, not in a server's memory, so several servers can share them.
    R"sql(
CREATE TABLE user_passwords (
  user_name     TEXT PRIMARY KEY REFERENCES users(name),
  password_hash TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE TABLE api_tokens (
  digest     TEXT PRIMARY KEY,
  user_name  TEXT NOT NULL REFERENCES users(name),
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX api_tokens_by_user ON api_tokens(user_name);
CREATE TABLE sessions (
  digest     TEXT PRIMARY KEY,
  user_name  TEXT NOT NULL REFERENCES users(name),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);
)sql",
    // 6: who did it (as in SQLite's 6): who put a license in the store, who asked for a
    // recorded determination.
    R"sql(
ALTER TABLE licenses ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE determinations ADD COLUMN requested_by TEXT NOT NULL DEFAULT '';
)sql",
    // 7: accounts an operator can run (issue 13): a user can be disabled (sessions and
    // tokens refused at once, on every server of the database, since each request
    // reads them here); a password set by an administrator is one-time (must_change);
    // failed logins are counted per user and per client address so that guessing
    // backs off, on every server alike.
    R"sql(
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE user_passwords ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0;
CREATE TABLE login_failures (
  login_key    TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL,
  last_failure TEXT    NOT NULL
);
)sql",
    // 8: TRUNCATE fires no row trigger, so audit_log_append_only let `TRUNCATE
    // audit_log` empty the log (part 762): a statement trigger refuses it too.
    R"sql(
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
)sql",
};

// Any constant: the key of the advisory lock that serializes migrations.
inline constexpr std::string_view kLockMigrations = "SELECT pg_advisory_xact_lock(7302019)";
inline constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())";
inline constexpr std::string_view kSelectSchemaVersion =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
inline constexpr std::string_view kInsertMigration =
    "INSERT INTO schema_migrations(version) VALUES ($1)";

inline constexpr std::string_view kInsertListVersion =
    "INSERT INTO list_versions(feed, format, as_of, imported_at, file_name, sha256, "
    "entry_count) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
inline constexpr std::string_view kCopyListEntries =
    "COPY list_entries(version_id, seq, list, entry_id, name, body) FROM STDIN";
inline constexpr std::string_view kSelectListVersions =
    "SELECT id, feed, format, to_char(as_of, 'YYYY-MM-DD'), imported_at, file_name, sha256, "
    "entry_count FROM list_versions WHERE ($1 = '' OR feed = $1) ORDER BY id";
inline constexpr std::string_view kSelectListEntries =
    "SELECT body FROM list_entries WHERE version_id = $1 ORDER BY seq";
inline constexpr std::string_view kCountListVersion =
    "SELECT COUNT(*) FROM list_versions WHERE id = $1";

// Amounts travel as text, '' for none (NULLIF makes that NULL; NULL reads back as '').
inline constexpr std::string_view kCountLicense = "SELECT COUNT(*) FROM licenses WHERE number = $1";
inline constexpr std::string_view kInsertLicense =
    "INSERT INTO licenses(number, holder, holder_folded, destination, valid_from, valid_until, "
    "status, issued_on, conditions, organization, application, created_by) VALUES ($1, $2, $3, "
    "$4, $5, $6, $7, $8, $9, $10, $11, $12)";
inline constexpr std::string_view kInsertLicenseParty =
    "INSERT INTO license_parties(license_number, seq, role, name, country) "
    "VALUES ($1, $2, $3, $4, $5)";
inline constexpr std::string_view kInsertLicenseItem =
    "INSERT INTO license_items(license_number, seq, eccn, description, quantity, value_usd, "
    "remaining_quantity, remaining_value_usd) VALUES ($1, $2, $3, $4, NULLIF($5, '')::BIGINT, "
    "NULLIF($6, '')::BIGINT, NULLIF($7, '')::BIGINT, NULLIF($8, '')::BIGINT)";
inline constexpr std::string_view kSelectLicenses =
    "SELECT number, holder, destination, to_char(valid_from, 'YYYY-MM-DD'), "
    "to_char(valid_until, 'YYYY-MM-DD'), status, issued_on, conditions, organization, "
    "application, created_by FROM licenses WHERE ($1 = '' OR number = $1) AND ($2 = '' OR "
    "holder_folded = "
    "$2) AND ($3 = '' OR organization = $3) AND ($4 = '' OR application = $4) ORDER BY number";
inline constexpr std::string_view kSelectLicenseParties =
    "SELECT role, name, country FROM license_parties WHERE license_number = $1 ORDER BY seq";
inline constexpr std::string_view kSelectLicenseItems =
    "SELECT eccn, description, quantity, value_usd, remaining_quantity, remaining_value_usd "
    "FROM license_items WHERE license_number = $1 ORDER BY seq";

inline constexpr std::string_view kInsertDetermination =
    "INSERT INTO determinations(recorded_at, transaction_date, decision, request, result, "
    "requested_by) VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
    "$1, $2, $3, $4, $5) RETURNING id";
inline constexpr std::string_view kSelectDeterminations =
    "SELECT id, recorded_at, to_char(transaction_date, 'YYYY-MM-DD'), decision, request, result, "
    "requested_by FROM determinations ORDER BY id";

}  // namespace tollgate::storage::postgres
