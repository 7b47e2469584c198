// Encoding and decoding licenses and determination records for the backends, shared so
// that SQLite and PostgreSQL store the same forms and fail the same way on a damaged
// row (kStorageError naming the license or record).
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/licensing/license.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

// Columns as text, in the order the backends' SELECTs return them.
struct StoredLicenseRow {
  std::string number, holder, destination, valid_from, valid_until, status, issued_on,
      conditions_json;
};
struct StoredPartyRow {
  std::string role, name, country;
};
struct StoredItemRow {
  std::string eccn, description, quantity, value, remaining_quantity, remaining_value;
};

// "" for none, else the decimal digits: how amounts travel to and from the columns.
std::string AmountText(const std::optional<std::int64_t>& amount);
std::string ConditionsJson(const licensing::License& license);

Result<licensing::License> DecodeLicense(const StoredLicenseRow& row,
                                         const std::vector<StoredPartyRow>& parties,
                                         const std::vector<StoredItemRow>& items);

Result<DeterminationRecord> DecodeDeterminationRow(std::int64_t id, std::string recorded_at,
                                                   const std::string& transaction_date,
                                                   std::string decision, std::string request,
                                                   std::string result);

Error LicenseExists(const std::string& number);
Error UnknownLicense(const std::string& number);

}  // namespace tollgate::storage
