#include "storage/migrations.h"
#include "storage/queries.h"

namespace tollgate::storage {

Status Migrate(sql::Driver& db) {
  const auto migrations = EmbeddedMigrations(db.dialect());
  auto tx = sql::Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  if (auto r = db.Run(q::kLockMigrations); !r.ok()) return r.error();
  if (auto r = db.Run(q::kCreateMigrationsTable); !r.ok()) return r.error();
  auto current = db.Run(q::kSelectSchemaVersion);
  if (!current.ok()) return current.error();
  const auto applied = static_cast<std::size_t>(current->Int(0, 0));
  if (applied > migrations.size()) {
    return MakeError(ErrorCode::kStorageError, db.where() + " has schema version " +
                                                   std::to_string(applied) +
                                                   ", newer than this build knows (" +
                                                   std::to_string(migrations.size()) + ")");
  }
  for (std::size_t v = applied; v < migrations.size(); ++v) {
    if (auto s = db.Exec(migrations[v].text); !s.ok()) return s;
    if (auto r = db.Run(q::kInsertMigration, {std::int64_t{migrations[v].number}}); !r.ok()) {
      return r.error();
    }
  }
  return tx->Commit();
}

}  // namespace tollgate::storage
