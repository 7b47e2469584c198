#include "tollgate/parties/party_file.h"

#include <algorithm>
#include <map>

#include "lists/formats/csv_table.h"
#include "lists/formats/json_text.h"
#include "lists/formats/reader_util.h"

namespace tollgate::parties {
namespace {

using lists::formats::CleanText;
using lists::formats::ColumnSpec;
using lists::formats::CsvTable;
using lists::formats::FieldParseError;

enum Column : std::size_t {
  kExternalId,
  kName,
  kCountry,
  kAliases,
  kAddress,
  kType,
  kDateOfBirth,
  kIdentifiers,
};
constexpr ColumnSpec kColumns[] = {
    {"external_id"},
    {"name"},
    {"country"},
    {"aliases", false},
    {"address", false},
    {"type", false},
    {"date_of_birth", false},
    {"identifiers", false},
};

// The field a ValidateParty message names ("identifiers/0/type: empty" -> identifiers)
// and what it says.
std::pair<std::string, std::string> SplitMessage(const std::string& message) {
  const auto colon = message.find(": ");
  if (colon == std::string::npos) return {"", message};
  return {message.substr(0, colon), message.substr(colon + 2)};
}

std::vector<std::string> SplitList(std::string_view text) {
  return lists::formats::SplitClean(text, ";");
}

// Refuses an external id given twice in one file: which of the two should stand would
// be a guess.
Status CheckUnique(std::map<std::string, int>& lines, const std::string& source, int line,
                   const std::string& external_id) {
  auto [it, inserted] = lines.emplace(external_id, line);
  if (inserted) return {};
  return FieldParseError(
      source, line, "external_id",
      "'" + external_id + "' is given again (first on line " + std::to_string(it->second) + ")");
}

// The 1-based line on which each element of the top-level array in `text` (or of the
// array under the top-level object's "parties") starts. `text` is valid JSON.
std::vector<int> ElementLines(std::string_view text, bool under_object) {
  std::vector<int> lines;
  int line = 1;
  int depth = 0;
  const int element_depth = under_object ? 2 : 1;
  bool in_string = false;
  bool expect_element = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (expect_element && c != ']') lines.push_back(line);
    expect_element = false;
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
      if (c == '[' && depth == element_depth) expect_element = true;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == element_depth) {
      expect_element = true;
    }
  }
  return lines;
}

}  // namespace

FileFormat DetectFormat(const std::string& source, std::string_view text) {
  auto ends_with = [&](std::string_view suffix) {
    return source.size() >= suffix.size() &&
           lists::formats::EqualsNoCase(
               std::string_view(source).substr(source.size() - suffix.size()), suffix);
  };
  if (ends_with(".json")) return FileFormat::kJson;
  if (ends_with(".csv")) return FileFormat::kCsv;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '[' || c == '{' ? FileFormat::kJson : FileFormat::kCsv;
  }
  return FileFormat::kCsv;
}

Result<std::vector<Party>> ParsePartiesCsv(std::string_view bytes, const std::string& source) {
  auto text = lists::formats::DecodeCsvText(bytes, source);
  if (!text.ok()) return text.error();
  CsvReader csv(*text, source);
  CsvTable table(csv);
  if (auto s = table.ReadHeader(kColumns); !s.ok()) return s.error();
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const std::string name = CleanText(csv.field(i));
    bool known = false;
    for (const auto& column : kColumns) {
      known = known || lists::formats::EqualsNoCase(name, column.name);
    }
    if (!known) {
      return FieldParseError(source, csv.line(),
                             name.empty() ? "column " + std::to_string(i + 1) : name,
                             "unknown column (expected external_id, name, country, aliases, "
                             "address, type, date_of_birth, identifiers)");
    }
  }
  std::vector<Party> parties;
  // About a party a line: growing the vector moved each party several times.
  parties.reserve(static_cast<std::size_t>(std::count(text->begin(), text->end(), '\n')));
  std::map<std::string, int> lines;
  while (true) {
    auto next = csv.Next();
    if (!next.ok()) return next.error();
    if (!*next) break;
    Party party;
    party.external_id = table.get(kExternalId);
    party.name = CleanText(table.get(kName));
    party.country = table.get(kCountry);
    party.aliases = SplitList(table.get(kAliases));
    party.address = CleanText(table.get(kAddress));
    party.date_of_birth = table.get(kDateOfBirth);
    if (const std::string type = CleanText(table.get(kType)); !type.empty()) {
      auto parsed = lists::ParseEntryType(type);
      if (!parsed) {
        return table.FieldError(kType,
                                "'" + type + "': expected individual, entity, vessel or aircraft");
      }
      party.type = *parsed;
    }
    for (const std::string& identifier : SplitList(table.get(kIdentifiers))) {
      const auto colon = identifier.find(':');
      if (colon == std::string::npos) {
        return table.FieldError(kIdentifiers,
                                "'" + identifier + "': expected TYPE:VALUE (e.g. passport:X123)");
      }
      party.identifiers.push_back({identifier.substr(0, colon), identifier.substr(colon + 1)});
    }
    auto valid = ValidateParty(std::move(party));
    if (!valid.ok()) {
      auto [field, what] = SplitMessage(valid.error().message);
      const std::string column = field.substr(0, field.find('/'));
      for (std::size_t k = 0; k < std::size(kColumns); ++k) {
        if (kColumns[k].name == column) return table.FieldError(k, what);
      }
      return csv.RecordError(valid.error().message);
    }
    if (auto s = CheckUnique(lines, source, csv.line(), valid->external_id); !s.ok()) {
      return s.error();
    }
    parties.push_back(std::move(valid).value());
  }
  return parties;
}

Result<std::vector<Party>> ParsePartiesJson(std::string_view text, const std::string& source) {
  auto json = lists::formats::ParseJsonText(text, source);
  if (!json.ok()) return json.error();
  const bool under_object = json->is_object();
  const nlohmann::json* array = &*json;
  if (under_object) {
    auto it = json->find("parties");
    if (it == json->end() || json->size() != 1) {
      return FieldParseError(source, 1, "parties",
                             "expected an array of parties, or an object {\"parties\": [...]}");
    }
    array = &*it;
  }
  if (!array->is_array()) {
    return FieldParseError(source, 1, under_object ? "parties" : "(top level)",
                           "expected an array of parties");
  }
  const std::vector<int> element_lines = ElementLines(text, under_object);
  std::vector<Party> parties;
  std::map<std::string, int> lines;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const int line = i < element_lines.size() ? element_lines[i] : 1;
    auto party = PartyFromJson((*array)[i]);
    if (!party.ok()) {
      auto [field, what] = SplitMessage(party.error().message);
      return FieldParseError(source, line, field, "party " + std::to_string(i) + ": " + what);
    }
    if (auto s = CheckUnique(lines, source, line, party->external_id); !s.ok()) return s.error();
    parties.push_back(std::move(party).value());
  }
  return parties;
}

Result<std::vector<Party>> ParseParties(std::string_view text, const std::string& source) {
  return DetectFormat(source, text) == FileFormat::kJson ? ParsePartiesJson(text, source)
                                                         : ParsePartiesCsv(text, source);
}

Result<std::vector<Party>> ReadPartiesFile(const std::filesystem::path& path) {
  auto bytes = lists::formats::ReadFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  return ParseParties(*bytes, path.string());
}

}  // namespace tollgate::parties
