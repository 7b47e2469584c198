// BIS Denied Persons List (15 CFR 764.3(a)(2) denial orders): tab-separated, every
// field quoted, a header row, dates MM/DD/YYYY. One row per denied party and address.

#include "lists/formats/csv_table.h"
#include "lists/formats/reader_util.h"
#include "lists/formats/readers.h"

namespace tollgate::lists::formats {
namespace {

enum Column : std::size_t {
  kName,
  kStreet,
  kCity,
  kState,
  kCountry,
  kPostalCode,
  kEffective,
  kExpiration,
  kStandardOrder,
  kLastUpdate,
  kAction,
  kCitation,
};

constexpr ColumnSpec kColumns[] = {
    {"Name"},           {"Street_Address"}, {"City"},           {"State"},
    {"Country"},        {"Postal_Code"},    {"Effective_Date"}, {"Expiration_Date"},
    {"Standard_Order"}, {"Last_Update"},    {"Action"},         {"FR_Citation"},
};

// An optional date column: empty is no date; anything else must be a real date.
Status OptionalDate(const CsvTable& table, std::size_t column, std::optional<Date>& out) {
  std::string text = CleanText(table.get(column));
  if (text.empty()) return Status();
  out = Date::ParseLenient(text);
  if (!out) return table.FieldError(column, "not a date (MM/DD/YYYY): '" + text + "'");
  return Status();
}

}  // namespace

Result<ParsedList> ReadBisDpl(const std::filesystem::path& path, std::string_view bytes) {
  const std::string source = path.string();
  Result<std::string> text = DecodeCsvText(bytes, source, '\t');
  if (!text.ok()) return text.error();
  CsvReader csv(*text, source, {.delimiter = '\t'});
  CsvTable table(csv);
  if (Status s = table.ReadHeader(kColumns); !s.ok()) return s.error();

  ParsedList out;
  out.format = Format::kBisDpl;
  out.files_read.push_back(path);
  while (true) {
    Result<bool> next = csv.Next();
    if (!next.ok()) return next.error();
    if (!*next) break;
    ListEntry e;
    e.list = "DPL";
    // The file does not say whether a denied party is a person or a company, and
    // guessing from the name would be wrong often enough to mislead: every row is an
    // entity, and screening treats the name without a type.
    e.type = EntryType::kEntity;
    e.name = CleanText(table.get(kName));
    if (e.name.empty()) return table.FieldError(kName, "empty name");
    if (Status s = OptionalDate(table, kEffective, e.start_date); !s.ok()) return s.error();
    if (Status s = OptionalDate(table, kExpiration, e.end_date); !s.ok()) return s.error();

    Address a;
    a.street = CleanText(table.get(kStreet));
    a.city = CleanText(table.get(kCity));
    a.state = CleanText(table.get(kState));
    a.postal_code = CleanText(table.get(kPostalCode));
    SetCountry(a, table.get(kCountry), true);
    if (!(a == Address{})) e.addresses.push_back(std::move(a));

    if (std::string citations = CleanText(table.get(kCitation)); !citations.empty()) {
      e.federal_register = SplitFederalRegister(citations);
    }
    // A non-standard order (Standard_Order "N") has terms of its own: say so.
    std::string standard = CleanText(table.get(kStandardOrder));
    if (EqualsNoCase(standard, "N")) e.remarks = "Non-standard denial order";
    if (std::string action = CleanText(table.get(kAction)); !action.empty()) {
      if (!e.remarks.empty()) e.remarks += "; ";
      e.remarks += "Last action: " + action;
      if (std::string updated = CleanText(table.get(kLastUpdate)); !updated.empty()) {
        e.remarks += " (" + updated + ")";
      }
    }
    std::string start = e.start_date ? e.start_date->ToString() : "";
    e.entry_id = DigestId({e.list, e.name, start});
    out.entries.push_back(std::move(e));
  }
  MakeIdsUnique(out.entries);
  return out;
}

}  // namespace tollgate::lists::formats
