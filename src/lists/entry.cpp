#include "tollgate/lists/entry.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>

namespace tollgate::lists {
namespace {

using nlohmann::json;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

json OptionalDate(const std::optional<Date>& date) {
  return date ? json(date->ToString()) : json(nullptr);
}

// Reads the fields of one JSON object in a fixed order and remembers the first
// problem with the path of the field ("aliases[2].kind"), so that callers can return
// early once and report exactly one, the first, bad field.
class FieldReader {
 public:
  FieldReader(const json& object, std::string path) : object_(object), path_(std::move(path)) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // A string field; `required` fields must be present and non-empty.
  void String(const char* key, std::string& out, bool required = false) {
    const json* value = Find(key, required);
    if (value == nullptr) return;
    if (!value->is_string()) return Fail(key, "expected a string");
    out = value->get<std::string>();
    if (required && out.empty()) Fail(key, "must not be empty");
  }

  void StringList(const char* key, std::vector<std::string>& out) {
    const json* value = Find(key, false);
    if (value == nullptr) return;
    if (!value->is_array()) return Fail(key, "expected an array of strings");
    for (std::size_t i = 0; i < value->size(); ++i) {
      const json& item = (*value)[i];
      if (!item.is_string()) {
        return Fail(std::string(key) + "[" + std::to_string(i) + "]", "expected a string");
      }
      out.push_back(item.get<std::string>());
    }
  }

  void OptionalDateField(const char* key, std::optional<Date>& out) {
    const json* value = Find(key, false);
    if (value == nullptr || value->is_null()) return;
    if (!value->is_string()) return Fail(key, "expected a date as \"YYYY-MM-DD\" or null");
    Result<Date> date = Date::Parse(value->get<std::string>());
    if (!date.ok()) return Fail(key, date.error().message);
    out = *date;
  }

  // An array of objects, each read by `read(FieldReader&, T&)`.
  template <typename T, typename ReadFn>
  void ObjectList(const char* key, std::vector<T>& out, ReadFn read) {
    const json* value = Find(key, false);
    if (value == nullptr) return;
    if (!value->is_array()) return Fail(key, "expected an array of objects");
    for (std::size_t i = 0; i < value->size() && ok(); ++i) {
      std::string item_path = std::string(key) + "[" + std::to_string(i) + "]";
      const json& item = (*value)[i];
      if (!item.is_object()) return Fail(item_path, "expected an object");
      FieldReader nested(item, Join(item_path));
      T parsed;
      read(nested, parsed);
      if (nested.ok()) nested.RejectUnknown();
      if (!nested.ok()) {
        error_ = nested.error_;
        return;
      }
      out.push_back(std::move(parsed));
    }
  }

  void Fail(std::string_view key, std::string_view what) {
    if (ok()) error_ = "field " + Join(key) + ": " + std::string(what);
  }

  // A key the canonical form does not have is refused: it is a typo or data from a
  // newer version that this one would silently drop.
  void RejectUnknown() {
    for (auto it = object_.begin(); it != object_.end() && ok(); ++it) {
      if (std::find(known_.begin(), known_.end(), it.key()) == known_.end()) {
        Fail(it.key(), "unknown field");
      }
    }
  }

 private:
  const json* Find(const char* key, bool required) {
    known_.emplace_back(key);
    if (!ok()) return nullptr;
    auto it = object_.find(key);
    if (it == object_.end()) {
      if (required) Fail(key, "missing");
      return nullptr;
    }
    return &*it;
  }

  std::string Join(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  const json& object_;
  std::string path_;
  std::string error_;
  std::vector<std::string> known_;  // keys read so far
};

}  // namespace

const char* EntryTypeName(EntryType type) {
  switch (type) {
    case EntryType::kEntity:
      return "entity";
    case EntryType::kIndividual:
      return "individual";
    case EntryType::kVessel:
      return "vessel";
    case EntryType::kAircraft:
      return "aircraft";
  }
  return "entity";
}

std::optional<EntryType> ParseEntryType(std::string_view text) {
  text = TrimSpaces(text);
  for (EntryType type :
       {EntryType::kEntity, EntryType::kIndividual, EntryType::kVessel, EntryType::kAircraft}) {
    if (EqualsIgnoreCase(text, EntryTypeName(type))) return type;
  }
  return std::nullopt;
}

const char* AliasKindName(AliasKind kind) {
  switch (kind) {
    case AliasKind::kAka:
      return "aka";
    case AliasKind::kFka:
      return "fka";
    case AliasKind::kNka:
      return "nka";
    case AliasKind::kWeak:
      return "weak";
  }
  return "aka";
}

std::optional<AliasKind> ParseAliasKind(std::string_view text) {
  text = TrimSpaces(text);
  struct Spelling {
    std::string_view text;
    AliasKind kind;
  };
  // OFAC writes "aka"/"a.k.a." etc.; the UN marks alias quality "Good" (a strong
  // alias) or "Low" (what OFAC calls a weak alias).
  static constexpr Spelling kSpellings[] = {
      {"aka", AliasKind::kAka},    {"a.k.a.", AliasKind::kAka}, {"good", AliasKind::kAka},
      {"fka", AliasKind::kFka},    {"f.k.a.", AliasKind::kFka}, {"nka", AliasKind::kNka},
      {"n.k.a.", AliasKind::kNka}, {"weak", AliasKind::kWeak},  {"low", AliasKind::kWeak},
  };
  for (const Spelling& s : kSpellings) {
    if (EqualsIgnoreCase(text, s.text)) return s.kind;
  }
  return std::nullopt;
}

bool InForceOn(const ListEntry& entry, Date date) {
  if (entry.start_date && date < *entry.start_date) return false;
  if (entry.end_date && date > *entry.end_date) return false;
  return true;
}

json ToJson(const ListEntry& entry) {
  json aliases = json::array();
  for (const Alias& a : entry.aliases) {
    aliases.push_back({{"name", a.name}, {"kind", AliasKindName(a.kind)}});
  }
  json addresses = json::array();
  for (const Address& a : entry.addresses) {
    addresses.push_back({{"street", a.street},
                         {"city", a.city},
                         {"state", a.state},
                         {"postal_code", a.postal_code},
                         {"country", a.country},
                         {"country_name", a.country_name}});
  }
  json ids = json::array();
  for (const Identifier& id : entry.ids) {
    ids.push_back({{"type", id.type}, {"value", id.value}, {"country", id.country}});
  }
  return json{{"list", entry.list},
              {"entry_id", entry.entry_id},
              {"type", EntryTypeName(entry.type)},
              {"name", entry.name},
              {"aliases", std::move(aliases)},
              {"addresses", std::move(addresses)},
              {"programs", entry.programs},
              {"federal_register", entry.federal_register},
              {"start_date", OptionalDate(entry.start_date)},
              {"end_date", OptionalDate(entry.end_date)},
              {"license_requirement", entry.license_requirement},
              {"license_policy", entry.license_policy},
              {"ids", std::move(ids)},
              {"nationalities", entry.nationalities},
              {"dates_of_birth", entry.dates_of_birth},
              {"title", entry.title},
              {"remarks", entry.remarks},
              {"source_url", entry.source_url}};
}

Result<ListEntry> EntryFromJson(const json& input) {
  if (!input.is_object()) {
    return MakeError(ErrorCode::kInvalidArgument, "list entry: expected a JSON object");
  }
  ListEntry entry;
  FieldReader r(input, "");
  r.String("list", entry.list, true);
  r.String("entry_id", entry.entry_id, true);
  std::string type = "entity";
  r.String("type", type);
  if (r.ok()) {
    if (auto parsed = ParseEntryType(type)) {
      entry.type = *parsed;
    } else {
      r.Fail("type", "unknown entry type '" + type + "'");
    }
  }
  r.String("name", entry.name, true);
  r.ObjectList("aliases", entry.aliases, [](FieldReader& f, Alias& a) {
    f.String("name", a.name, true);
    std::string kind = "aka";
    f.String("kind", kind);
    if (!f.ok()) return;
    if (auto parsed = ParseAliasKind(kind)) {
      a.kind = *parsed;
    } else {
      f.Fail("kind", "unknown alias kind '" + kind + "'");
    }
  });
  r.ObjectList("addresses", entry.addresses, [](FieldReader& f, Address& a) {
    f.String("street", a.street);
    f.String("city", a.city);
    f.String("state", a.state);
    f.String("postal_code", a.postal_code);
    f.String("country", a.country);
    f.String("country_name", a.country_name);
  });
  r.StringList("programs", entry.programs);
  r.StringList("federal_register", entry.federal_register);
  r.OptionalDateField("start_date", entry.start_date);
  r.OptionalDateField("end_date", entry.end_date);
  r.String("license_requirement", entry.license_requirement);
  r.String("license_policy", entry.license_policy);
  r.ObjectList("ids", entry.ids, [](FieldReader& f, Identifier& id) {
    f.String("type", id.type);
    f.String("value", id.value, true);
    f.String("country", id.country);
  });
  r.StringList("nationalities", entry.nationalities);
  r.StringList("dates_of_birth", entry.dates_of_birth);
  r.String("title", entry.title);
  r.String("remarks", entry.remarks);
  r.String("source_url", entry.source_url);
  if (r.ok()) r.RejectUnknown();
  if (!r.ok()) return MakeError(ErrorCode::kInvalidArgument, "list entry: " + r.error());
  return entry;
}

}  // namespace tollgate::lists
