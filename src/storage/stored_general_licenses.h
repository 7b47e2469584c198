// The stored forms of general licenses and their windows, shared by the backends so
// that SQLite and PostgreSQL write the same text and fail the same way on a damaged
// row (kStorageError naming the general license). Also their audit entries and errors.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tollgate/audit/record.h"
#include "tollgate/common/result.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

// What the audit log records of a general license: id, name, windows, revocation.
nlohmann::json GeneralLicenseJson(const GeneralLicenseRecord& record);
audit::Entry GeneralLicenseChanged(const GeneralLicenseRecord* before,
                                   const GeneralLicenseRecord& after, const std::string& action,
                                   const ChangeStamp& stamp);

// Columns as text, in the order the backends' SELECTs return them.
struct StoredGeneralLicenseRow {
  std::string id, name, definition, revoked_from, revocation_citation;
  std::int64_t version = 0;
};
struct StoredWindowRow {
  std::string window_id, from, to, body;
};
Result<GeneralLicenseRecord> DecodeGeneralLicense(const StoredGeneralLicenseRow& row,
                                                  const std::vector<StoredWindowRow>& windows);

// Checks a record before it is written: an id, a name, at least one window, windows
// with distinct ids and from <= to; kInvalidArgument naming the field.
Status CheckGeneralLicense(const GeneralLicenseRecord& record);

Error GeneralLicenseExists(const std::string& id);
Error UnknownGeneralLicense(const std::string& id);
Error StaleGeneralLicense(const std::string& id, std::int64_t stored_version,
                          std::int64_t expected_version);

}  // namespace tollgate::storage
