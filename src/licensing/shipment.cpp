#include "tollgate/licensing/shipment.h"

#include <nlohmann/json.hpp>
#include <set>

#include "tollgate/rules/catalog.h"

namespace tollgate::licensing {
namespace {

Error Invalid(const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, message);
}

// "5D992" covers "5D992.c" and below; "5D992.c" covers "5D992.c" and below.
bool Covers(const std::string& licensed, const std::string& shipped) {
  return licensed == shipped ||
         (shipped.size() > licensed.size() && shipped.compare(0, licensed.size(), licensed) == 0 &&
          shipped[licensed.size()] == '.');
}

}  // namespace

Status ValidateShipment(const Shipment& shipment) {
  if (shipment.license_number.empty()) return Invalid("shipment license: missing");
  if (shipment.items.empty()) return Invalid("shipment items: a shipment ships at least one item");
  for (std::size_t i = 0; i < shipment.items.size(); ++i) {
    const auto& item = shipment.items[i];
    const std::string field = "shipment items/" + std::to_string(i);
    if (rules::NormalizeEccn(item.eccn).empty()) {
      return Invalid(field + "/eccn: '" + item.eccn + "' is not an ECCN (e.g. 5D992.c)");
    }
    if (item.quantity < 0) return Invalid(field + "/quantity: must not be negative");
    if (item.value_usd < 0) return Invalid(field + "/value: must not be negative");
    if (item.quantity == 0 && item.value_usd == 0) {
      return Invalid(field + ": ships neither a quantity nor a value");
    }
  }
  if (shipment.parties.empty()) {
    return Invalid("shipment parties: name at least one party (--party ROLE=NAME)");
  }
  for (std::size_t i = 0; i < shipment.parties.size(); ++i) {
    if (FoldPartyName(shipment.parties[i].name).empty()) {
      return Invalid("shipment parties/" + std::to_string(i) + "/name: missing");
    }
  }
  return {};
}

Result<License> DrawDown(const License& license, const Shipment& shipment) {
  if (auto s = ValidateShipment(shipment); !s.ok()) return s.error();
  const std::string which = "license " + license.number;
  if (license.status != LicenseStatus::kActive) {
    return Invalid(which + " is " + LicenseStatusName(license.status) +
                   ": only an active license authorizes shipments (15 CFR 750.8)");
  }
  if (shipment.date < license.valid_from || license.valid_until < shipment.date) {
    return Invalid("date: " + which + " is valid " + license.valid_from.ToString() + ".." +
                   license.valid_until.ToString() + "; a shipment on " + shipment.date.ToString() +
                   " is outside it");
  }
  for (std::size_t i = 0; i < shipment.parties.size(); ++i) {
    const auto& party = shipment.parties[i];
    const std::string folded = FoldPartyName(party.name);
    bool named = false;
    for (const auto& p : license.parties) {
      named = named || (p.role == party.role && FoldPartyName(p.name) == folded);
    }
    if (!named) {
      return Invalid("parties/" + std::to_string(i) + ": " + which + " does not name '" +
                     party.name + "' as " + rules::PartyRoleName(party.role));
    }
  }
  License after = license;
  for (std::size_t i = 0; i < shipment.items.size(); ++i) {
    const auto& shipped = shipment.items[i];
    const std::string eccn = rules::NormalizeEccn(shipped.eccn);
    const std::string field = "items/" + std::to_string(i) + ": ";
    LicenseItem* licensed = nullptr;
    for (auto& candidate : after.items) {
      if (Covers(candidate.eccn, eccn)) {
        licensed = &candidate;
        break;
      }
    }
    if (licensed == nullptr) return Invalid(field + which + " does not list " + eccn);
    struct Amount {
      const char* field;  // the shipment's own name for it, so the error names the field
      const char* what;
      std::int64_t asked;
      std::optional<std::int64_t>& remaining;
    };
    for (Amount a :
         {Amount{"quantity", "quantity", shipped.quantity, licensed->remaining_quantity},
          Amount{"value", "value (USD)", shipped.value_usd, licensed->remaining_value_usd}}) {
      if (!a.remaining) continue;  // the license states no limit
      if (a.asked > *a.remaining) {
        return Invalid("items/" + std::to_string(i) + "/" + a.field + ": the shipment of " + eccn +
                       " asks " + a.what + " " + std::to_string(a.asked) + " but " + which +
                       " has " + std::to_string(*a.remaining) + " remaining for " + licensed->eccn);
      }
      *a.remaining -= a.asked;
    }
  }
  return after;
}

nlohmann::json ToJson(const Shipment& shipment) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : shipment.items) {
    items.push_back({{"eccn", i.eccn}, {"quantity", i.quantity}, {"value", i.value_usd}});
  }
  nlohmann::json parties = nlohmann::json::array();
  for (const auto& p : shipment.parties) {
    parties.push_back({{"role", rules::PartyRoleName(p.role)}, {"name", p.name}});
  }
  nlohmann::json out = {{"license", shipment.license_number},
                        {"date", shipment.date.ToString()},
                        {"items", std::move(items)},
                        {"parties", std::move(parties)}};
  if (shipment.seq != 0) out["seq"] = shipment.seq;
  if (!shipment.recorded_by.empty()) out["recorded_by"] = shipment.recorded_by;
  if (!shipment.recorded_at.empty()) out["recorded_at"] = shipment.recorded_at;
  return out;
}

Result<Shipment> ShipmentFromJson(const nlohmann::json& json) {
  static const std::set<std::string> kKeys = {"license", "date",        "items",      "parties",
                                              "seq",     "recorded_by", "recorded_at"};
  static const std::set<std::string> kItemKeys = {"eccn", "quantity", "value"};
  static const std::set<std::string> kPartyKeys = {"role", "name"};
  auto unknown = [](const nlohmann::json& object, const std::set<std::string>& keys,
                    const std::string& where) -> std::optional<Error> {
    if (!object.is_object()) return Invalid("shipment " + where + ": expected a JSON object");
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (!keys.contains(it.key()))
        return Invalid("shipment " + where + it.key() + ": unknown field");
    }
    return std::nullopt;
  };
  try {
    if (auto e = unknown(json, kKeys, "")) return *e;
    Shipment shipment;
    shipment.license_number = json.value("license", "");
    auto date = Date::Parse(json.value("date", ""));
    if (!date.ok()) return Invalid("shipment date: " + date.error().message);
    shipment.date = *date;
    const auto& items = json.value("items", nlohmann::json::array());
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string where = "items/" + std::to_string(i) + "/";
      if (auto e = unknown(items[i], kItemKeys, where)) return *e;
      shipment.items.push_back({items[i].value("eccn", ""), items[i].value("quantity", 0LL),
                                items[i].value("value", 0LL)});
    }
    const auto& parties = json.value("parties", nlohmann::json::array());
    for (std::size_t i = 0; i < parties.size(); ++i) {
      const std::string where = "parties/" + std::to_string(i) + "/";
      if (auto e = unknown(parties[i], kPartyKeys, where)) return *e;
      auto role = rules::ParsePartyRole(parties[i].value("role", ""));
      if (!role || *role == rules::PartyRole::kExporter) {
        return Invalid("shipment " + where + "role: missing or not a party role");
      }
      shipment.parties.push_back({*role, parties[i].value("name", ""), ""});
    }
    shipment.seq = json.value("seq", 0LL);
    shipment.recorded_by = json.value("recorded_by", "");
    shipment.recorded_at = json.value("recorded_at", "");
    if (auto s = ValidateShipment(shipment); !s.ok()) return s.error();
    return shipment;
  } catch (const nlohmann::json::exception& e) {
    return Invalid(std::string("shipment: wrong JSON type: ") + e.what());
  }
}

}  // namespace tollgate::licensing
