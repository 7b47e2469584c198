// The SQLite backend of storage::Store: the embedded default, one file (WAL mode).
//
// Thread-safety: one instance per thread; several processes may share the file
// (writers serialize on SQLite's lock, waiting up to the busy timeout).
#pragma once

#include <memory>
#include <string>

#include "tollgate/storage/store.h"

namespace tollgate::storage::sqlite {

// Opens or creates the database at `path` (creating its parent folder) and applies
// pending migrations. Fails with kStorageError naming the path.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace tollgate::storage::sqlite
