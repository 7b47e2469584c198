// Licenses on SQLite: writing one with its parties and items, and reading them back
// with a filter, shared by SqliteStore (licenses added by hand) and WorkflowTables
// (licenses issued on approval, shipments). Semantics: storage::Store.
//
// Its .cpp also holds WorkflowTables' methods for licenses issued on approval and
// shipments (declared in sqlite_workflow.h), which append to the audit log.
//
// Thread-safety: as the Connection it uses: one thread.
#pragma once

#include <string>
#include <vector>

#include "storage/sqlite/sqlite_handle.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage::sqlite {

// Inserts a validated license; inside the caller's transaction. kConflict when the
// number exists, kNotFound for an unknown organization.
Status InsertLicense(Connection& db, const licensing::License& license);

// Licenses by number; "" (or an unset filter field) does not filter.
Result<std::vector<licensing::License>> SelectLicenses(Connection& db, const std::string& number,
                                                       const std::string& holder_folded,
                                                       const LicenseFilter& filter);

}  // namespace tollgate::storage::sqlite
