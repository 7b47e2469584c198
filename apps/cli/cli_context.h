// What every CLI command shares: the global options, opening the store, and printing
// an Error the same way with the exit code from the one table (common/result.h).
#pragma once

#include <memory>
#include <string>

#include "tollgate/common/result.h"
#include "tollgate/storage/store.h"

namespace tollgate::cli {

struct Context {
  std::string db_url;  // --db, else $TOLLGATE_DB, else var/tollgate.db
};

// Prints "tollgate: error: <message>" to stderr and returns the exit code for it.
int Fail(const Error& error);

// Opens the store named by the context, or prints why not; null on failure.
std::unique_ptr<storage::Store> OpenStoreOrReport(const Context& context, int& exit_code);

// Parses an optional --as-of style flag: empty -> today. Fails with the flag's name.
Result<Date> DateFlag(const std::string& flag_name, const std::string& value);

}  // namespace tollgate::cli
