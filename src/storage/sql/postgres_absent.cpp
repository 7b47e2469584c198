// Stands in for postgres_driver.cpp in a build configured with
// TOLLGATE_WITH_POSTGRES=OFF (no libpq): a postgres:// URL fails with a clear error.
#include "storage/sql/driver.h"

namespace tollgate::storage::sql {

Result<std::unique_ptr<Driver>> OpenPostgres(const std::string& /*url*/) {
  return MakeError(
      ErrorCode::kInvalidArgument,
      "this build has no PostgreSQL backend; rebuild with -DTOLLGATE_WITH_POSTGRES=ON");
}

}  // namespace tollgate::storage::sql
