#include "tollgate/licensing/license.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "tollgate/common/country.h"
#include "tollgate/rules/catalog.h"

namespace tollgate::licensing {
namespace {

Error Invalid(const std::string& field, const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, "license " + field + ": " + message);
}

std::optional<std::int64_t> OptionalAmount(const nlohmann::json& json, const char* key) {
  auto it = json.find(key);
  if (it == json.end() || it->is_null()) return std::nullopt;
  return it->get<std::int64_t>();
}

}  // namespace

const char* LicenseStatusName(LicenseStatus status) {
  switch (status) {
    case LicenseStatus::kActive:
      return "active";
    case LicenseStatus::kSuspended:
      return "suspended";
    case LicenseStatus::kRevoked:
      return "revoked";
  }
  return "active";
}

std::optional<LicenseStatus> ParseLicenseStatus(std::string_view name) {
  for (auto status : {LicenseStatus::kActive, LicenseStatus::kSuspended, LicenseStatus::kRevoked}) {
    if (name == LicenseStatusName(status)) return status;
  }
  return std::nullopt;
}

std::string FoldPartyName(std::string_view name) {
  std::string out;
  bool gap = false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += ' ';
    gap = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

Result<License> ValidateLicense(License license) {
  if (license.number.empty()) return Invalid("number", "missing");
  if (license.holder.empty()) return Invalid("holder", "missing");
  auto country = CountryByCode(license.destination);
  if (!country) {
    return Invalid("destination",
                   "'" + license.destination + "' is not an ISO 3166-1 alpha-2 country code");
  }
  license.destination = std::string(country->code);
  if (license.parties.empty()) return Invalid("parties", "a license names at least one party");
  for (std::size_t i = 0; i < license.parties.size(); ++i) {
    auto& party = license.parties[i];
    std::string field = "parties/" + std::to_string(i);
    if (party.role == rules::PartyRole::kExporter) {
      return Invalid(field + "/role", "the exporter is the holder, not a party");
    }
    if (FoldPartyName(party.name).empty()) return Invalid(field + "/name", "missing");
    if (!party.country.empty()) {
      auto party_country = CountryByCode(party.country);
      if (!party_country) {
        return Invalid(field + "/country", "'" + party.country + "' is not an ISO 3166-1 code");
      }
      party.country = std::string(party_country->code);
    }
  }
  if (license.items.empty()) return Invalid("items", "a license covers at least one item");
  for (std::size_t i = 0; i < license.items.size(); ++i) {
    auto& item = license.items[i];
    std::string field = "items/" + std::to_string(i);
    std::string eccn = rules::NormalizeEccn(item.eccn);
    if (eccn.empty()) {
      return Invalid(field + "/eccn", "'" + item.eccn + "' is not an ECCN (e.g. 5D992.c or EAR99)");
    }
    item.eccn = eccn;
    for (auto [amount, name] :
         {std::pair{&item.quantity, "quantity"}, std::pair{&item.value_usd, "value"},
          std::pair{&item.remaining_quantity, "remaining_quantity"},
          std::pair{&item.remaining_value_usd, "remaining_value"}}) {
      if (*amount && **amount < 0) return Invalid(field + "/" + name, "must not be negative");
    }
    if (!item.remaining_quantity) item.remaining_quantity = item.quantity;
    if (!item.remaining_value_usd) item.remaining_value_usd = item.value_usd;
    if (item.quantity && item.remaining_quantity && *item.remaining_quantity > *item.quantity) {
      return Invalid(field + "/remaining_quantity", "exceeds the licensed quantity");
    }
    if (item.value_usd && item.remaining_value_usd && *item.remaining_value_usd > *item.value_usd) {
      return Invalid(field + "/remaining_value", "exceeds the licensed value");
    }
    if ((!item.quantity && item.remaining_quantity) ||
        (!item.value_usd && item.remaining_value_usd)) {
      return Invalid(field, "a remaining amount needs the licensed amount");
    }
  }
  if (license.valid_until < license.valid_from) {
    return Invalid("valid_until", license.valid_until.ToString() + " is before valid_from " +
                                      license.valid_from.ToString());
  }
  if (!license.issued_on.empty() && !Date::Parse(license.issued_on).ok()) {
    return Invalid("issued_on", "'" + license.issued_on + "' is not a date YYYY-MM-DD");
  }
  return license;
}

nlohmann::json ToJson(const License& license) {
  nlohmann::json parties = nlohmann::json::array();
  for (const auto& party : license.parties) {
    nlohmann::json p = {{"role", rules::PartyRoleName(party.role)}, {"name", party.name}};
    if (!party.country.empty()) p["country"] = party.country;
    parties.push_back(std::move(p));
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : license.items) {
    nlohmann::json i = {{"eccn", item.eccn}};
    if (!item.description.empty()) i["description"] = item.description;
    auto put = [&](const char* key, const std::optional<std::int64_t>& v) {
      i[key] = v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    };
    put("quantity", item.quantity);
    put("value", item.value_usd);
    put("remaining_quantity", item.remaining_quantity);
    put("remaining_value", item.remaining_value_usd);
    items.push_back(std::move(i));
  }
  nlohmann::json out = {{"number", license.number},
                        {"holder", license.holder},
                        {"destination", license.destination},
                        {"parties", std::move(parties)},
                        {"items", std::move(items)},
                        {"valid_from", license.valid_from.ToString()},
                        {"valid_until", license.valid_until.ToString()},
                        {"conditions", license.conditions},
                        {"status", LicenseStatusName(license.status)}};
  if (!license.issued_on.empty()) out["issued_on"] = license.issued_on;
  if (!license.organization.empty()) out["organization"] = license.organization;
  if (!license.application.empty()) out["application"] = license.application;
  if (!license.created_by.empty()) out["created_by"] = license.created_by;
  return out;
}

Result<License> LicenseFromJson(const nlohmann::json& json) {
  static const std::set<std::string> kKeys = {
      "number",       "holder",      "destination", "parties", "items",
      "valid_from",   "valid_until", "conditions",  "status",  "issued_on",
      "organization", "application", "created_by"};
  static const std::set<std::string> kPartyKeys = {"role", "name", "country"};
  static const std::set<std::string> kItemKeys = {"eccn",  "description",        "quantity",
                                                  "value", "remaining_quantity", "remaining_value"};
  auto unknown = [](const nlohmann::json& object, const std::set<std::string>& keys,
                    const std::string& where) -> std::optional<Error> {
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (!keys.contains(it.key())) return Invalid(where + it.key(), "unknown field");
    }
    return std::nullopt;
  };
  try {
    if (!json.is_object()) return Invalid("", "expected a JSON object");
    if (auto e = unknown(json, kKeys, "")) return *e;
    License license;
    license.number = json.value("number", "");
    license.holder = json.value("holder", "");
    license.destination = json.value("destination", "");
    for (const char* key : {"valid_from", "valid_until"}) {
      if (!json.contains(key)) return Invalid(key, "missing");
      auto date = Date::Parse(json.at(key).get<std::string>());
      if (!date.ok()) return Invalid(key, date.error().message);
      (std::string(key) == "valid_from" ? license.valid_from : license.valid_until) = *date;
    }
    const auto& parties = json.value("parties", nlohmann::json::array());
    for (std::size_t i = 0; i < parties.size(); ++i) {
      std::string where = "parties/" + std::to_string(i) + "/";
      if (auto e = unknown(parties[i], kPartyKeys, where)) return *e;
      auto role = rules::ParsePartyRole(parties[i].value("role", ""));
      if (!role) return Invalid(where + "role", "missing or unknown role");
      license.parties.push_back(
          {*role, parties[i].value("name", ""), parties[i].value("country", "")});
    }
    const auto& items = json.value("items", nlohmann::json::array());
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (auto e = unknown(items[i], kItemKeys, "items/" + std::to_string(i) + "/")) return *e;
      LicenseItem item;
      item.eccn = items[i].value("eccn", "");
      item.description = items[i].value("description", "");
      item.quantity = OptionalAmount(items[i], "quantity");
      item.value_usd = OptionalAmount(items[i], "value");
      item.remaining_quantity = OptionalAmount(items[i], "remaining_quantity");
      item.remaining_value_usd = OptionalAmount(items[i], "remaining_value");
      license.items.push_back(std::move(item));
    }
    license.conditions = json.value("conditions", std::vector<std::string>{});
    auto status = ParseLicenseStatus(json.value("status", "active"));
    if (!status) return Invalid("status", "expected active, suspended or revoked");
    license.status = *status;
    license.issued_on = json.value("issued_on", "");
    license.organization = json.value("organization", "");
    license.application = json.value("application", "");
    license.created_by = json.value("created_by", "");
    return ValidateLicense(std::move(license));
  } catch (const nlohmann::json::exception& e) {
    return Invalid("", std::string("wrong JSON type: ") + e.what());
  }
}

}  // namespace tollgate::licensing
