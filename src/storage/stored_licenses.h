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

#include "tollgate/audit/record.h"
#include "tollgate/common/result.h"
#include "tollgate/licensing/license.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

// Columns as text, in the order the backends' SELECTs return them.
struct StoredLicenseRow {
  std::string number, holder, destination, valid_from, valid_until, status, issued_on,
      conditions_json;
  std::string organization, application, created_by;
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
                                                   std::string result, std::string requested_by);
// A determination's parties as determination_facts keeps them: each name folded
// (licensing::FoldPartyName, which leaves no '|'), joined by '|'; and back.
std::string JoinFoldedParties(const std::vector<std::string>& names);
std::vector<std::string> SplitFoldedParties(const std::string& joined);

Error LicenseExists(const std::string& number);

// ---- Issued licenses and shipments ----

// The issued license number of `sequence` (1, 2, ...): "D" and seven digits.
std::string IssuedLicenseNumber(std::int64_t sequence);
// The audit entries of issuing a license and of a shipment drawing one down.
audit::Entry LicenseIssued(const licensing::License& license, const std::string& actor,
                           const std::string& timestamp);
// A license registered by hand (Store::AddLicense): "license.add", by `stamp.actor`.
audit::Entry LicenseAdded(const licensing::License& license, const ChangeStamp& stamp);
audit::Entry ShipmentRecorded(const licensing::License& before, const licensing::License& after,
                              const licensing::Shipment& shipment, const ChangeStamp& stamp);
// The body column of a shipment: licensing::ToJson, compact.
std::string ShipmentBody(const licensing::Shipment& shipment);
Result<licensing::Shipment> DecodeShipment(const std::string& license_number, std::int64_t seq,
                                           const std::string& body);
// The license moved on since it was read for a shipment.
Error LicenseChanged(const std::string& number);
Error UnknownLicense(const std::string& number);

}  // namespace tollgate::storage
