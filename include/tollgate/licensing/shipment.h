// Shipment: one export made under a specific license. Each shipment draws down the
// remaining quantity and value of the license's items (§750.7: a license authorizes
// up to the quantities and values it states; commercial systems track the balance the
// same way). A shipment is refused whole when the license is not active (§750.8), the
// date falls outside the validity window, a party is not on the license, an item is
// not on it, or any item would exceed what remains.
//
// Thread-safety: plain value types and pure functions.
// Failure: ValidateShipment, DrawDown and ShipmentFromJson return kInvalidArgument
// naming the field ("items/0/quantity: ...") or the license limit exceeded.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/licensing/license.h"

namespace tollgate::licensing {

struct ShipmentItem {
  std::string eccn;
  std::int64_t quantity = 0;
  std::int64_t value_usd = 0;  // whole US dollars
  bool operator==(const ShipmentItem&) const = default;
};

struct Shipment {
  std::int64_t seq = 0;  // 1, 2, ... per license; assigned by the store
  std::string license_number;
  Date date;  // the day of export
  std::vector<ShipmentItem> items;
  std::vector<LicenseParty> parties;  // role and name as on the license
  std::string recorded_by;            // Describe(actor) or "operator"; set by the caller
  std::string recorded_at;            // clock timestamp; set by the caller
  bool operator==(const Shipment&) const = default;
};

// A shipment names a license, at least one item (a well-formed ECCN, quantity and
// value not negative, not both zero) and at least one party.
Status ValidateShipment(const Shipment& shipment);

// The license after `shipment` drew it down, or why not: the first limit broken, with
// the item, what the shipment asks and what remains.
Result<License> DrawDown(const License& license, const Shipment& shipment);

nlohmann::json ToJson(const Shipment& shipment);
// The JSON form `tollgate licenses ship --file` reads: {"license": "...", "date":
// "YYYY-MM-DD", "items": [{"eccn", "quantity", "value"}], "parties": [{"role",
// "name"}]}; unknown keys are refused.
Result<Shipment> ShipmentFromJson(const nlohmann::json& json);

}  // namespace tollgate::licensing
