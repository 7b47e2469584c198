// The SQLite schema as numbered migrations, applied in order on open. A migration is
// never edited once released: a change is a new migration.
#pragma once

#include <array>
#include <string_view>

namespace tollgate::storage::sqlite {

inline constexpr std::array<std::string_view, 1> kMigrations = {
    // 1: restricted-list versions and their entries. An entry is stored as its
    // canonical JSON (lists::ToJson) with the columns needed to find it.
    R"sql(
CREATE TABLE list_versions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  feed        TEXT    NOT NULL,
  format      TEXT    NOT NULL,
  as_of       TEXT    NOT NULL,
  imported_at TEXT    NOT NULL,
  file_name   TEXT    NOT NULL,
  sha256      TEXT    NOT NULL,
  entry_count INTEGER NOT NULL
);
CREATE INDEX list_versions_by_feed ON list_versions(feed, as_of, id);
CREATE TABLE list_entries (
  version_id INTEGER NOT NULL REFERENCES list_versions(id),
  seq        INTEGER NOT NULL,
  list       TEXT    NOT NULL,
  entry_id   TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  body       TEXT    NOT NULL,
  PRIMARY KEY (version_id, seq)
);
)sql",
};

inline constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)";
inline constexpr std::string_view kSelectSchemaVersion =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
inline constexpr std::string_view kInsertMigration =
    "INSERT INTO schema_migrations(version, applied_at) VALUES (?1, datetime('now'))";

inline constexpr std::string_view kInsertListVersion =
    "INSERT INTO list_versions(feed, format, as_of, imported_at, file_name, sha256, "
    "entry_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
inline constexpr std::string_view kInsertListEntry =
    "INSERT INTO list_entries(version_id, seq, list, entry_id, name, body) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr std::string_view kSelectListVersions =
    "SELECT id, feed, format, as_of, imported_at, file_name, sha256, entry_count "
    "FROM list_versions WHERE (?1 = '' OR feed = ?1) ORDER BY id";
inline constexpr std::string_view kSelectListEntries =
    "SELECT body FROM list_entries WHERE version_id = ?1 ORDER BY seq";
inline constexpr std::string_view kCountListVersion =
    "SELECT COUNT(*) FROM list_versions WHERE id = ?1";

}  // namespace tollgate::storage::sqlite
