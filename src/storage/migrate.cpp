#include "storage/migrations.h"
#include "storage/queries.h"

namespace tollgate::storage {

namespace {

Status RefuseNewer(sql::Driver& db, std::size_t applied, std::size_t known) {
  return MakeError(ErrorCode::kStorageError,
                   db.where() + " has schema version " + std::to_string(applied) +
                       ", newer than this build knows (" + std::to_string(known) + ")");
}

}  // namespace

Status Migrate(sql::Driver& db) {
  const auto migrations = EmbeddedMigrations(db.dialect());
  // A database already at this build's version is opened without the write lock: a
  // server opens a store per request thread as its load grows, and taking the lock
  // there queued each open behind the group commit of determinations (SQLite's busy
  // handler then slept up to hundreds of ms: BENCHMARKS.md, issue 14). A read that
  // fails (a new database has no schema_migrations yet) takes the locked path below,
  // which reports any real error.
  if (auto current = db.Run(q::kSelectSchemaVersion); current.ok()) {
    const auto applied = static_cast<std::size_t>(current->Int(0, 0));
    if (applied == migrations.size()) return {};
    if (applied > migrations.size()) return RefuseNewer(db, applied, migrations.size());
  }
  auto tx = sql::Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  if (auto r = db.Run(q::kLockMigrations); !r.ok()) return r.error();
  if (auto r = db.Run(q::kCreateMigrationsTable); !r.ok()) return r.error();
  auto current = db.Run(q::kSelectSchemaVersion);
  if (!current.ok()) return current.error();
  const auto applied = static_cast<std::size_t>(current->Int(0, 0));
  if (applied > migrations.size()) return RefuseNewer(db, applied, migrations.size());
  for (std::size_t v = applied; v < migrations.size(); ++v) {
    if (auto s = db.Exec(migrations[v].text); !s.ok()) return s;
    if (auto r = db.Run(q::kInsertMigration, {std::int64_t{migrations[v].number}}); !r.ok()) {
      return r.error();
    }
  }
  return tx->Commit();
}

}  // namespace tollgate::storage
