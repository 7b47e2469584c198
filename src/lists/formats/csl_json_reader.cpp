// The trade.gov Consolidated Screening List as JSON: the API's {"results": [...]}
// (with "total", "sources", ... beside it) or a bare array of the same records. Lists
// are arrays, addresses objects {address, city, state, postal_code, country} and ids
// objects {type, number, country, ...}. A record is located by its index
// ("results[12]"): JSON values carry no line numbers once parsed.

#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "lists/formats/csl_common.h"
#include "lists/formats/json_text.h"
#include "lists/formats/reader_util.h"
#include "lists/formats/readers.h"

namespace tollgate::lists::formats {
namespace {

using nlohmann::json;

class RecordReader {
 public:
  RecordReader(const json& object, std::string location)
      : object_(object), location_(std::move(location)) {}

  Error Fail(std::string_view field, std::string_view what) const {
    return MakeError(ErrorCode::kParseError,
                     location_ + ": field " + std::string(field) + ": " + std::string(what));
  }

  // A string; null or absent is ""; a number (entity_number) is written out. Errors
  // name the field `name` when given (for nested fields: "addresses[0].city").
  Status String(const char* key, std::string& out, std::string_view name = {}) const {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return Status();
    if (it->is_string()) {
      out = it->get<std::string>();
    } else if (it->is_number()) {
      out = it->dump();
    } else {
      return Fail(name.empty() ? std::string_view(key) : name, "expected a string");
    }
    return Status();
  }

  // An array of strings; a single string is taken as "; "-joined, as in the CSV.
  Status Strings(const char* key, std::vector<std::string>& out) const {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return Status();
    if (it->is_string()) {
      out = SplitClean(it->get<std::string>(), ";");
      return Status();
    }
    if (!it->is_array()) return Fail(key, "expected an array of strings");
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& item = (*it)[i];
      if (item.is_null()) continue;
      if (!item.is_string()) {
        return Fail(std::string(key) + "[" + std::to_string(i) + "]", "expected a string");
      }
      out.push_back(item.get<std::string>());
    }
    return Status();
  }

  // An array of objects (or of strings in the CSV's form), each read by `read`.
  template <typename FromObject, typename FromString>
  Status Objects(const char* key, FromObject from_object, FromString from_string) const {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return Status();
    if (!it->is_array()) return Fail(key, "expected an array");
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& item = (*it)[i];
      std::string item_key = std::string(key) + "[" + std::to_string(i) + "]";
      if (item.is_string()) {
        from_string(item.get<std::string>());
      } else if (item.is_object()) {
        RecordReader nested(item, location_);
        if (Status s = from_object(nested, item_key); !s.ok()) return s;
      } else {
        return Fail(item_key, "expected an object");
      }
    }
    return Status();
  }

 private:
  const json& object_;
  std::string location_;
};

Result<CslRecord> Record(const RecordReader& r) {
  CslRecord rec;
  struct StringField {
    const char* key;
    std::string CslRecord::*member;
  };
  static constexpr StringField kStrings[] = {
      {"source", &CslRecord::source},
      {"_id", &CslRecord::id},
      {"id", &CslRecord::id},
      {"entity_number", &CslRecord::entity_number},
      {"type", &CslRecord::type},
      {"name", &CslRecord::name},
      {"title", &CslRecord::title},
      {"federal_register_notice", &CslRecord::federal_register_notice},
      {"start_date", &CslRecord::start_date},
      {"end_date", &CslRecord::end_date},
      {"license_requirement", &CslRecord::license_requirement},
      {"license_policy", &CslRecord::license_policy},
      {"call_sign", &CslRecord::call_sign},
      {"vessel_flag", &CslRecord::vessel_flag},
      {"remarks", &CslRecord::remarks},
      {"source_list_url", &CslRecord::source_list_url},
      {"source_information_url", &CslRecord::source_information_url},
  };
  for (const StringField& f : kStrings) {
    if (f.member == &CslRecord::id && !rec.id.empty()) continue;  // "_id" wins over "id"
    if (Status s = r.String(f.key, rec.*f.member); !s.ok()) return s.error();
  }
  struct ListField {
    const char* key;
    std::vector<std::string> CslRecord::*member;
  };
  static constexpr ListField kLists[] = {
      {"programs", &CslRecord::programs},
      {"alt_names", &CslRecord::alt_names},
      {"citizenships", &CslRecord::citizenships},
      {"nationalities", &CslRecord::nationalities},
      {"dates_of_birth", &CslRecord::dates_of_birth},
  };
  for (const ListField& f : kLists) {
    if (Status s = r.Strings(f.key, rec.*f.member); !s.ok()) return s.error();
  }
  Status addresses = r.Objects(
      "addresses",
      [&](const RecordReader& a, const std::string& at) -> Status {
        Address address;
        std::string country;
        for (auto [key, out] :
             {std::pair{"address", &address.street}, std::pair{"city", &address.city},
              std::pair{"state", &address.state}, std::pair{"postal_code", &address.postal_code},
              std::pair{"country", &country}}) {
          if (Status s = a.String(key, *out, at + "." + key); !s.ok()) return s;
          *out = CleanText(*out);
        }
        if (!country.empty()) SetCountry(address, country, true);
        if (!(address == Address{})) rec.addresses.push_back(std::move(address));
        return Status();
      },
      [&](const std::string& text) { rec.addresses.push_back(ParseCslAddress(text)); });
  if (!addresses.ok()) return addresses.error();
  Status ids = r.Objects(
      "ids",
      [&](const RecordReader& i, const std::string& at) -> Status {
        Identifier id;
        for (auto [key, out] : {std::pair{"type", &id.type}, std::pair{"number", &id.value},
                                std::pair{"country", &id.country}}) {
          if (Status s = i.String(key, *out, at + "." + key); !s.ok()) return s;
          *out = CleanText(*out);
        }
        if (!id.value.empty()) rec.ids.push_back(std::move(id));
        return Status();
      },
      [&](const std::string& text) {
        for (Identifier& id : ParseCslIds(text, IdOrder::kTypeFirst)) {
          rec.ids.push_back(std::move(id));
        }
      });
  if (!ids.ok()) return ids.error();
  return rec;
}

}  // namespace

Result<ParsedList> ReadCslJson(const std::filesystem::path& path, std::string_view bytes) {
  const std::string source = path.string();
  Result<std::string> text = DecodeText(bytes, source);
  if (!text.ok()) {
    // The JSON parser checks UTF-8 too, and names the key the bad byte follows.
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (FirstInvalidUtf8(bytes) == std::string_view::npos) return text.error();
    Result<json> located = ParseJsonText(bytes, source);
    return located.ok() ? text.error() : located.error();
  }
  Result<json> parsed = ParseJsonText(*text, source);
  if (!parsed.ok()) return parsed.error();
  json doc = std::move(*parsed);
  const json* results = &doc;
  std::string prefix;
  if (doc.is_object()) {
    auto it = doc.find("results");
    if (it == doc.end() || !it->is_array()) {
      return FieldParseError(source, 1, "results",
                             "expected {\"results\": [...]} or an array of entries");
    }
    results = &*it;
    prefix = "results";
  } else if (!doc.is_array()) {
    return MakeError(ErrorCode::kParseError,
                     source + ":1: expected {\"results\": [...]} or an array of entries");
  }

  ParsedList out;
  out.format = Format::kCslJson;
  out.files_read.push_back(path);
  std::map<std::pair<std::string, std::string>, std::size_t> published_ids;  // -> index
  for (std::size_t i = 0; i < results->size(); ++i) {
    std::string location = source + ": " + prefix + "[" + std::to_string(i) + "]";
    const json& item = (*results)[i];
    if (!item.is_object()) {
      return MakeError(ErrorCode::kParseError, location + ": expected an object");
    }
    RecordReader reader(item, location);
    Result<CslRecord> record = Record(reader);
    if (!record.ok()) return record.error();
    Result<ListEntry> entry = BuildCslEntry(
        *record,
        [&](std::string_view field, std::string_view what) { return reader.Fail(field, what); });
    if (!entry.ok()) return entry.error();
    bool published = !CleanText(record->entity_number).empty() || !CleanText(record->id).empty();
    if (published) {
      auto [it, inserted] = published_ids.emplace(std::pair(entry->list, entry->entry_id), i);
      if (!inserted) {
        return reader.Fail("entity_number", "duplicate id " + entry->entry_id + " in list " +
                                                entry->list + " (first at [" +
                                                std::to_string(it->second) + "])");
      }
    }
    out.entries.push_back(std::move(*entry));
  }
  MakeIdsUnique(out.entries);
  return out;
}

}  // namespace tollgate::lists::formats
