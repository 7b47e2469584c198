// The PostgreSQL schema as numbered migrations, the same tables as the SQLite schema
// (storage/sqlite/schema.h) in PostgreSQL's types. Applied in order on open, under an
// advisory lock so two servers starting at once do not both migrate.
#pragma once

#include <array>
#include <string_view>

namespace tollgate::storage::postgres {

inline constexpr std::array<std::string_view, 1> kMigrations = {
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

}  // namespace tollgate::storage::postgres
