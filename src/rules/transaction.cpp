#include "tollgate/rules/transaction.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "tollgate/screening/query_facts.h"

namespace tollgate::rules {
namespace {

std::string RoleList() {
  std::string out;
  for (PartyRole role : TransactionPartyRoles()) {
    if (!out.empty()) out += ", ";
    out += PartyRoleName(role);
  }
  return out;
}

Error Invalid(const std::string& path, const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, path + ": " + message);
}

std::optional<Error> RefuseUnknownKeys(const nlohmann::json& object,
                                       const std::set<std::string>& keys, const std::string& path) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (!keys.contains(it.key())) return Invalid(path + "/" + it.key(), "unknown field");
  }
  return std::nullopt;
}

Result<std::string> StringField(const nlohmann::json& object, const char* key,
                                const std::string& path, bool required) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) return Invalid(path + "/" + key, "missing");
    return std::string();
  }
  if (!it->is_string()) return Invalid(path + "/" + key, "expected a string");
  return it->get<std::string>();
}

// A party's secondary facts for its screening (screening/facts.h): "date_of_birth"
// ("1960" or "1960-03-04") and "identifiers" [{"type", "value"}], as the party master
// writes them.
Result<PartyFacts> PartyFactsOf(const nlohmann::json& object, const std::string& path) {
  PartyFacts facts;
  auto dob = StringField(object, "date_of_birth", path, false);
  if (!dob.ok()) return dob.error();
  if (!dob->empty()) {
    auto parsed = screening::ParseBirthDate(*dob);
    if (!parsed.ok()) return Invalid(path + "/date_of_birth", parsed.error().message);
    facts.date_of_birth = *parsed;
  }
  auto ids = object.find("identifiers");
  if (ids == object.end() || ids->is_null()) return facts;
  if (!ids->is_array()) {
    return Invalid(path + "/identifiers", "expected an array of {\"type\", \"value\"}");
  }
  for (std::size_t k = 0; k < ids->size(); ++k) {
    const auto& id = (*ids)[k];
    const std::string at = path + "/identifiers/" + std::to_string(k);
    if (!id.is_object()) return Invalid(at, "expected an object {\"type\", \"value\"}");
    auto type = StringField(id, "type", at, false);
    if (!type.ok()) return type.error();
    auto value = StringField(id, "value", at, true);
    if (!value.ok()) return value.error();
    // ":" first: the value is taken whole, even when it holds a colon of its own.
    auto parsed = screening::ParseQueryIdentifier(":" + *value);
    if (!parsed.ok()) return Invalid(at + "/value", parsed.error().message);
    facts.ids.push_back({*type, parsed->value});
  }
  return facts;
}

Result<std::optional<std::int64_t>> AmountField(const nlohmann::json& object, const char* key,
                                                const std::string& path) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::optional<std::int64_t>();
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0) {
    return Invalid(path + "/" + key, "expected a whole number >= 0");
  }
  return std::optional<std::int64_t>(it->get<std::int64_t>());
}

}  // namespace

Result<Party> ParsePartySpec(std::string_view spec) {
  auto eq = spec.find('=');
  if (eq == std::string_view::npos) {
    return MakeError(ErrorCode::kInvalidArgument, "--party '" + std::string(spec) +
                                                      "': a party needs a role: expected ROLE=NAME "
                                                      "with ROLE one of " +
                                                      RoleList());
  }
  std::string role_name(spec.substr(0, eq));
  auto role = ParsePartyRole(role_name);
  if (!role || *role == PartyRole::kExporter) {
    return MakeError(ErrorCode::kInvalidArgument, "--party '" + std::string(spec) +
                                                      "': unknown role '" + role_name +
                                                      "': expected one of " + RoleList());
  }
  Party party;
  party.role = *role;
  party.name = std::string(spec.substr(eq + 1));
  if (party.name.find_first_not_of(" \t") == std::string::npos) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--party '" + std::string(spec) + "': the party's name is empty");
  }
  return party;
}

Result<Transaction> TransactionFromJson(const nlohmann::json& json) {
  static const std::set<std::string> kKeys = {"id",      "exporter", "items",    "destination",
                                              "parties", "end_use",  "activity", "date"};
  static const std::set<std::string> kItemKeys = {"eccn", "quantity", "value"};
  static const std::set<std::string> kPartyKeys = {"role", "name", "country", "date_of_birth",
                                                   "identifiers"};
  if (!json.is_object()) return Invalid("/", "expected a JSON object (one transaction per line)");
  if (auto e = RefuseUnknownKeys(json, kKeys, "")) return *e;
  Transaction tx;
  for (auto [field, key, required] :
       {std::tuple{&tx.id, "id", false}, std::tuple{&tx.exporter, "exporter", false},
        std::tuple{&tx.destination, "destination", true}, std::tuple{&tx.end_use, "end_use", false},
        std::tuple{&tx.activity, "activity", false}}) {
    auto value = StringField(json, key, "", required);
    if (!value.ok()) return value.error();
    *field = *value;
  }
  auto date_text = StringField(json, "date", "", true);
  if (!date_text.ok()) return date_text.error();
  auto date = Date::Parse(*date_text);
  if (!date.ok()) return Invalid("/date", date.error().message);
  tx.date = *date;

  auto items = json.find("items");
  if (items == json.end() || !items->is_array() || items->empty()) {
    return Invalid("/items", "expected a non-empty array of {\"eccn\": ...}");
  }
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto& object = (*items)[i];
    std::string path = "/items/" + std::to_string(i);
    if (!object.is_object()) return Invalid(path, "expected an object");
    if (auto e = RefuseUnknownKeys(object, kItemKeys, path)) return *e;
    Item item;
    auto eccn = StringField(object, "eccn", path, true);
    if (!eccn.ok()) return eccn.error();
    item.eccn = *eccn;
    auto quantity = AmountField(object, "quantity", path);
    if (!quantity.ok()) return quantity.error();
    item.quantity = *quantity;
    auto value = AmountField(object, "value", path);
    if (!value.ok()) return value.error();
    item.value_usd = *value;
    tx.items.push_back(std::move(item));
  }

  auto parties = json.find("parties");
  if (parties == json.end() || !parties->is_array() || parties->empty()) {
    return Invalid("/parties", "expected a non-empty array of {\"role\": ..., \"name\": ...}");
  }
  for (std::size_t i = 0; i < parties->size(); ++i) {
    const auto& object = (*parties)[i];
    std::string path = "/parties/" + std::to_string(i);
    if (!object.is_object()) return Invalid(path, "expected an object");
    if (auto e = RefuseUnknownKeys(object, kPartyKeys, path)) return *e;
    auto role_name = StringField(object, "role", path, false);
    if (!role_name.ok()) return role_name.error();
    if (role_name->empty()) {
      return Invalid(path, "missing \"role\": a party needs a role, one of " + RoleList());
    }
    auto role = ParsePartyRole(*role_name);
    if (!role || *role == PartyRole::kExporter) {
      return Invalid(path + "/role",
                     "unknown role '" + *role_name + "': expected one of " + RoleList());
    }
    Party party;
    party.role = *role;
    auto name = StringField(object, "name", path, true);
    if (!name.ok()) return name.error();
    party.name = *name;
    auto country = StringField(object, "country", path, false);
    if (!country.ok()) return country.error();
    party.country = *country;
    auto facts = PartyFactsOf(object, path);
    if (!facts.ok()) return facts.error();
    tx.parties.push_back(std::move(party));
    tx.party_facts.push_back(std::move(*facts));
  }
  // Kept only when some party has facts: a transaction without them stays as it was.
  if (std::all_of(tx.party_facts.begin(), tx.party_facts.end(),
                  [](const PartyFacts& f) { return !f.date_of_birth && f.ids.empty(); })) {
    tx.party_facts.clear();
  }
  return tx;
}

nlohmann::json ToJson(const Transaction& transaction) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : transaction.items) {
    nlohmann::json i = {{"eccn", item.eccn}};
    if (item.quantity) i["quantity"] = *item.quantity;
    if (item.value_usd) i["value"] = *item.value_usd;
    items.push_back(std::move(i));
  }
  nlohmann::json parties = nlohmann::json::array();
  for (std::size_t i = 0; i < transaction.parties.size(); ++i) {
    const Party& party = transaction.parties[i];
    nlohmann::json p = {{"role", PartyRoleName(party.role)}, {"name", party.name}};
    if (!party.country.empty()) p["country"] = party.country;
    if (i < transaction.party_facts.size()) {
      const PartyFacts& facts = transaction.party_facts[i];
      if (facts.date_of_birth) p["date_of_birth"] = screening::BirthDateText(*facts.date_of_birth);
      if (!facts.ids.empty()) {
        nlohmann::json ids = nlohmann::json::array();
        for (const auto& id : facts.ids) ids.push_back({{"type", id.type}, {"value", id.value}});
        p["identifiers"] = std::move(ids);
      }
    }
    parties.push_back(std::move(p));
  }
  nlohmann::json out = {{"items", std::move(items)},
                        {"destination", transaction.destination},
                        {"parties", std::move(parties)},
                        {"date", transaction.date.ToString()}};
  if (!transaction.id.empty()) out["id"] = transaction.id;
  if (!transaction.exporter.empty()) out["exporter"] = transaction.exporter;
  if (!transaction.end_use.empty()) out["end_use"] = transaction.end_use;
  if (!transaction.activity.empty()) out["activity"] = transaction.activity;
  return out;
}

}  // namespace tollgate::rules
