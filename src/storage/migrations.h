// The schema as numbered migrations per dialect, applied in order when a store opens.
// Each is a file src/storage/migrations/<dialect>/NNNN_what.sql, embedded into the
// binary at build time (migrations/embed.cmake): an installed tollgate needs no file.
// A migration is never edited once released: a change is a new migration, with the same
// number in both dialects so that both backends stay at the same schema version.
//
// Thread-safety: the list is constant. Failure: Migrate returns kStorageError naming
// the database, and leaves it as it was (one transaction).
#pragma once

#include <span>
#include <string_view>

#include "storage/sql/driver.h"
#include "tollgate/common/result.h"

namespace tollgate::storage {

struct Migration {
  int number;             // 1, 2, ...: the schema version once applied
  std::string_view file;  // "0003_licensing_workflow.sql"
  std::string_view text;  // the file's SQL, run as one script
};

// The dialect's migrations, by number (generated source).
std::span<const Migration> EmbeddedMigrations(sql::Dialect dialect);

// Applies the migrations the database has not seen yet, under the write lock (SQLite
// BEGIN IMMEDIATE; PostgreSQL an advisory lock), so two processes starting on a fresh
// database take turns. A database already at this build's version is only read: no
// lock, so opening a store never waits for another connection's write. Fails when the
// database is newer than this build.
Status Migrate(sql::Driver& db);

}  // namespace tollgate::storage
