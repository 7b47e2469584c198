#include "lists/formats/csl_common.h"

#include <cctype>
#include <tuple>

#include "lists/formats/reader_util.h"
#include "tollgate/common/country.h"

namespace tollgate::lists::formats {
namespace {

// The lists the CSL combines (Commerce, Treasury, State).
constexpr std::string_view kCslLists[] = {"EL",  "DPL", "UVL",    "MEU",  "SDN", "SSI", "FSE",
                                          "PLC", "CAP", "NS-MBS", "CMIC", "ISN", "DTC"};

std::optional<std::string> KnownList(std::string_view code) {
  std::string text = CleanText(code);
  if (text.size() > 5 && EqualsNoCase(std::string_view(text).substr(text.size() - 5), " List")) {
    text.resize(text.size() - 5);  // "(NS-MBS List)"
  }
  for (std::string_view list : kCslLists) {
    if (EqualsNoCase(text, list)) return std::string(list);
  }
  return std::nullopt;
}

bool IsCountryCode(std::string_view text) {
  return text.size() == 2 && std::isupper(static_cast<unsigned char>(text[0])) &&
         std::isupper(static_cast<unsigned char>(text[1])) && CountryByCode(text).has_value();
}

bool LooksLikePostalCode(std::string_view text) {
  if (text.empty() || text.size() > 10) return false;
  bool digit = false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != ' ') return false;
  }
  return digit;
}

std::string JoinParts(const std::vector<std::string>& parts, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (!out.empty()) out += ", ";
    out += parts[i];
  }
  return out;
}

// Phrases OFAC files under "ids" that identify nothing ("Gender, Male", "Secondary
// sanctions risk:, ...", "Executive Order 13662 Directive Determination -, ..."):
// their type ends in ':' or '-', or is Gender.
bool IsIdentifierType(std::string_view type) {
  if (type.empty() || EqualsNoCase(type, "Gender")) return false;
  return type.back() != ':' && type.back() != '-';
}

bool EndsTypeLike(std::string_view part) {
  return !part.empty() && (part.back() == ':' || part.back() == '-');
}

}  // namespace

std::optional<std::string> CslListCode(std::string_view source) {
  if (auto bare = KnownList(source)) return bare;
  std::size_t open = source.find('(');
  while (open != std::string_view::npos) {
    std::size_t close = source.find(')', open);
    if (close == std::string_view::npos) break;
    if (auto code = KnownList(source.substr(open + 1, close - open - 1))) return code;
    open = source.find('(', close);
  }
  return std::nullopt;
}

Address ParseCslAddress(std::string_view text) {
  std::vector<std::string> parts = SplitClean(text, ",");
  Address a;
  if (!parts.empty()) {
    const std::string& last = parts.back();
    if (IsCountryCode(last) || CountryByName(last)) {
      SetCountry(a, last, true);
      parts.pop_back();
      // "Yerevan, Armenia, AM": the name before the code says the same.
      std::optional<Country> named;
      if (!parts.empty()) named = CountryByName(parts.back());
      if (named && named->code == a.country) parts.pop_back();
    }
  }
  std::size_t end = parts.size();
  if (end >= 2 && LooksLikePostalCode(parts[end - 1])) a.postal_code = parts[--end];
  // "Miami, FL": a two-letter state after a city, as US and Canadian addresses have.
  if (end >= 3 && parts[end - 1].size() == 2 &&
      std::isupper(static_cast<unsigned char>(parts[end - 1][0])) &&
      std::isupper(static_cast<unsigned char>(parts[end - 1][1]))) {
    a.state = parts[--end];
  }
  if (end >= 1) a.city = parts[--end];
  a.street = JoinParts(parts, 0, end);
  return a;
}

IdOrder VoteIdOrder(const std::vector<std::string>& joined_ids) {
  int type_first = 0, value_first = 0;
  for (const std::string& joined : joined_ids) {
    for (const std::string& item : SplitClean(joined, ";")) {
      std::vector<std::string> parts = SplitClean(item, ",");
      if (parts.size() < 2) continue;
      if (parts.size() >= 3 && IsCountryCode(parts.front())) ++value_first;
      if (parts.size() >= 3 && IsCountryCode(parts.back())) ++type_first;
      if (EndsTypeLike(parts.back())) ++value_first;
      if (EndsTypeLike(parts.front())) ++type_first;
    }
  }
  return value_first > type_first ? IdOrder::kValueFirst : IdOrder::kTypeFirst;
}

std::vector<Identifier> ParseCslIds(std::string_view joined, IdOrder order) {
  std::vector<Identifier> ids;
  for (const std::string& item : SplitClean(joined, ";")) {
    std::vector<std::string> parts = SplitClean(item, ",");
    Identifier id;
    std::size_t begin = 0, end = parts.size();
    if (order == IdOrder::kTypeFirst) {
      if (end >= 3 && IsCountryCode(parts[end - 1])) id.country = parts[--end];
      if (end >= 2) id.type = parts[begin++];
    } else {
      if (end >= 3 && IsCountryCode(parts[0])) id.country = parts[begin++];
      if (end - begin >= 2) id.type = parts[--end];
    }
    id.value = JoinParts(parts, begin, end);
    if (id.value.empty() || !IsIdentifierType(id.type)) continue;
    // "IMO 9116412, Vessel Registration Identification": the IMO number is the id.
    if (id.value.starts_with("IMO ")) {
      id.type = "IMO";
      id.value = CleanText(std::string_view(id.value).substr(4));
    }
    ids.push_back(std::move(id));
  }
  return ids;
}

Result<ListEntry> BuildCslEntry(CslRecord& r, const FieldFailure& fail) {
  ListEntry e;
  std::optional<std::string> list = CslListCode(r.source);
  if (!list) return fail("source", "unknown source list '" + CleanText(r.source) + "'");
  e.list = *list;
  e.name = CleanText(r.name);
  if (e.name.empty()) return fail("name", "empty name");
  std::string type = CleanText(r.type);
  if (!type.empty()) {
    std::optional<EntryType> parsed = ParseEntryType(type);
    if (!parsed) {
      return fail("type",
                  "unknown type '" + type + "': expected Entity, Individual, Vessel or Aircraft");
    }
    e.type = *parsed;
  }
  for (auto [text, field, out] : {std::tuple{&r.start_date, "start_date", &e.start_date},
                                  std::tuple{&r.end_date, "end_date", &e.end_date}}) {
    std::string value = CleanText(*text);
    if (value.empty()) continue;
    *out = Date::ParseLenient(value);
    if (!*out) return fail(field, "not a date (YYYY-MM-DD): '" + value + "'");
  }
  e.title = CleanText(r.title);
  if (std::string notice = CleanText(r.federal_register_notice); !notice.empty()) {
    e.federal_register = SplitFederalRegister(notice);
  }
  e.license_requirement = CleanText(r.license_requirement);
  e.license_policy = CleanText(r.license_policy);
  e.remarks = CleanText(r.remarks);
  e.source_url = CleanText(r.source_list_url);
  if (e.source_url.empty()) e.source_url = CleanText(r.source_information_url);
  for (std::string& p : r.programs) AddUnique(e.programs, CleanText(p));
  for (std::string& n : r.alt_names) {
    std::string name = CleanText(n);
    if (!name.empty()) e.aliases.push_back({std::move(name), AliasKind::kAka});
  }
  for (auto* values : {&r.nationalities, &r.citizenships}) {
    for (const std::string& v : *values) {
      std::string text = CleanText(v);
      AddUnique(e.nationalities, IsCountryCode(text) ? text : NationalityCode(text));
    }
  }
  for (std::string& d : r.dates_of_birth) AddUnique(e.dates_of_birth, CleanText(d));
  e.addresses = std::move(r.addresses);
  if (std::string call_sign = CleanText(r.call_sign); !call_sign.empty()) {
    e.ids.push_back({"Call Sign", std::move(call_sign), ""});
  }
  for (Identifier& id : r.ids) e.ids.push_back(std::move(id));
  // A vessel's flag state is its nationality (UNCLOS art. 91).
  if (std::string flag = CleanText(r.vessel_flag); !flag.empty()) {
    AddUnique(e.nationalities, IsCountryCode(flag) ? flag : NationalityCode(flag));
  }

  e.entry_id = CleanText(r.entity_number);
  if (e.entry_id.empty()) e.entry_id = CleanText(r.id);
  if (e.entry_id.empty()) {
    std::string start = e.start_date ? e.start_date->ToString() : "";
    e.entry_id = DigestId({e.list, e.name, start});
  }
  return e;
}

}  // namespace tollgate::lists::formats
