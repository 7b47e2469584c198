// The PostgreSQL backend of storage::Store, for several servers sharing one database.
// Same contract and tests as the SQLite backend.
//
// Thread-safety: one instance per thread (each holds its own connection).
#pragma once

#include <memory>
#include <string>

#include "tollgate/storage/store.h"

namespace tollgate::storage::postgres {

// Connects with a libpq URL ("postgresql://user@host:port/db") and applies pending
// migrations. Fails with kStorageError; the message never repeats the URL.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url);

}  // namespace tollgate::storage::postgres
