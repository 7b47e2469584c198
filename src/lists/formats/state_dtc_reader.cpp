// State Department (DDTC) statutorily debarred parties under ITAR §127.7: a CSV with a
// header row. The name column holds the name and its aliases:
// "Chung, Fu Chin (a.k.a. Alfred Chung)", "Hukic, Bajro (a.k.a. Bob Hukic; Bab Hucici)".

#include <cctype>

#include "lists/formats/csv_table.h"
#include "lists/formats/reader_util.h"
#include "lists/formats/readers.h"

namespace tollgate::lists::formats {
namespace {

enum Column : std::size_t {
  kName,
  kDateOfBirth,
  kNotice,
  kNoticeDate,
  kCorrectedNotice,
  kCorrectedNoticeDate,
};

constexpr ColumnSpec kColumns[] = {
    {"Debarred Party Full Name and Alias"},
    {"Date of Birth"},
    {"Notice"},
    {"Notice Date"},
    {"Corrected Notice", false},
    {"Corrected Notice Date", false},
};

// Words that make a name a company's: "Pan Aviation, Inc." has the comma of
// "Surname, Given" but is not a person.
bool HasCompanyWord(std::string_view name) {
  static constexpr std::string_view kWords[] = {
      "inc",           "incorporated", "corp",        "corporation", "co",
      "company",       "ltd",          "limited",     "llc",         "llp",
      "gmbh",          "ag",           "sa",          "srl",         "bv",
      "plc",           "pte",          "pty",         "trading",     "international",
      "industries",    "enterprises",  "group",       "associates",  "systems",
      "services",      "technologies", "technology",  "aviation",    "aerospace",
      "manufacturing", "electronics",  "engineering", "supply",      "holdings",
      "optics",
  };
  std::string word;
  auto is_company_word = [&] {
    for (std::string_view w : kWords) {
      if (word == w) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i <= name.size(); ++i) {
    char c = i < name.size() ? name[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (c != '.') {
      if (is_company_word()) return true;
      word.clear();
    }
  }
  return false;
}

// Splits "Name (a.k.a. A; B)" into the name and its aliases.
void SplitNameAndAliases(std::string_view text, ListEntry& e) {
  std::size_t open = std::string_view::npos;
  AliasKind kind = AliasKind::kAka;
  for (std::string_view marker : {"(a.k.a.", "(aka ", "(f.k.a."}) {
    std::size_t at = FindNoCase(text, marker);
    if (at != std::string_view::npos && at < open) {
      open = at;
      kind = marker[1] == 'f' || marker[1] == 'F' ? AliasKind::kFka : AliasKind::kAka;
    }
  }
  if (open == std::string_view::npos) {
    e.name = CleanText(text);
    return;
  }
  e.name = CleanText(text.substr(0, open));
  std::string_view inner = text.substr(open + 1);
  inner.remove_prefix(std::min(inner.find(' '), inner.size()));
  if (std::size_t close = inner.rfind(')'); close != std::string_view::npos) {
    inner = inner.substr(0, close);
  }
  for (std::string& alias : SplitClean(inner, ";")) e.aliases.push_back({std::move(alias), kind});
}

}  // namespace

Result<ParsedList> ReadStateDtc(const std::filesystem::path& path, std::string_view bytes) {
  const std::string source = path.string();
  Result<std::string> text = DecodeCsvText(bytes, source);
  if (!text.ok()) return text.error();
  CsvReader csv(*text, source);
  CsvTable table(csv);
  if (Status s = table.ReadHeader(kColumns); !s.ok()) return s.error();

  ParsedList out;
  out.format = Format::kStateDtc;
  out.files_read.push_back(path);
  while (true) {
    Result<bool> next = csv.Next();
    if (!next.ok()) return next.error();
    if (!*next) break;
    ListEntry e;
    e.list = "DTC";
    SplitNameAndAliases(table.get(kName), e);
    if (e.name.empty()) return table.FieldError(kName, "empty name");
    std::string dob = CleanText(table.get(kDateOfBirth));
    if (!dob.empty()) e.dates_of_birth.push_back(dob);
    // Persons are listed as "Surname, Given"; a date of birth settles it.
    bool person =
        !dob.empty() || (e.name.find(',') != std::string::npos && !HasCompanyWord(e.name));
    e.type = person ? EntryType::kIndividual : EntryType::kEntity;
    for (std::size_t column : {kNotice, kCorrectedNotice}) {
      std::string notice = CleanText(table.get(column));
      if (notice.empty()) continue;
      for (std::string& citation : SplitFederalRegister(notice)) {
        AddUnique(e.federal_register, std::move(citation));
      }
    }
    std::string notice_date = CleanText(table.get(kNoticeDate));
    if (notice_date.empty()) return table.FieldError(kNoticeDate, "empty date");
    e.start_date = Date::ParseLenient(notice_date);
    if (!e.start_date) {
      return table.FieldError(kNoticeDate, "not a date (M/D/YYYY): '" + notice_date + "'");
    }
    if (std::string corrected = CleanText(table.get(kCorrectedNoticeDate)); !corrected.empty()) {
      if (!Date::ParseLenient(corrected)) {
        return table.FieldError(kCorrectedNoticeDate, "not a date (M/D/YYYY): '" + corrected + "'");
      }
    }
    e.entry_id = DigestId({e.list, e.name, e.start_date->ToString()});
    out.entries.push_back(std::move(e));
  }
  MakeIdsUnique(out.entries);
  return out;
}

}  // namespace tollgate::lists::formats
