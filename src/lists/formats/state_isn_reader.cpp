// State Department nonproliferation sanctions (ISN): a CSV with a header row, one row
// per sanction (a party sanctioned under three statutes has three rows).

#include "lists/formats/csv_table.h"
#include "lists/formats/reader_util.h"
#include "lists/formats/readers.h"

namespace tollgate::lists::formats {
namespace {

enum Column : std::size_t {
  kSourceList,
  kPrograms,
  kName,
  kAlternativeNames,
  kCountry,
  kFederalRegister,
  kEffective,
  kRemarks,
  kWebLink,
};

constexpr ColumnSpec kColumns[] = {
    {"Source List"},       {"Programs"},      {"Name"},
    {"Alternative Names"}, {"Country"},       {"Federal Register Notice"},
    {"Effective Date"},    {"Remarks/Notes"}, {"Web Link"},
};

// "CITC, TCO, F.K.A. Presidency Office of Scientific and Industrial Studies (POSIS)":
// comma- or semicolon-separated; "F.K.A." marks a former name.
std::vector<Alias> Aliases(std::string_view text) {
  std::vector<Alias> aliases;
  std::string normalized(text);
  for (char& c : normalized) {
    if (c == ';') c = ',';
  }
  for (std::string name : SplitClean(normalized, ",")) {
    AliasKind kind = AliasKind::kAka;
    for (std::string_view marker : {"F.K.A. ", "A.K.A. "}) {
      if (StartsWithNoCase(name, marker)) {
        if (marker[0] == 'F') kind = AliasKind::kFka;
        name = CleanText(std::string_view(name).substr(marker.size()));
      }
    }
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = CleanText(std::string_view(name).substr(1, name.size() - 2));
    }
    if (!name.empty()) aliases.push_back({std::move(name), kind});
  }
  return aliases;
}

}  // namespace

Result<ParsedList> ReadStateIsn(const std::filesystem::path& path, std::string_view bytes) {
  const std::string source = path.string();
  Result<std::string> text = DecodeCsvText(bytes, source);
  if (!text.ok()) return text.error();
  CsvReader csv(*text, source);
  CsvTable table(csv);
  if (Status s = table.ReadHeader(kColumns); !s.ok()) return s.error();

  ParsedList out;
  out.format = Format::kStateIsn;
  out.files_read.push_back(path);
  while (true) {
    Result<bool> next = csv.Next();
    if (!next.ok()) return next.error();
    if (!*next) break;
    std::string list = CleanText(table.get(kSourceList));
    if (list != "ISN") {
      return table.FieldError(kSourceList, "expected ISN, found '" + list + "'");
    }
    ListEntry e;
    e.list = "ISN";
    // Persons and organizations share one name column with no type: entity.
    e.type = EntryType::kEntity;
    e.name = CleanText(table.get(kName));
    if (e.name.empty()) return table.FieldError(kName, "empty name");
    e.programs = SplitClean(table.get(kPrograms), ";");
    e.aliases = Aliases(table.get(kAlternativeNames));
    if (std::string country = CleanText(table.get(kCountry)); !country.empty()) {
      Address a;
      SetCountry(a, country, false);
      e.addresses.push_back(std::move(a));
    }
    if (std::string notice = CleanText(table.get(kFederalRegister)); !notice.empty()) {
      e.federal_register = SplitFederalRegister(notice);
    }
    std::string effective = CleanText(table.get(kEffective));
    if (effective.empty()) return table.FieldError(kEffective, "empty date");
    e.start_date = Date::ParseLenient(effective);
    if (!e.start_date) {
      return table.FieldError(kEffective, "not a date (M/D/YYYY): '" + effective + "'");
    }
    e.remarks = CleanText(table.get(kRemarks));
    e.source_url = CleanText(table.get(kWebLink));
    std::string programs;
    for (const std::string& p : e.programs) programs += p + ";";
    // The same party appears once per program: the program is part of its identity.
    e.entry_id = DigestId({e.list, e.name, e.start_date->ToString(), programs});
    out.entries.push_back(std::move(e));
  }
  MakeIdsUnique(out.entries);
  return out;
}

}  // namespace tollgate::lists::formats
