// The UN Security Council consolidated list (XML, schema sc-sanctions.xsd):
// CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL and CONSOLIDATED_LIST/ENTITIES/ENTITY.

#include <optional>
#include <pugixml.hpp>
#include <unordered_map>

#include "lists/formats/reader_util.h"
#include "lists/formats/readers.h"
#include "tollgate/common/country.h"

namespace tollgate::lists::formats {
namespace {

std::string Text(const pugi::xml_node& node, const char* child) {
  return CleanText(node.child_value(child));
}

// The UN writes "na" (not available) in some name and nationality fields.
bool IsNotAvailable(std::string_view text) { return text.empty() || EqualsNoCase(text, "na"); }

// "2015-04-07-04:00" (an xs:date with a zone) and "2015-04-07" are both the 7th.
std::optional<Date> XmlDate(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  Result<Date> date = Date::Parse(text.substr(0, 10));
  if (!date.ok()) return std::nullopt;
  return *date;
}

// The element a text node or attribute belongs to, located for a message: the name of
// the record (INDIVIDUAL or ENTITY) and its REFERENCE_NUMBER when inside one.
std::string RecordOf(pugi::xml_node node) {
  for (; node; node = node.parent()) {
    std::string_view name = node.name();
    if (name == "INDIVIDUAL" || name == "ENTITY") {
      std::string ref = Text(node, "REFERENCE_NUMBER");
      if (FirstInvalidUtf8(ref) != std::string_view::npos) ref.clear();
      return std::string(name) + (ref.empty() ? "" : " " + ref) + ": ";
    }
  }
  return "";
}

class UnReader {
 public:
  UnReader(const std::filesystem::path& path, std::string_view bytes)
      : path_(path), source_(path.string()), bytes_(bytes) {}

  Result<ParsedList> Read() {
    pugi::xml_document doc;
    pugi::xml_parse_result parsed =
        doc.load_buffer(bytes_.data(), bytes_.size(), pugi::parse_default, pugi::encoding_auto);
    if (!parsed) {
      return MakeError(ErrorCode::kParseError,
                       source_ + ":" + std::to_string(LineAt(bytes_, parsed.offset)) +
                           ": XML error: " + parsed.description() +
                           (parsed.status == pugi::status_end_element_mismatch ||
                                    parsed.status == pugi::status_bad_end_element
                                ? " (truncated file?)"
                                : ""));
    }
    // The UN publishes UTF-8; pugixml converts a file that declares another encoding
    // and passes UTF-8 bytes through unchecked, so a stray Latin-1 byte or a letter cut
    // short would otherwise reach the names (and break every JSON written from them).
    if (parsed.encoding == pugi::encoding_utf8 &&
        FirstInvalidUtf8(bytes_) != std::string_view::npos) {
      return InvalidUtf8(doc);
    }
    pugi::xml_node root = doc.document_element();
    if (std::string_view(root.name()) != "CONSOLIDATED_LIST") {
      return Fail(root, "root",
                  "element <" + std::string(root.name()) + "> is not CONSOLIDATED_LIST");
    }
    ParsedList out;
    out.format = Format::kUnXml;
    out.files_read.push_back(path_);
    if (pugi::xml_attribute generated = root.attribute("dateGenerated")) {
      out.file_date = XmlDate(generated.value());
      if (!out.file_date) {
        return Fail(root, "dateGenerated", "not a date: '" + std::string(generated.value()) + "'");
      }
    }
    for (pugi::xml_node node : root.child("INDIVIDUALS").children("INDIVIDUAL")) {
      Result<ListEntry> e = Individual(node);
      if (!e.ok()) return e.error();
      out.entries.push_back(std::move(*e));
    }
    for (pugi::xml_node node : root.child("ENTITIES").children("ENTITY")) {
      Result<ListEntry> e = Entity(node);
      if (!e.ok()) return e.error();
      out.entries.push_back(std::move(*e));
    }
    return out;
  }

 private:
  // The first text, attribute or element name that is not UTF-8, walked in document
  // order without recursion (a deeply nested file must not exhaust the stack).
  Error InvalidUtf8(const pugi::xml_document& doc) const {
    const std::string why = " (the UN list is read as UTF-8)";
    pugi::xml_node node = doc.first_child();
    while (node) {
      pugi::xml_node element = node.type() == pugi::node_element ? node : node.parent();
      std::string field = element.name();
      if (FirstInvalidUtf8(field) != std::string_view::npos) field = "element name";
      auto check = [&](std::string_view text, std::string_view what_field) -> std::optional<Error> {
        std::size_t bad = FirstInvalidUtf8(text);
        if (bad == std::string_view::npos) return std::nullopt;
        int line = LineAt(bytes_, static_cast<std::size_t>(node.offset_debug()));
        return MakeError(ErrorCode::kParseError, source_ + ":" + std::to_string(line) + ": " +
                                                     RecordOf(element) + "field " +
                                                     std::string(what_field) + ": " +
                                                     InvalidUtf8What(text, bad) + why);
      };
      if (auto e = check(node.name(), "element name")) return *e;
      if (auto e = check(node.value(), field)) return *e;
      for (pugi::xml_attribute a : node.attributes()) {
        std::string name = field + "@" + a.name();
        if (auto e = check(a.name(), field + " attribute name")) return *e;
        if (auto e = check(a.value(), name)) return *e;
      }
      if (node.first_child()) {
        node = node.first_child();
        continue;
      }
      while (node && !node.next_sibling()) node = node.parent();
      if (node) node = node.next_sibling();
    }
    return MakeError(ErrorCode::kParseError, source_ + ": a byte is not UTF-8" + why);
  }

  Error Fail(const pugi::xml_node& node, std::string_view field, std::string_view what) const {
    int line = LineAt(bytes_, static_cast<std::size_t>(node.offset_debug()));
    return FieldParseError(source_, line, field, what);
  }

  // What individuals and entities share: id, date, program, aliases, remarks.
  Status Common(const pugi::xml_node& node, const char* alias_tag, ListEntry& e) {
    e.list = "UN";
    e.entry_id = Text(node, "REFERENCE_NUMBER");
    if (e.entry_id.empty()) return Fail(node, "REFERENCE_NUMBER", "missing or empty");
    auto [it, inserted] = seen_.emplace(e.entry_id, node.offset_debug());
    if (!inserted) {
      return Fail(node, "REFERENCE_NUMBER",
                  "duplicate " + e.entry_id + " (first on line " +
                      std::to_string(LineAt(bytes_, static_cast<std::size_t>(it->second))) + ")");
    }
    if (e.name.empty()) return Fail(node, "FIRST_NAME", "empty primary name");
    std::string listed = Text(node, "LISTED_ON");
    if (!listed.empty()) {
      e.start_date = XmlDate(listed);
      if (!e.start_date) {
        return Fail(node.child("LISTED_ON"), "LISTED_ON", "not a date: '" + listed + "'");
      }
    }
    AddUnique(e.programs, Text(node, "UN_LIST_TYPE"));
    e.remarks = Text(node, "COMMENTS1");
    for (pugi::xml_node alias : node.children(alias_tag)) {
      std::string name = Text(alias, "ALIAS_NAME");
      if (name.empty()) continue;  // the UN writes an empty alias element for "none"
      std::string quality = Text(alias, "QUALITY");
      std::optional<AliasKind> kind =
          quality.empty() ? std::optional(AliasKind::kAka) : ParseAliasKind(quality);
      if (!kind) {
        return Fail(
            alias, "QUALITY",
            "unknown alias quality '" + quality + "': expected Good, Low, a.k.a. or f.k.a.");
      }
      e.aliases.push_back({std::move(name), *kind});
    }
    for (pugi::xml_node original : node.children("NAME_ORIGINAL_SCRIPT")) {
      std::string name = CleanText(original.child_value());
      if (!name.empty()) e.aliases.push_back({std::move(name), AliasKind::kAka});
    }
    return Status();
  }

  void Addresses(const pugi::xml_node& node, const char* tag, ListEntry& e) {
    for (pugi::xml_node a : node.children(tag)) {
      Address address;
      address.street = Text(a, "STREET");
      address.city = Text(a, "CITY");
      address.state = Text(a, "STATE_PROVINCE");
      address.postal_code = Text(a, "ZIP_CODE");
      SetCountry(address, Text(a, "COUNTRY"), false);
      if (address == Address{}) continue;
      e.addresses.push_back(std::move(address));
    }
  }

  Result<ListEntry> Individual(const pugi::xml_node& node) {
    ListEntry e;
    e.type = EntryType::kIndividual;
    for (const char* part : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
      std::string text = Text(node, part);
      if (IsNotAvailable(text)) continue;
      if (!e.name.empty()) e.name.push_back(' ');
      e.name += text;
    }
    if (Status s = Common(node, "INDIVIDUAL_ALIAS", e); !s.ok()) return s.error();
    Addresses(node, "INDIVIDUAL_ADDRESS", e);
    for (pugi::xml_node value : node.child("NATIONALITY").children("VALUE")) {
      std::string text = CleanText(value.child_value());
      if (!IsNotAvailable(text)) AddUnique(e.nationalities, NationalityCode(text));
    }
    for (pugi::xml_node dob : node.children("INDIVIDUAL_DATE_OF_BIRTH")) {
      AddUnique(e.dates_of_birth, DateOfBirth(dob));
    }
    for (pugi::xml_node doc : node.children("INDIVIDUAL_DOCUMENT")) {
      Identifier id;
      id.value = Text(doc, "NUMBER");
      if (id.value.empty()) continue;
      id.type = Text(doc, "TYPE_OF_DOCUMENT");
      std::string issuer = Text(doc, "ISSUING_COUNTRY");
      if (issuer.empty()) issuer = Text(doc, "COUNTRY_OF_ISSUE");
      if (auto country = CountryByName(issuer)) id.country = std::string(country->code);
      e.ids.push_back(std::move(id));
    }
    std::vector<std::string> titles;
    for (const char* tag : {"TITLE", "DESIGNATION"}) {
      for (pugi::xml_node value : node.child(tag).children("VALUE")) {
        AddUnique(titles, CleanText(value.child_value()));
      }
    }
    for (const std::string& t : titles) {
      if (!e.title.empty()) e.title += "; ";
      e.title += t;
    }
    return e;
  }

  Result<ListEntry> Entity(const pugi::xml_node& node) {
    ListEntry e;
    e.type = EntryType::kEntity;
    e.name = Text(node, "FIRST_NAME");
    if (Status s = Common(node, "ENTITY_ALIAS", e); !s.ok()) return s.error();
    Addresses(node, "ENTITY_ADDRESS", e);
    return e;
  }

  // EXACT (DATE or YEAR), APPROXIMATELY (YEAR) or BETWEEN (FROM_YEAR, TO_YEAR).
  static std::string DateOfBirth(const pugi::xml_node& dob) {
    std::string text = Text(dob, "DATE");
    if (text.size() > 10) text.resize(10);
    if (text.empty()) text = Text(dob, "YEAR");
    std::string from = Text(dob, "FROM_YEAR"), to = Text(dob, "TO_YEAR");
    if (text.empty() && !from.empty()) text = to.empty() ? from : from + " to " + to;
    if (!text.empty() && Text(dob, "TYPE_OF_DATE") == "APPROXIMATELY") text = "circa " + text;
    return text;
  }

  std::filesystem::path path_;
  std::string source_;
  std::string_view bytes_;
  std::unordered_map<std::string, std::ptrdiff_t> seen_;  // reference number -> offset
};

}  // namespace

Result<ParsedList> ReadUnXml(const std::filesystem::path& path, std::string_view bytes) {
  UnReader reader(path, bytes);
  return reader.Read();
}

}  // namespace tollgate::lists::formats
