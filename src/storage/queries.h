// Every statement the store runs, by name: one text where SQLite and PostgreSQL both
// accept it, a text per dialect only where they really differ. The differences, all
// here and in the migration files (src/storage/migrations/<dialect>/):
//   - dates: PostgreSQL stores DATE and TIMESTAMPTZ columns, read back with to_char;
//     SQLite stores the text itself;
//   - now(): strftime('%Y-%m-%dT%H:%M:%SZ', 'now') against now() AT TIME ZONE 'UTC';
//   - locks: SQLite's BEGIN IMMEDIATE holds the write lock for the whole transaction;
//     PostgreSQL takes row locks (FOR UPDATE) and a transaction-scoped advisory lock
//     that serializes audited writes (kLockAudit) and migrations (kLockMigrations);
//   - bulk insert: a reused INSERT on SQLite, COPY ... FROM STDIN on PostgreSQL;
//   - pattern matching: GLOB against a regular expression.
// An empty text: nothing to run in that dialect.
// Parameters are $1, $2, ... in both (storage/sql/driver.h). Timestamps of the
// workflow are the caller's (licensing::Clock), so replays record their own dates.
#pragma once

#include "storage/sql/driver.h"

namespace tollgate::storage::q {

using sql::PerDialect;
using sql::Shared;

// ---- Schema migrations (storage/migrate.cpp) ----

// Any constant: the key of the advisory lock that serializes migrations on PostgreSQL
// (SQLite: BEGIN IMMEDIATE already does).
inline constexpr sql::Query kLockMigrations =
    PerDialect("lock_migrations", "", "SELECT pg_advisory_xact_lock(7302019)");
inline constexpr sql::Query kCreateMigrationsTable =
    PerDialect("create_migrations_table",
               "CREATE TABLE IF NOT EXISTS schema_migrations ("
               "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
               "CREATE TABLE IF NOT EXISTS schema_migrations ("
               "version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
inline constexpr sql::Query kSelectSchemaVersion =
    Shared("select_schema_version", "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
inline constexpr sql::Query kInsertMigration =
    PerDialect("insert_migration",
               "INSERT INTO schema_migrations(version, applied_at) VALUES ($1, datetime('now'))",
               "INSERT INTO schema_migrations(version) VALUES ($1)");

// ---- Restricted lists ----

inline constexpr sql::Query kInsertListVersion =
    Shared("insert_list_version",
           "INSERT INTO list_versions(feed, format, as_of, imported_at, file_name, sha256, "
           "entry_count) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id");
inline constexpr sql::Query kInsertListEntries =
    PerDialect("insert_list_entries",
               "INSERT INTO list_entries(version_id, seq, list, entry_id, name, body) "
               "VALUES ($1, $2, $3, $4, $5, $6)",
               "COPY list_entries(version_id, seq, list, entry_id, name, body) FROM STDIN");
inline constexpr sql::Query kSelectListVersions = PerDialect(
    "select_list_versions",
    "SELECT id, feed, format, as_of, imported_at, file_name, sha256, entry_count "
    "FROM list_versions WHERE ($1 = '' OR feed = $1) ORDER BY id",
    "SELECT id, feed, format, to_char(as_of, 'YYYY-MM-DD'), imported_at, file_name, sha256, "
    "entry_count FROM list_versions WHERE ($1 = '' OR feed = $1) ORDER BY id");
inline constexpr sql::Query kSelectListEntries = Shared(
    "select_list_entries", "SELECT body FROM list_entries WHERE version_id = $1 ORDER BY seq");
inline constexpr sql::Query kCountListVersion =
    Shared("count_list_version", "SELECT COUNT(*) FROM list_versions WHERE id = $1");

// ---- Licenses (amounts travel as text, '' for none: NULLIF makes that NULL, and NULL
// reads back as '') ----

inline constexpr sql::Query kCountLicense =
    Shared("count_license", "SELECT COUNT(*) FROM licenses WHERE number = $1");
inline constexpr sql::Query kInsertLicense = PerDialect(
    "insert_license",
    "INSERT INTO licenses(number, holder, holder_folded, destination, valid_from, valid_until, "
    "status, issued_on, conditions, created_at, organization, application, created_by) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), $10, $11, $12)",
    "INSERT INTO licenses(number, holder, holder_folded, destination, valid_from, valid_until, "
    "status, issued_on, conditions, organization, application, created_by) VALUES ($1, $2, $3, "
    "$4, $5, $6, $7, $8, $9, $10, $11, $12)");
inline constexpr sql::Query kInsertLicenseParty =
    Shared("insert_license_party",
           "INSERT INTO license_parties(license_number, seq, role, name, country) "
           "VALUES ($1, $2, $3, $4, $5)");
inline constexpr sql::Query kInsertLicenseItem =
    Shared("insert_license_item",
           "INSERT INTO license_items(license_number, seq, eccn, description, quantity, "
           "value_usd, remaining_quantity, remaining_value_usd) VALUES ($1, $2, $3, $4, "
           "CAST(NULLIF($5, '') AS BIGINT), CAST(NULLIF($6, '') AS BIGINT), "
           "CAST(NULLIF($7, '') AS BIGINT), CAST(NULLIF($8, '') AS BIGINT))");
inline constexpr sql::Query kSelectLicenses = PerDialect(
    "select_licenses",
    "SELECT number, holder, destination, valid_from, valid_until, status, issued_on, conditions, "
    "organization, application, created_by FROM licenses WHERE ($1 = '' OR number = $1) AND "
    "($2 = '' OR holder_folded = $2) AND ($3 = '' OR organization = $3) AND "
    "($4 = '' OR application = $4) ORDER BY number",
    "SELECT number, holder, destination, to_char(valid_from, 'YYYY-MM-DD'), "
    "to_char(valid_until, 'YYYY-MM-DD'), status, issued_on, conditions, organization, "
    "application, created_by FROM licenses WHERE ($1 = '' OR number = $1) AND "
    "($2 = '' OR holder_folded = $2) AND ($3 = '' OR organization = $3) AND "
    "($4 = '' OR application = $4) ORDER BY number");
inline constexpr sql::Query kSelectLicenseParties =
    Shared("select_license_parties",
           "SELECT role, name, country FROM license_parties WHERE license_number = $1 "
           "ORDER BY seq");
inline constexpr sql::Query kSelectLicenseItems =
    Shared("select_license_items",
           "SELECT eccn, description, quantity, value_usd, remaining_quantity, "
           "remaining_value_usd FROM license_items WHERE license_number = $1 ORDER BY seq");
// The sequence of the highest license number issued by the workflow ("D0000042" -> 42).
inline constexpr sql::Query kSelectLastIssuedLicense =
    PerDialect("select_last_issued_license",
               "SELECT COALESCE(MAX(CAST(SUBSTR(number, 2) AS INTEGER)), 0) FROM licenses "
               "WHERE application <> '' AND number GLOB 'D[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'",
               "SELECT COALESCE(MAX(SUBSTRING(number FROM 2)::BIGINT), 0) FROM licenses "
               "WHERE application <> '' AND number ~ '^D[0-9]{7}$'");
// FOR UPDATE: a concurrent shipment on the same license waits here, then reads what
// the first one left (SQLite: the transaction holds the write lock already).
inline constexpr sql::Query kSelectLicenseVersion =
    PerDialect("select_license_version", "SELECT version FROM licenses WHERE number = $1",
               "SELECT version FROM licenses WHERE number = $1 FOR UPDATE");
// The version in the WHERE clause is the optimistic-concurrency check.
inline constexpr sql::Query kBumpLicenseVersion =
    Shared("bump_license_version",
           "UPDATE licenses SET version = version + 1 WHERE number = $1 AND version = $2 "
           "RETURNING version");
inline constexpr sql::Query kUpdateLicenseRemaining =
    Shared("update_license_remaining",
           "UPDATE license_items SET remaining_quantity = CAST(NULLIF($3, '') AS BIGINT), "
           "remaining_value_usd = CAST(NULLIF($4, '') AS BIGINT) "
           "WHERE license_number = $1 AND seq = $2");
inline constexpr sql::Query kNextShipmentSeq =
    Shared("next_shipment_seq",
           "SELECT COALESCE(MAX(seq), 0) + 1 FROM license_shipments WHERE license_number = $1");
inline constexpr sql::Query kInsertShipment =
    Shared("insert_shipment",
           "INSERT INTO license_shipments(license_number, seq, shipped_on, recorded_at, body) "
           "VALUES ($1, $2, $3, $4, $5)");
inline constexpr sql::Query kSelectShipments =
    Shared("select_shipments",
           "SELECT seq, body FROM license_shipments WHERE license_number = $1 ORDER BY seq");

// ---- Determinations (part 762 records) ----

inline constexpr sql::Query kInsertDetermination = PerDialect(
    "insert_determination",
    "INSERT INTO determinations(recorded_at, transaction_date, decision, request, result, "
    "requested_by) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), $1, $2, $3, $4, $5) "
    "RETURNING id",
    "INSERT INTO determinations(recorded_at, transaction_date, decision, request, result, "
    "requested_by) VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
    "$1, $2, $3, $4, $5) RETURNING id");
inline constexpr sql::Query kSelectDeterminations = PerDialect(
    "select_determinations",
    "SELECT id, recorded_at, transaction_date, decision, request, result, requested_by "
    "FROM determinations ORDER BY id",
    "SELECT id, recorded_at, to_char(transaction_date, 'YYYY-MM-DD'), decision, request, result, "
    "requested_by FROM determinations ORDER BY id");

// ---- The history of answers (migration 11; issue 15, item 6) ----

inline constexpr sql::Query kInsertDeterminationFacts =
    Shared("insert_determination_facts",
           "INSERT INTO determination_facts(determination_id, organization, parties_folded) "
           "VALUES ($1, $2, $3)");
// SQLite writes the rows without RETURNING and reads their ids after (the ids above the
// largest before; AUTOINCREMENT: ids only grow, the transaction keeps other writers
// out): RETURNING makes SQLite journal each row's pages in a statement journal when a
// savepoint is open (an import's), most of the writes of recording 100,000 screenings.
// PostgreSQL returns each id as it inserts. SQLite's recorded_at is $14, the batch's
// time read once (kSelectNowUtc): strftime in the statement formatted it again for
// every row, 1.4% of an import's CPU (BENCHMARKS.md, h21i).
inline constexpr sql::Query kInsertScreening = PerDialect(
    "insert_screening",
    "INSERT INTO screenings(recorded_at, requested_by, organization, channel, name, "
    "name_folded, country, type, as_of, threshold, outcome, top_score, lists, matches, "
    "version_set) VALUES ($14, $1, $2, $3, $4, $5, $6, $7, "
    "$8, CAST($9 AS REAL), $10, CAST($11 AS REAL), '', $12, $13)",
    "INSERT INTO screenings(recorded_at, requested_by, organization, channel, name, "
    "name_folded, country, type, as_of, threshold, outcome, top_score, lists, matches, "
    "version_set) VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
    "$1, $2, $3, $4, $5, $6, $7, $8, CAST($9 AS DOUBLE PRECISION), $10, "
    "CAST($11 AS DOUBLE PRECISION), '', $12, $13) RETURNING id");
// The list versions in force of screenings on record, once per distinct set (migration
// 18): added if its digest is new, then its id read.
inline constexpr sql::Query kInsertVersionSet =
    Shared("insert_version_set",
           "INSERT INTO screening_version_sets(digest, lists) VALUES ($1, $2) "
           "ON CONFLICT (digest) DO NOTHING");
inline constexpr sql::Query kSelectVersionSet =
    Shared("select_version_set", "SELECT id FROM screening_version_sets WHERE digest = $1");
// The time of a batch of screenings on SQLite, as the database's clock gives it.
inline constexpr sql::Query kSelectNowUtc =
    PerDialect("select_now_utc", "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", "");
inline constexpr sql::Query kSelectLargestScreeningId =
    Shared("select_largest_screening_id", "SELECT COALESCE(MAX(id), 0) FROM screenings");
inline constexpr sql::Query kSelectScreeningIdsAbove =
    Shared("select_screening_ids_above", "SELECT id FROM screenings WHERE id > $1 ORDER BY id");
// The filters of storage::HistoryFilter: $1 0 or 1 (filter by organization $2), then
// the folded party part, from, before and outcome ('' for any), the limit and offset;
// screenings also $9, the channel ('' for any).
// Scores travel as text: the driver binds integers and text only.
inline constexpr sql::Query kSelectScreenings =
    Shared("select_screenings",
           "SELECT id, recorded_at, requested_by, organization, channel, name, country, type, "
           "as_of, CAST(threshold AS TEXT), outcome, CAST(top_score AS TEXT), "
           "COALESCE((SELECT v.lists FROM screening_version_sets v "
           "WHERE v.id = screenings.version_set), screenings.lists), matches "
           "FROM screenings WHERE ($1 = 0 OR organization = $2) AND "
           "($3 = '' OR name_folded LIKE '%' || CAST($3 AS TEXT) || '%') AND "
           "($4 = '' OR recorded_at >= $4) AND ($5 = '' OR recorded_at < $5) AND "
           "($6 = '' OR outcome = $6) AND ($9 = '' OR channel = $9) "
           "ORDER BY id DESC LIMIT $7 OFFSET $8");
inline constexpr sql::Query kSelectFilteredDeterminations =
    PerDialect("select_filtered_determinations",
               "SELECT d.id, d.recorded_at, d.transaction_date, d.decision, d.request, d.result, "
               "d.requested_by, COALESCE(f.organization, ''), COALESCE(f.parties_folded, '') "
               "FROM determinations d LEFT JOIN determination_facts f ON f.determination_id = d.id "
               "WHERE ($1 = 0 OR f.organization = $2) AND "
               "($3 = '' OR f.parties_folded LIKE '%' || CAST($3 AS TEXT) || '%') AND "
               "($4 = '' OR d.recorded_at >= $4) AND ($5 = '' OR d.recorded_at < $5) AND "
               "($6 = '' OR d.decision = $6) ORDER BY d.id DESC LIMIT $7 OFFSET $8",
               "SELECT d.id, d.recorded_at, to_char(d.transaction_date, 'YYYY-MM-DD'), d.decision, "
               "d.request, d.result, d.requested_by, COALESCE(f.organization, ''), "
               "COALESCE(f.parties_folded, '') "
               "FROM determinations d LEFT JOIN determination_facts f ON f.determination_id = d.id "
               "WHERE ($1 = 0 OR f.organization = $2) AND "
               "($3 = '' OR f.parties_folded LIKE '%' || CAST($3 AS TEXT) || '%') AND "
               "($4 = '' OR d.recorded_at >= $4) AND ($5 = '' OR d.recorded_at < $5) AND "
               "($6 = '' OR d.decision = $6) ORDER BY d.id DESC LIMIT $7 OFFSET $8");
inline constexpr sql::Query kCountScreeningsBefore =
    Shared("count_screenings_before", "SELECT COUNT(*) FROM screenings WHERE recorded_at < $1");
inline constexpr sql::Query kDeleteScreeningsBefore =
    Shared("delete_screenings_before", "DELETE FROM screenings WHERE recorded_at < $1");
inline constexpr sql::Query kCountDeterminationsBefore = Shared(
    "count_determinations_before", "SELECT COUNT(*) FROM determinations WHERE recorded_at < $1");
inline constexpr sql::Query kDeleteDeterminationFactsBefore =
    Shared("delete_determination_facts_before",
           "DELETE FROM determination_facts WHERE determination_id IN "
           "(SELECT id FROM determinations WHERE recorded_at < $1)");
inline constexpr sql::Query kDeleteDeterminationsBefore =
    Shared("delete_determinations_before", "DELETE FROM determinations WHERE recorded_at < $1");

// ---- The licensing workflow (migration 3) ----

// Any constant other than the migrations' lock. Every audited write takes it first on
// PostgreSQL, so audit records are appended one transaction at a time and the chain
// never forks (SQLite: BEGIN IMMEDIATE serializes every writer already).
inline constexpr sql::Query kLockAudit =
    PerDialect("lock_audit", "", "SELECT pg_advisory_xact_lock(7302020)");

inline constexpr sql::Query kCountOrganization =
    Shared("count_organization", "SELECT COUNT(*) FROM organizations WHERE id = $1");
inline constexpr sql::Query kInsertOrganization = Shared(
    "insert_organization", "INSERT INTO organizations(id, name, created_at) VALUES ($1, $2, $3)");
inline constexpr sql::Query kSelectOrganizations =
    Shared("select_organizations", "SELECT id, name FROM organizations ORDER BY id");

inline constexpr sql::Query kCountUser =
    Shared("count_user", "SELECT COUNT(*) FROM users WHERE name = $1");
inline constexpr sql::Query kInsertUser =
    Shared("insert_user",
           "INSERT INTO users(name, role, organization, agency, created_at) "
           "VALUES ($1, $2, NULLIF($3, ''), $4, $5)");
inline constexpr sql::Query kSelectUser =
    Shared("select_user",
           "SELECT name, role, COALESCE(organization, ''), agency FROM users WHERE name = $1");

inline constexpr sql::Query kSelectLastControlNumber =
    PerDialect("select_last_control_number", "SELECT last FROM control_numbers WHERE id = 1",
               "SELECT last FROM control_numbers WHERE id = 1 FOR UPDATE");
inline constexpr sql::Query kUpdateLastControlNumber =
    Shared("update_last_control_number", "UPDATE control_numbers SET last = $1 WHERE id = 1");

inline constexpr sql::Query kInsertApplication =
    Shared("insert_application",
           "INSERT INTO applications(control_number, organization, state, version, "
           "registered_on, updated_at, body) VALUES (NULL, $1, $2, 1, NULL, $3, '{}') "
           "RETURNING id");
inline constexpr sql::Query kUpdateApplicationBody =
    Shared("update_application_body", "UPDATE applications SET body = $2 WHERE id = $1");
// FOR UPDATE: a concurrent change to the same row waits here and then sees the new
// version, so it fails with kConflict instead of overwriting.
inline constexpr sql::Query kSelectApplicationVersion =
    PerDialect("select_application_version", "SELECT version, body FROM applications WHERE id = $1",
               "SELECT version, body FROM applications WHERE id = $1 FOR UPDATE");
inline constexpr sql::Query kCountControlNumberElsewhere =
    Shared("count_control_number_elsewhere",
           "SELECT COUNT(*) FROM applications WHERE control_number = $1 AND id <> $2");
// The version in the WHERE clause is the optimistic-concurrency check.
inline constexpr sql::Query kUpdateApplication = PerDialect(
    "update_application",
    "UPDATE applications SET control_number = NULLIF($3, ''), state = $4, version = version + 1, "
    "registered_on = NULLIF($5, ''), updated_at = $6, body = $7 WHERE id = $1 AND version = $2 "
    "RETURNING version",
    "UPDATE applications SET control_number = NULLIF($3, ''), state = $4, "
    "version = version + 1, registered_on = NULLIF($5, '')::DATE, updated_at = $6, body = $7 "
    "WHERE id = $1 AND version = $2 RETURNING version");
inline constexpr sql::Query kSelectApplications =
    Shared("select_applications",
           "SELECT id, version, body FROM applications WHERE ($1 = '' OR organization = $1) AND "
           "($2 = '' OR state = $2) ORDER BY id");
// One application by id or by control number, each by its index.
inline constexpr sql::Query kSelectApplicationById =
    Shared("select_application_by_id", "SELECT id, version, body FROM applications WHERE id = $1");
inline constexpr sql::Query kSelectApplicationByControlNumber =
    Shared("select_application_by_control_number",
           "SELECT id, version, body FROM applications WHERE control_number = $1");

inline constexpr sql::Query kNextEventSeq =
    Shared("next_event_seq",
           "SELECT COALESCE(MAX(seq), 0) + 1 FROM application_events WHERE application_id = $1");
inline constexpr sql::Query kInsertEvent =
    Shared("insert_event",
           "INSERT INTO application_events(application_id, seq, on_date, recorded_at, event, "
           "from_state, to_state, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
inline constexpr sql::Query kSelectEvents = PerDialect(
    "select_events",
    "SELECT seq, on_date, recorded_at, from_state, to_state, body FROM application_events "
    "WHERE application_id = $1 ORDER BY seq",
    "SELECT seq, to_char(on_date, 'YYYY-MM-DD'), recorded_at, from_state, to_state, body "
    "FROM application_events WHERE application_id = $1 ORDER BY seq");
inline constexpr sql::Query kSelectAllEvents = PerDialect(
    "select_all_events",
    "SELECT application_id, seq, on_date, recorded_at, from_state, to_state, body "
    "FROM application_events ORDER BY application_id, seq",
    "SELECT application_id, seq, to_char(on_date, 'YYYY-MM-DD'), recorded_at, from_state, "
    "to_state, body FROM application_events ORDER BY application_id, seq");

inline constexpr sql::Query kSelectAuditHead = Shared(
    "select_audit_head", "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1");
inline constexpr sql::Query kInsertAudit =
    Shared("insert_audit",
           "INSERT INTO audit_log(sequence, timestamp, actor, action, subject, before, after, "
           "previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
inline constexpr sql::Query kSelectAudit =
    Shared("select_audit",
           "SELECT sequence, timestamp, actor, action, subject, before, after, previous_hash, "
           "hash FROM audit_log ORDER BY sequence");

// ---- General licenses and screening matches (migration 4) ----

inline constexpr sql::Query kCountGeneralLicense =
    Shared("count_general_license", "SELECT COUNT(*) FROM general_licenses WHERE id = $1");
inline constexpr sql::Query kInsertGeneralLicense =
    Shared("insert_general_license",
           "INSERT INTO general_licenses(id, name, definition, revoked_from, "
           "revocation_citation, version, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6)");
// The version in the WHERE clause is the optimistic-concurrency check.
inline constexpr sql::Query kUpdateGeneralLicense =
    Shared("update_general_license",
           "UPDATE general_licenses SET revoked_from = $3, revocation_citation = $4, "
           "version = version + 1, updated_at = $5 WHERE id = $1 AND version = $2 "
           "RETURNING version");
inline constexpr sql::Query kDeleteGeneralLicenseWindows =
    Shared("delete_general_license_windows",
           "DELETE FROM general_license_windows WHERE general_license = $1");
inline constexpr sql::Query kInsertGeneralLicenseWindow =
    Shared("insert_general_license_window",
           "INSERT INTO general_license_windows(general_license, seq, window_id, valid_from, "
           "valid_until, body) VALUES ($1, $2, $3, $4, $5, $6)");
inline constexpr sql::Query kSelectGeneralLicenses =
    Shared("select_general_licenses",
           "SELECT id, name, definition, revoked_from, revocation_citation, version "
           "FROM general_licenses WHERE ($1 = '' OR id = $1) ORDER BY id");
inline constexpr sql::Query kSelectGeneralLicenseWindows = PerDialect(
    "select_general_license_windows",
    "SELECT window_id, valid_from, valid_until, body FROM general_license_windows "
    "WHERE general_license = $1 ORDER BY seq",
    "SELECT window_id, to_char(valid_from, 'YYYY-MM-DD'), to_char(valid_until, 'YYYY-MM-DD'), "
    "body FROM general_license_windows WHERE general_license = $1 ORDER BY seq");

inline constexpr sql::Query kCountScreeningMatch =
    Shared("count_screening_match",
           "SELECT COUNT(*) FROM application_screening_matches WHERE application_id = $1 AND "
           "match_key = $2");
inline constexpr sql::Query kNextScreeningSeq =
    Shared("next_screening_seq",
           "SELECT COALESCE(MAX(seq), 0) + 1 FROM application_screening_matches WHERE "
           "application_id = $1");
inline constexpr sql::Query kInsertScreeningMatch =
    Shared("insert_screening_match",
           "INSERT INTO application_screening_matches(application_id, seq, screened_on, reason, "
           "match_key, body) VALUES ($1, $2, $3, $4, $5, $6)");
inline constexpr sql::Query kSelectScreeningMatches =
    PerDialect("select_screening_matches",
               "SELECT seq, screened_on, reason, body FROM application_screening_matches "
               "WHERE application_id = $1 ORDER BY seq",
               "SELECT seq, to_char(screened_on, 'YYYY-MM-DD'), reason, body FROM "
               "application_screening_matches WHERE application_id = $1 ORDER BY seq");

// ---- Accounts (migrations 5 and 7) ----

inline constexpr sql::Query kUpsertPassword =
    Shared("upsert_password",
           "INSERT INTO user_passwords(user_name, password_hash, updated_at, must_change) "
           "VALUES ($1, $2, $3, $4) "
           "ON CONFLICT(user_name) DO UPDATE SET password_hash = excluded.password_hash, "
           "updated_at = excluded.updated_at, must_change = excluded.must_change");
inline constexpr sql::Query kSelectPassword =
    Shared("select_password",
           "SELECT p.password_hash, p.must_change, u.disabled FROM user_passwords p "
           "JOIN users u ON u.name = p.user_name WHERE p.user_name = $1");
inline constexpr sql::Query kSelectAccounts =
    Shared("select_accounts",
           "SELECT u.name, u.role, COALESCE(u.organization, ''), u.agency, u.disabled, "
           "CASE WHEN p.user_name IS NULL THEN 0 ELSE 1 END, COALESCE(p.must_change, 0), "
           "(SELECT COUNT(*) FROM api_tokens t WHERE t.user_name = u.name) "
           "FROM users u LEFT JOIN user_passwords p ON p.user_name = u.name ORDER BY u.name");
inline constexpr sql::Query kSelectDisabled =
    Shared("select_disabled", "SELECT disabled FROM users WHERE name = $1");
inline constexpr sql::Query kSetDisabled =
    Shared("set_disabled", "UPDATE users SET disabled = $2 WHERE name = $1");
inline constexpr sql::Query kUpdateRole = Shared(
    "update_role",
    "UPDATE users SET role = $2, organization = NULLIF($3, ''), agency = $4 WHERE name = $1");
inline constexpr sql::Query kDeleteUserSessions =
    Shared("delete_user_sessions", "DELETE FROM sessions WHERE user_name = $1");
inline constexpr sql::Query kCountToken =
    Shared("count_token", "SELECT COUNT(*) FROM api_tokens WHERE digest = $1");
inline constexpr sql::Query kInsertToken =
    Shared("insert_token",
           "INSERT INTO api_tokens(digest, user_name, name, created_at) VALUES ($1, $2, $3, $4)");
inline constexpr sql::Query kSelectUserTokens =
    Shared("select_user_tokens",
           "SELECT digest, name, created_at FROM api_tokens WHERE user_name = $1 "
           "ORDER BY created_at, digest");
inline constexpr sql::Query kSelectUserToken =
    Shared("select_user_token",
           "SELECT digest, name, created_at FROM api_tokens WHERE user_name = $1 "
           "AND substr(digest, 1, 12) = $2");
inline constexpr sql::Query kDeleteToken =
    Shared("delete_token", "DELETE FROM api_tokens WHERE digest = $1");
inline constexpr sql::Query kSelectTokenUser =
    Shared("select_token_user",
           "SELECT u.name, u.role, COALESCE(u.organization, ''), u.agency FROM api_tokens t "
           "JOIN users u ON u.name = t.user_name WHERE t.digest = $1 AND u.disabled = 0");
inline constexpr sql::Query kDeleteExpiredSessions =
    Shared("delete_expired_sessions", "DELETE FROM sessions WHERE expires_at < $1");
inline constexpr sql::Query kInsertSession =
    Shared("insert_session",
           "INSERT INTO sessions(digest, user_name, csrf_token, created_at, expires_at) "
           "VALUES ($1, $2, $3, $4, $5)");
inline constexpr sql::Query kSelectSession =
    Shared("select_session",
           "SELECT u.name, u.role, COALESCE(u.organization, ''), u.agency, s.csrf_token, "
           "s.created_at, s.expires_at FROM sessions s JOIN users u ON u.name = s.user_name "
           "WHERE s.digest = $1 AND u.disabled = 0");
inline constexpr sql::Query kDeleteSession =
    Shared("delete_session", "DELETE FROM sessions WHERE digest = $1");
inline constexpr sql::Query kAddLoginFailure = Shared(
    "add_login_failure",
    "INSERT INTO login_failures(login_key, failures, last_failure) VALUES ($1, 1, $2) "
    "ON CONFLICT(login_key) DO UPDATE SET failures = CASE WHEN login_failures.last_failure < $3 "
    "THEN 1 ELSE login_failures.failures + 1 END, last_failure = excluded.last_failure "
    "RETURNING failures");
// Counts nobody would restart from: they neither lock nor add up any more, so the
// table holds only the names and addresses tried lately.
inline constexpr sql::Query kForgetOldLoginFailures =
    Shared("forget_old_login_failures", "DELETE FROM login_failures WHERE last_failure < $1");
inline constexpr sql::Query kSelectLoginFailures =
    Shared("select_login_failures",
           "SELECT failures, last_failure FROM login_failures WHERE login_key = $1");
inline constexpr sql::Query kDeleteLoginFailures =
    Shared("delete_login_failures", "DELETE FROM login_failures WHERE login_key = $1");

// ---- The audit log's guards (storage/audit_guards.cpp): the catalogs differ ----

inline constexpr sql::Query kSelectAuditTriggers = PerDialect(
    "select_audit_triggers",
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'",
    "SELECT t.tgname, t.tgenabled, t.tgtype, p.prosrc FROM pg_trigger t "
    "JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = 'audit_log'::regclass");

// ---- The party master (migration 9). The score travels as text and is cast: a
// parameter is an integer or a text (storage/sql/driver.h). ----

inline constexpr sql::Query kSelectParties =
    Shared("select_parties",
           "SELECT id, organization, external_id, name, type, country, body, revision, updated_at, "
           "updated_by, screened_at, screened_on, top_score, hit_count, screening FROM parties "
           "WHERE organization = $1 AND ($2 = '' OR external_id = $2) ORDER BY external_id");
inline constexpr sql::Query kInsertParty = Shared(
    "insert_party",
    "INSERT INTO parties(organization, external_id, name, type, country, body, revision, "
    "updated_at, updated_by, screened_at, screened_on, top_score, hit_count, screening) VALUES "
    "($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10, CAST($11 AS DOUBLE PRECISION), $12, $13) "
    "RETURNING id");
inline constexpr sql::Query kUpdateParty = Shared(
    "update_party",
    "UPDATE parties SET name = $2, type = $3, country = $4, body = $5, revision = revision + 1, "
    "updated_at = $6, updated_by = $7, screened_at = $8, screened_on = $9, "
    "top_score = CAST($10 AS DOUBLE PRECISION), hit_count = $11, screening = $12 WHERE id = $1 "
    "RETURNING revision");
inline constexpr sql::Query kDeleteParty =
    Shared("delete_party", "DELETE FROM parties WHERE id = $1");
// An import's new parties in bulk (storage/sql/driver.h InsertMany), then their ids:
// those above the largest id before, in the order they were inserted (ids are given in
// insertion order, and the audit lock keeps other writers of parties out meanwhile).
inline constexpr sql::Query kInsertPartiesInBulk = PerDialect(
    "insert_parties_in_bulk",
    "INSERT INTO parties(organization, external_id, name, type, country, body, revision, "
    "updated_at, updated_by, screened_at, screened_on, top_score, hit_count, screening) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CAST($12 AS REAL), $13, $14)",
    "COPY parties(organization, external_id, name, type, country, body, revision, updated_at, "
    "updated_by, screened_at, screened_on, top_score, hit_count, screening) FROM STDIN");
inline constexpr sql::Query kSelectLargestPartyId =
    Shared("select_largest_party_id", "SELECT COALESCE(MAX(id), 0) FROM parties");
inline constexpr sql::Query kSelectPartyIdsAbove =
    Shared("select_party_ids_above",
           "SELECT id, external_id FROM parties WHERE organization = $1 AND id > $2 ORDER BY id");
// Every party row, for `audit verify` (columns as kSelectParties).
inline constexpr sql::Query kSelectAllParties =
    Shared("select_all_parties",
           "SELECT id, organization, external_id, name, type, country, body, revision, updated_at, "
           "updated_by, screened_at, screened_on, top_score, hit_count, screening FROM parties "
           "ORDER BY organization, external_id");

// A page of one organization's parties (parties/party_page.h): $1 organization, $2 the
// text as a LIKE pattern ('' for none), then the page's LIMIT and OFFSET. The text is
// looked for in the external id, the name, the country and the body (aliases, address,
// identifiers), case-blind for A-Z: SQLite's LIKE is, PostgreSQL's ILIKE is; it reads
// every party of the master. Each `show` has its own statement, so that the planner
// sees which index serves it: the master's (organization, external_id) for all, its
// parties_with_hits for those with a match, the alert queue's index of the state
// (migration 14) for those with an open alert. Each row carries its party's count of
// open alerts (the queue's index of the party, migration 15).
#define TOLLGATE_PARTY_PAGE_TEXT(like)                                    \
  "AND ($2 = '' OR p.external_id " like " $2 ESCAPE '\\' OR p.name " like \
  " $2 ESCAPE '\\' OR p.country " like " $2 ESCAPE '\\' OR p.body " like  \
  " $2 ESCAPE "                                                           \
  "'\\') "
#define TOLLGATE_PARTY_PAGE_SHOW_ALL ""
#define TOLLGATE_PARTY_PAGE_SHOW_HITS "AND p.hit_count > 0 "
#define TOLLGATE_PARTY_PAGE_SHOW_OPEN                                     \
  "AND p.external_id IN (SELECT a.party_external_id FROM alerts a WHERE " \
  "a.organization = $1 AND a.state = 'open') "
#define TOLLGATE_PARTY_PAGE_SELECT(show, like)                                                  \
  "SELECT p.id, p.organization, p.external_id, p.name, p.type, p.country, p.body, p.revision, " \
  "p.updated_at, p.updated_by, p.screened_at, p.screened_on, p.top_score, p.hit_count, "        \
  "p.screening, (SELECT COUNT(*) FROM alerts a WHERE a.organization = p.organization AND "      \
  "a.party_external_id = p.external_id AND a.state = 'open') FROM parties p WHERE "             \
  "p.organization = $1 " show                                                                   \
  TOLLGATE_PARTY_PAGE_TEXT(like) "ORDER BY p.external_id LIMIT $3 OFFSET $4"
#define TOLLGATE_PARTY_PAGE_COUNT(show, like) \
  "SELECT COUNT(*) FROM parties p WHERE p.organization = $1 " show TOLLGATE_PARTY_PAGE_TEXT(like)
#define TOLLGATE_PARTY_PAGE_QUERIES(name, show)                                     \
  PerDialect("select_party_page_" name, TOLLGATE_PARTY_PAGE_SELECT(show, "LIKE"),   \
             TOLLGATE_PARTY_PAGE_SELECT(show, "ILIKE")),                            \
      PerDialect("count_party_page_" name, TOLLGATE_PARTY_PAGE_COUNT(show, "LIKE"), \
                 TOLLGATE_PARTY_PAGE_COUNT(show, "ILIKE"))
// By parties::Show, in the order of its values (kAll, kWithMatch, kWithOpenAlert): {the
// page, its count}.
inline constexpr sql::Query kPartyPages[3][2] = {
    {TOLLGATE_PARTY_PAGE_QUERIES("all", TOLLGATE_PARTY_PAGE_SHOW_ALL)},
    {TOLLGATE_PARTY_PAGE_QUERIES("hits", TOLLGATE_PARTY_PAGE_SHOW_HITS)},
    {TOLLGATE_PARTY_PAGE_QUERIES("open", TOLLGATE_PARTY_PAGE_SHOW_OPEN)}};
inline constexpr sql::Query kCountParties =
    Shared("count_parties", "SELECT COUNT(*) FROM parties WHERE organization = $1");
#undef TOLLGATE_PARTY_PAGE_QUERIES
#undef TOLLGATE_PARTY_PAGE_COUNT
#undef TOLLGATE_PARTY_PAGE_SELECT
#undef TOLLGATE_PARTY_PAGE_SHOW_OPEN
#undef TOLLGATE_PARTY_PAGE_SHOW_HITS
#undef TOLLGATE_PARTY_PAGE_SHOW_ALL
#undef TOLLGATE_PARTY_PAGE_TEXT

// ---- Party versions (migration 16): what vouches for each party row ----

inline constexpr sql::Query kInsertPartyVersions = PerDialect(
    "insert_party_versions",
    "INSERT INTO party_versions(audit_sequence, organization, external_id, revision, "
    "content_hash) VALUES ($1, $2, $3, $4, $5)",
    "COPY party_versions(audit_sequence, organization, external_id, revision, content_hash) "
    "FROM STDIN");
inline constexpr sql::Query kSelectPartyVersions =
    Shared("select_party_versions",
           "SELECT audit_sequence, organization, external_id, revision, content_hash FROM "
           "party_versions ORDER BY audit_sequence, organization, external_id");

// ---- Continuous screening's party index (alerts/rescreen.h): every party's names, and
// the few parties a list change makes candidates read back by id, the ids one JSON
// array (a statement of one parameter, whatever their number). ----

inline constexpr sql::Query kSelectAllPartyNames =
    Shared("select_all_party_names", "SELECT id, name, body FROM parties ORDER BY id");
#define TOLLGATE_PARTY_FACT_COLUMNS                                                         \
  "SELECT id, organization, external_id, name, type, country, body, revision, updated_at, " \
  "updated_by FROM parties "
inline constexpr sql::Query kSelectPartiesById = PerDialect(
    "select_parties_by_id",
    TOLLGATE_PARTY_FACT_COLUMNS "WHERE id IN (SELECT value FROM json_each($1)) ORDER BY id",
    TOLLGATE_PARTY_FACT_COLUMNS
    "WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST($1 AS JSON))) "
    "ORDER BY id");
#undef TOLLGATE_PARTY_FACT_COLUMNS

// ---- Alerts (migration 10): one row per (party, list, entry). The score travels as
// text and is cast, as the parties' does. ----

#define TOLLGATE_ALERT_COLUMNS                                                                   \
  "SELECT id, organization, party_id, party_external_id, party_name, party_revision, list, "     \
  "entry_id, entry_name, feed, list_version, score, match, state, disposition, comment, "        \
  "decided_by, decided_at, assignee, opened_at, updated_at, party_facts, entry_facts, changed, " \
  "version FROM alerts "
// The filter, written three ways: the organization's whole queue, and one party's or one
// analyst's alerts, whose equality leads an index of its own (migration 15). A filter
// written `($5 = '' OR party_external_id = $5)` can use no index, so each of those
// views read every entry of the organization's queue, twice (its count and its page):
// 60 ms on SQLite at 100,000 alerts, over the 50 ms (BENCHMARKS.md).
// `score` is written `+score` where the view's own index must be taken: without the
// planner's statistics SQLite prefers any range on an indexed column (the score's covering
// indexes) to the equality on the party or the analyst, and a unary plus, the same
// number, is no column to it.
#define TOLLGATE_ALERT_FILTER_REST(score)                                         \
  "($2 = '' OR state = $2) AND ($3 = '' OR list = $3) AND " score                 \
  " >= CAST($4 AS DOUBLE PRECISION) AND ($5 = '' OR party_external_id = $5) AND " \
  "($6 = '' OR assignee = $6) "
#define TOLLGATE_ALERT_FILTER "WHERE organization = $1 AND " TOLLGATE_ALERT_FILTER_REST("score")
#define TOLLGATE_ALERT_FILTER_PARTY \
  "WHERE organization = $1 AND party_external_id = $5 AND " TOLLGATE_ALERT_FILTER_REST("+score")
#define TOLLGATE_ALERT_FILTER_ASSIGNEE \
  "WHERE organization = $1 AND assignee = $6 AND " TOLLGATE_ALERT_FILTER_REST("+score")
// A page in two steps: the page's ids, filtered, sorted and cut from an index that holds
// every column the filter and the sort read (migration 14), then only those rows, which
// are kilobytes each (the match and facts as JSON). In one step a deep page read or
// sorted every row before it (0.3-4.7 s at 100,000 alerts on SQLite; BENCHMARKS.md).
#define TOLLGATE_ALERT_PAGE(name, filter, inner_order, order)                \
  Shared(name,                                                               \
         TOLLGATE_ALERT_COLUMNS "WHERE id IN (SELECT id FROM alerts " filter \
                                "ORDER BY " inner_order " LIMIT $7 OFFSET $8) ORDER BY " order)
// The six sorts of the queue, in kAlertSorts' order, each ending on the id so that pages
// are stable: the sort's covering index gives the order.
#define TOLLGATE_ALERT_PAGES(name, filter)                                                      \
  {                                                                                             \
    TOLLGATE_ALERT_PAGE(name "_by_score", filter, "score, id", "score, id"),                    \
        TOLLGATE_ALERT_PAGE(name "_by_score_desc", filter, "score DESC, id", "score DESC, id"), \
        TOLLGATE_ALERT_PAGE(name "_by_id", filter, "id", "id"),                                 \
        TOLLGATE_ALERT_PAGE(name "_by_id_desc", filter, "id DESC", "id DESC"),                  \
        TOLLGATE_ALERT_PAGE(name "_by_opened", filter, "opened_at, id", "opened_at, id"),       \
        TOLLGATE_ALERT_PAGE(name "_by_opened_desc", filter, "opened_at DESC, id DESC",          \
                            "opened_at DESC, id DESC")                                          \
  }
// The same sorts of one party's or one analyst's alerts: the few rows the view's own index
// finds are sorted. Each key is written as an expression of the same value (score + 0,
// id + 0, opened_at || ''), which no index gives in order: otherwise the planner walks a
// sort's covering index through the whole queue to avoid sorting.
#define TOLLGATE_ALERT_VIEW_PAGES(name, filter)                                                  \
  {                                                                                              \
    TOLLGATE_ALERT_PAGE(name "_by_score", filter, "score + 0, id + 0", "score, id"),             \
        TOLLGATE_ALERT_PAGE(name "_by_score_desc", filter, "score + 0 DESC, id + 0",             \
                            "score DESC, id"),                                                   \
        TOLLGATE_ALERT_PAGE(name "_by_id", filter, "id + 0", "id"),                              \
        TOLLGATE_ALERT_PAGE(name "_by_id_desc", filter, "id + 0 DESC", "id DESC"),               \
        TOLLGATE_ALERT_PAGE(name "_by_opened", filter, "opened_at || '', id + 0",                \
                            "opened_at, id"),                                                    \
        TOLLGATE_ALERT_PAGE(name "_by_opened_desc", filter, "opened_at || '' DESC, id + 0 DESC", \
                            "opened_at DESC, id DESC")                                           \
  }

inline constexpr sql::Query kSelectAlert =
    Shared("select_alert", TOLLGATE_ALERT_COLUMNS "WHERE id = $1");
inline constexpr sql::Query kSelectAlertsOnEntry =
    Shared("select_alerts_on_entry", TOLLGATE_ALERT_COLUMNS "WHERE list = $1 AND entry_id = $2");
inline constexpr sql::Query kSelectAlertsOfParty =
    Shared("select_alerts_of_party", TOLLGATE_ALERT_COLUMNS "WHERE party_id = $1 ORDER BY id");
// alerts_by_state leads with (organization, state).
inline constexpr sql::Query kSelectDecidedAlerts =
    Shared("select_decided_alerts", TOLLGATE_ALERT_COLUMNS
           "WHERE organization = $1 AND state = 'decided' "
           "ORDER BY id");
// Migration 13: one row per organization, counting changes of its decided alerts.
inline constexpr sql::Query kBumpAlertDecisionRevision = Shared(
    "bump_alert_decision_revision",
    "INSERT INTO alert_decision_revisions (organization, revision) VALUES ($1, 1) "
    "ON CONFLICT (organization) DO UPDATE SET revision = alert_decision_revisions.revision + 1");
inline constexpr sql::Query kSelectAlertDecisionRevision =
    Shared("select_alert_decision_revision",
           "SELECT revision FROM alert_decision_revisions WHERE organization = $1");
// By filter (kAlertViews): the organization's queue, one party's, one analyst's.
inline constexpr sql::Query kCountAlerts[] = {
    Shared("count_alerts", "SELECT COUNT(*) FROM alerts " TOLLGATE_ALERT_FILTER),
    Shared("count_alerts_of_party", "SELECT COUNT(*) FROM alerts " TOLLGATE_ALERT_FILTER_PARTY),
    Shared("count_alerts_of_assignee",
           "SELECT COUNT(*) FROM alerts " TOLLGATE_ALERT_FILTER_ASSIGNEE),
};
// Migration 15: the same count, for a filter on the state and the list alone, from the
// counts its triggers keep.
inline constexpr sql::Query kSumAlertCounts =
    Shared("sum_alert_counts",
           "SELECT CAST(COALESCE(SUM(alerts), 0) AS BIGINT) FROM alert_counts "
           "WHERE organization = $1 AND ($2 = '' OR state = $2) AND ($3 = '' OR list = $3)");
inline constexpr const char* kAlertSorts[] = {"score", "-score",    "id",
                                              "-id",   "opened_at", "-opened_at"};
inline constexpr std::size_t kAlertSortCount = std::size(kAlertSorts);
enum AlertView : std::size_t { kQueueView, kPartyView, kAssigneeView };
inline constexpr sql::Query kAlertPages[][kAlertSortCount] = {
    TOLLGATE_ALERT_PAGES("alerts", TOLLGATE_ALERT_FILTER),
    TOLLGATE_ALERT_VIEW_PAGES("alerts_of_party", TOLLGATE_ALERT_FILTER_PARTY),
    TOLLGATE_ALERT_VIEW_PAGES("alerts_of_assignee", TOLLGATE_ALERT_FILTER_ASSIGNEE),
};
#undef TOLLGATE_ALERT_VIEW_PAGES
#undef TOLLGATE_ALERT_PAGES
#undef TOLLGATE_ALERT_PAGE
#undef TOLLGATE_ALERT_FILTER_ASSIGNEE
#undef TOLLGATE_ALERT_FILTER_PARTY
#undef TOLLGATE_ALERT_FILTER
#undef TOLLGATE_ALERT_FILTER_REST
#undef TOLLGATE_ALERT_COLUMNS

// The key (party, list, entry) taken: nothing inserted, no row returned.
inline constexpr sql::Query kInsertAlert = Shared(
    "insert_alert",
    "INSERT INTO alerts(organization, party_id, party_external_id, party_name, party_revision, "
    "list, entry_id, entry_name, feed, list_version, score, match, state, disposition, comment, "
    "decided_by, decided_at, assignee, opened_at, updated_at, party_facts, entry_facts, changed, "
    "version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CAST($11 AS DOUBLE PRECISION), "
    "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, 1) "
    "ON CONFLICT (party_id, list, entry_id) DO NOTHING RETURNING id");
// Optimistic concurrency: no row returned when the version moved on.
inline constexpr sql::Query kUpdateAlert = Shared(
    "update_alert",
    "UPDATE alerts SET party_external_id = $3, party_name = $4, party_revision = $5, "
    "entry_name = $6, feed = $7, list_version = $8, score = CAST($9 AS DOUBLE PRECISION), "
    "match = $10, state = $11, disposition = $12, comment = $13, decided_by = $14, "
    "decided_at = $15, assignee = $16, updated_at = $17, party_facts = $18, entry_facts = $19, "
    "changed = $20, version = version + 1 WHERE id = $1 AND version = $2 RETURNING version");
inline constexpr sql::Query kSelectAlertSetting =
    Shared("select_alert_setting", "SELECT value FROM alert_settings WHERE key = $1");
inline constexpr sql::Query kUpsertAlertSetting =
    Shared("upsert_alert_setting",
           "INSERT INTO alert_settings(key, value) VALUES ($1, $2) "
           "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
// Parties added: one bump per upsert (migration 17; updates and removals bump by trigger).
inline constexpr sql::Query kBumpPartyMasterRevision =
    Shared("bump_party_master_revision",
           "UPDATE party_master_revision SET revision = revision + 1 WHERE id = 1");
inline constexpr sql::Query kSelectPartyMasterRevision = Shared(
    "select_party_master_revision", "SELECT revision FROM party_master_revision WHERE id = 1");
// ---- Webhooks and their outbox (migration 12). Timestamps are UTC text
// "YYYY-MM-DDTHH:MM:SSZ", which sorts as time does. ----

inline constexpr sql::Query kInsertWebhook =
    Shared("insert_webhook",
           "INSERT INTO webhooks(organization, url, secret, created_at, created_by, removed_at) "
           "VALUES ($1, $2, $3, $4, $5, '') RETURNING id");
inline constexpr sql::Query kSelectWebhooks =
    Shared("select_webhooks",
           "SELECT id, organization, url, secret, created_at, created_by, removed_at FROM webhooks "
           "WHERE organization = $1 ORDER BY id");
inline constexpr sql::Query kRemoveWebhook = Shared(
    "remove_webhook",
    "UPDATE webhooks SET removed_at = $3 WHERE organization = $1 AND id = $2 AND removed_at = '' "
    "RETURNING id");
inline constexpr sql::Query kCancelWebhookDeliveries = Shared(
    "cancel_webhook_deliveries",
    "UPDATE webhook_deliveries SET state = 'cancelled', last_error = 'the webhook was removed' "
    "WHERE webhook = $1 AND state = 'pending' RETURNING id");
// The WHERE keeps SQLite from reading ON CONFLICT as a join's ON.
inline constexpr sql::Query kEnqueueWebhookEvent = Shared(
    "enqueue_webhook_event",
    "INSERT INTO webhook_deliveries(webhook, organization, event_id, event_type, payload, state, "
    "attempts, created_at, next_attempt_at, delivered_at, last_error) "
    "SELECT id, organization, $2, $3, $4, 'pending', 0, $5, $5, '', '' FROM webhooks "
    "WHERE organization = $1 AND removed_at = '' "
    "ON CONFLICT (webhook, event_id) DO NOTHING RETURNING id");
// PostgreSQL: SKIP LOCKED lets two servers take disjoint batches, and the outer
// conditions, checked again on a row another claim changed, keep a row from being
// taken twice. SQLite has one writer at a time.
inline constexpr sql::Query kClaimDueDeliveries =
    PerDialect("claim_due_deliveries",
               "UPDATE webhook_deliveries SET next_attempt_at = $2, attempts = attempts + 1 "
               "WHERE state = 'pending' AND next_attempt_at <= $1 AND id IN (SELECT id FROM "
               "webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= $1 "
               "ORDER BY next_attempt_at, id LIMIT $3) RETURNING id",
               "UPDATE webhook_deliveries SET next_attempt_at = $2, attempts = attempts + 1 "
               "WHERE state = 'pending' AND next_attempt_at <= $1 AND id IN (SELECT id FROM "
               "webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= $1 "
               "ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING id");
inline constexpr sql::Query kSelectDeliveryWithWebhook = Shared(
    "select_delivery_with_webhook",
    "SELECT d.id, d.webhook, d.organization, w.url, d.event_id, d.event_type, d.payload, d.state, "
    "d.attempts, d.created_at, d.next_attempt_at, d.delivered_at, d.last_error, w.secret, "
    "w.created_at, w.created_by, w.removed_at FROM webhook_deliveries d "
    "JOIN webhooks w ON w.id = d.webhook WHERE d.id = $1");
inline constexpr sql::Query kRecordDeliveryOutcome =
    Shared("record_delivery_outcome",
           "UPDATE webhook_deliveries SET state = $2, delivered_at = $3, next_attempt_at = $4, "
           "last_error = $5, attempts = $6 WHERE id = $1 RETURNING id");
inline constexpr sql::Query kSelectDeliveries = Shared(
    "select_deliveries",
    "SELECT d.id, d.webhook, d.organization, w.url, d.event_id, d.event_type, d.payload, d.state, "
    "d.attempts, d.created_at, d.next_attempt_at, d.delivered_at, d.last_error "
    "FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook "
    "WHERE d.organization = $1 AND ($2 = '' OR d.state = $2) ORDER BY d.id DESC LIMIT $3");
inline constexpr sql::Query kRedeliver =
    Shared("redeliver",
           "UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = $3, "
           "last_error = '' WHERE organization = $1 AND id = $2 AND state = 'failed' RETURNING id");

}  // namespace tollgate::storage::q
