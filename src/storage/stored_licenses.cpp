#include "storage/stored_licenses.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace tollgate::storage {
namespace {

Error Damaged(const std::string& number, const std::string& what) {
  return MakeError(ErrorCode::kStorageError,
                   "license " + number + ": stored " + what + " is damaged");
}

bool ParseAmount(const std::string& text, std::optional<std::int64_t>& out) {
  if (text.empty()) {
    out.reset();
    return true;
  }
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return false;
  out = value;
  return true;
}

}  // namespace

std::string AmountText(const std::optional<std::int64_t>& amount) {
  return amount ? std::to_string(*amount) : std::string();
}

std::string ConditionsJson(const licensing::License& license) {
  return nlohmann::json(license.conditions).dump();
}

Result<licensing::License> DecodeLicense(const StoredLicenseRow& row,
                                         const std::vector<StoredPartyRow>& parties,
                                         const std::vector<StoredItemRow>& items) {
  licensing::License license;
  license.number = row.number;
  license.holder = row.holder;
  license.destination = row.destination;
  auto from = Date::Parse(row.valid_from);
  auto until = Date::Parse(row.valid_until);
  if (!from.ok() || !until.ok()) return Damaged(row.number, "validity window");
  license.valid_from = *from;
  license.valid_until = *until;
  auto status = licensing::ParseLicenseStatus(row.status);
  if (!status) return Damaged(row.number, "status");
  license.status = *status;
  license.issued_on = row.issued_on;
  license.organization = row.organization;
  license.application = row.application;
  license.created_by = row.created_by;
  auto conditions = nlohmann::json::parse(row.conditions_json, nullptr, false);
  if (conditions.is_discarded() || !conditions.is_array()) return Damaged(row.number, "conditions");
  for (const auto& c : conditions) {
    if (!c.is_string()) return Damaged(row.number, "conditions");
    license.conditions.push_back(c.get<std::string>());
  }
  for (const auto& p : parties) {
    auto role = rules::ParsePartyRole(p.role);
    if (!role) return Damaged(row.number, "party role");
    license.parties.push_back({*role, p.name, p.country});
  }
  for (const auto& i : items) {
    licensing::LicenseItem item;
    item.eccn = i.eccn;
    item.description = i.description;
    if (!ParseAmount(i.quantity, item.quantity) || !ParseAmount(i.value, item.value_usd) ||
        !ParseAmount(i.remaining_quantity, item.remaining_quantity) ||
        !ParseAmount(i.remaining_value, item.remaining_value_usd)) {
      return Damaged(row.number, "item amount");
    }
    license.items.push_back(std::move(item));
  }
  return license;
}

Result<DeterminationRecord> DecodeDeterminationRow(std::int64_t id, std::string recorded_at,
                                                   const std::string& transaction_date,
                                                   std::string decision, std::string request,
                                                   std::string result, std::string requested_by) {
  auto date = Date::Parse(transaction_date);
  if (!date.ok()) {
    return MakeError(ErrorCode::kStorageError,
                     "determination " + std::to_string(id) + ": stored date is damaged");
  }
  return DeterminationRecord{id,
                             std::move(recorded_at),
                             *date,
                             std::move(decision),
                             std::move(requested_by),
                             std::move(request),
                             std::move(result),
                             {},
                             {}};
}

std::string JoinFoldedParties(const std::vector<std::string>& names) {
  std::string joined;
  for (const auto& name : names) {
    if (!joined.empty()) joined += '|';
    joined += licensing::FoldPartyName(name);
  }
  return joined;
}

std::vector<std::string> SplitFoldedParties(const std::string& joined) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start < joined.size()) {
    const std::size_t bar = joined.find('|', start);
    const std::size_t end = bar == std::string::npos ? joined.size() : bar;
    names.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return names;
}

Error LicenseExists(const std::string& number) {
  return MakeError(ErrorCode::kConflict,
                   "license " + number + " is already in the store (numbers are unique)");
}

Error UnknownLicense(const std::string& number) {
  return MakeError(ErrorCode::kNotFound, "no license " + number + " in the store");
}

std::string IssuedLicenseNumber(std::int64_t sequence) {
  std::string digits = std::to_string(sequence);
  if (digits.size() < 7) digits.insert(0, 7 - digits.size(), '0');
  return "D" + digits;
}

audit::Entry LicenseIssued(const licensing::License& license, const std::string& actor,
                           const std::string& timestamp) {
  return audit::Entry{timestamp,       actor,
                      "license.issue", "license " + license.number,
                      nullptr,         licensing::ToJson(license)};
}

audit::Entry LicenseAdded(const licensing::License& license, const ChangeStamp& stamp) {
  return audit::Entry{stamp.timestamp, stamp.actor,
                      "license.add",   "license " + license.number,
                      nullptr,         licensing::ToJson(license)};
}

audit::Entry ShipmentRecorded(const licensing::License& before, const licensing::License& after,
                              const licensing::Shipment& shipment, const ChangeStamp& stamp) {
  return audit::Entry{
      stamp.timestamp,
      stamp.actor,
      "license.ship",
      "license " + after.number,
      {{"license", licensing::ToJson(before)}},
      {{"license", licensing::ToJson(after)}, {"shipment", licensing::ToJson(shipment)}}};
}

std::string ShipmentBody(const licensing::Shipment& shipment) {
  return licensing::ToJson(shipment).dump();
}

Result<licensing::Shipment> DecodeShipment(const std::string& license_number, std::int64_t seq,
                                           const std::string& body) {
  auto json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded()) return Damaged(license_number, "shipment " + std::to_string(seq));
  auto shipment = licensing::ShipmentFromJson(json);
  if (!shipment.ok()) return Damaged(license_number, "shipment " + std::to_string(seq));
  shipment->seq = seq;
  return shipment;
}

Error LicenseChanged(const std::string& number) {
  return MakeError(ErrorCode::kConflict, "license " + number +
                                             " changed while the shipment was recorded; "
                                             "reload it and try again");
}

}  // namespace tollgate::storage
