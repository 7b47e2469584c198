#include "tollgate/parties/party.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "tollgate/common/country.h"
#include "tollgate/common/date.h"

namespace tollgate::parties {
namespace {

Error Invalid(std::string_view field, const std::string& what) {
  return MakeError(ErrorCode::kInvalidArgument, std::string(field) + ": " + what);
}

std::string Trim(std::string_view text) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

bool HasControl(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

// "YYYY" (a year alone: lists often know no more, e.g. OFAC's "DOB 1961") or a real
// "YYYY-MM-DD".
Status CheckDateOfBirth(const std::string& text) {
  if (text.empty()) return {};
  if (text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
      })) {
    if (text < "1800") return Invalid("date_of_birth", "year " + text + " is before 1800");
    return {};
  }
  auto date = Date::Parse(text);
  if (!date.ok() || date->ToString() != text) {
    return Invalid("date_of_birth", "'" + text + "' is neither YYYY nor a date YYYY-MM-DD");
  }
  return {};
}

const nlohmann::json* Member(const nlohmann::json& json, const char* key) {
  auto it = json.find(key);
  return it == json.end() || it->is_null() ? nullptr : &*it;
}

Result<std::string> TextMember(const nlohmann::json& json, const char* key) {
  const nlohmann::json* value = Member(json, key);
  if (value == nullptr) return std::string();
  if (!value->is_string()) return Invalid(key, "expected a string");
  return value->get<std::string>();
}

}  // namespace

bool SameContent(const Party& a, const Party& b) {
  return a.organization == b.organization && a.external_id == b.external_id && a.name == b.name &&
         a.aliases == b.aliases && a.country == b.country && a.address == b.address &&
         a.type == b.type && a.date_of_birth == b.date_of_birth && a.identifiers == b.identifiers;
}

Result<Party> ValidateParty(Party party) {
  party.external_id = Trim(party.external_id);
  if (party.external_id.empty()) return Invalid("external_id", "empty");
  if (party.external_id.size() > 128 || HasControl(party.external_id)) {
    return Invalid("external_id", "at most 128 characters, without control characters");
  }
  party.name = Trim(party.name);
  if (party.name.empty()) return Invalid("name", "empty");
  std::vector<std::string> aliases;
  for (const auto& alias : party.aliases) {
    std::string trimmed = Trim(alias);
    if (!trimmed.empty()) aliases.push_back(std::move(trimmed));
  }
  party.aliases = std::move(aliases);
  const std::string country = Trim(party.country);
  if (country.empty()) return Invalid("country", "empty (an ISO 3166 alpha-2 code, e.g. CN)");
  auto found = FindCountry(country);
  if (!found) {
    return Invalid("country", "'" + country + "' is not an ISO 3166 alpha-2 code or country name");
  }
  party.country = std::string(found->code);
  party.address = Trim(party.address);
  party.date_of_birth = Trim(party.date_of_birth);
  if (auto s = CheckDateOfBirth(party.date_of_birth); !s.ok()) return s.error();
  for (std::size_t i = 0; i < party.identifiers.size(); ++i) {
    auto& identifier = party.identifiers[i];
    identifier.type = Trim(identifier.type);
    identifier.value = Trim(identifier.value);
    const std::string field = "identifiers/" + std::to_string(i);
    if (identifier.type.empty()) return Invalid(field + "/type", "empty");
    if (identifier.value.empty()) return Invalid(field + "/value", "empty");
  }
  return party;
}

nlohmann::json ToJson(const Party& party) {
  nlohmann::json identifiers = nlohmann::json::array();
  for (const auto& i : party.identifiers) {
    identifiers.push_back({{"type", i.type}, {"value", i.value}});
  }
  const Screening& s = party.screening;
  nlohmann::json screening = nullptr;
  if (!s.screened_at.empty()) {
    screening = {{"screened_at", s.screened_at},
                 {"as_of", s.as_of},
                 {"top_score", s.top_score},
                 {"hits", s.hits},
                 {"lists", s.lists},
                 {"matches", s.matches}};
  }
  return {{"id", party.id},
          {"organization", party.organization},
          {"external_id", party.external_id},
          {"name", party.name},
          {"aliases", party.aliases},
          {"country", party.country},
          {"address", party.address},
          {"type", lists::EntryTypeName(party.type)},
          {"date_of_birth", party.date_of_birth},
          {"identifiers", identifiers},
          {"revision", party.revision},
          {"updated_at", party.updated_at},
          {"updated_by", party.updated_by},
          {"screening", screening}};
}

Result<Party> PartyFromJson(const nlohmann::json& json) {
  if (!json.is_object()) return Invalid("party", "expected an object");
  static constexpr const char* kKeys[] = {"external_id", "name", "aliases",       "country",
                                          "address",     "type", "date_of_birth", "identifiers"};
  for (const auto& item : json.items()) {
    const std::string& key = item.key();
    if (std::find_if(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return key == k; }) ==
        std::end(kKeys)) {
      return Invalid(key,
                     "unknown field (expected external_id, name, aliases, country, "
                     "address, type, date_of_birth, identifiers)");
    }
  }
  Party party;
  for (auto [key, target] :
       {std::pair{"external_id", &party.external_id}, std::pair{"name", &party.name},
        std::pair{"country", &party.country}, std::pair{"address", &party.address},
        std::pair{"date_of_birth", &party.date_of_birth}}) {
    auto text = TextMember(json, key);
    if (!text.ok()) return text.error();
    *target = std::move(text).value();
  }
  auto type = TextMember(json, "type");
  if (!type.ok()) return type.error();
  if (!type->empty()) {
    auto parsed = lists::ParseEntryType(Trim(*type));
    if (!parsed) {
      return Invalid("type", "'" + *type + "': expected individual, entity, vessel or aircraft");
    }
    party.type = *parsed;
  }
  if (const nlohmann::json* aliases = Member(json, "aliases")) {
    if (!aliases->is_array()) return Invalid("aliases", "expected an array of strings");
    for (std::size_t i = 0; i < aliases->size(); ++i) {
      if (!(*aliases)[i].is_string()) {
        return Invalid("aliases/" + std::to_string(i), "expected a string");
      }
      party.aliases.push_back((*aliases)[i].get<std::string>());
    }
  }
  if (const nlohmann::json* identifiers = Member(json, "identifiers")) {
    if (!identifiers->is_array()) {
      return Invalid("identifiers", "expected an array of {type, value}");
    }
    for (std::size_t i = 0; i < identifiers->size(); ++i) {
      const auto& item = (*identifiers)[i];
      const std::string field = "identifiers/" + std::to_string(i);
      if (!item.is_object()) return Invalid(field, "expected an object {type, value}");
      auto t = TextMember(item, "type");
      auto v = TextMember(item, "value");
      if (!t.ok()) return Invalid(field + "/type", "expected a string");
      if (!v.ok()) return Invalid(field + "/value", "expected a string");
      party.identifiers.push_back({*t, *v});
    }
  }
  return ValidateParty(std::move(party));
}

}  // namespace tollgate::parties
