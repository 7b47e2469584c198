#include "storage/postgres/postgres_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  if (url.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "empty database URL: give a SQLite file path or a postgresql:// URL");
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return postgres::OpenPostgresStore(url);
  }
  if (url.rfind("sqlite:", 0) == 0) return sqlite::OpenSqliteStore(url.substr(7));
  if (url.find("://") != std::string::npos) {
    // Only the scheme is repeated: the rest may hold a password.
    return MakeError(ErrorCode::kInvalidArgument,
                     "unsupported database URL scheme '" + url.substr(0, url.find("://")) +
                         "': give a SQLite file path or a postgresql:// URL");
  }
  return sqlite::OpenSqliteStore(url);
}

}  // namespace tollgate::storage
