// OFAC's legacy CSV set: a primary file (sdn.csv, or cons_prim.csv for the non-SDN
// lists) with 12 columns and no header, and two companions joined on ent_num: aliases
// (alt.csv / cons_alt.csv) and addresses (add.csv / cons_add.csv). Text is cp1252,
// "-0-" (often "-0- ") marks an empty field and the file may end with a 0x1A byte.

#include <cctype>
#include <charconv>
#include <filesystem>
#include <optional>
#include <unordered_map>

#include "lists/formats/ofac_remarks.h"
#include "lists/formats/reader_util.h"
#include "lists/formats/readers.h"
#include "tollgate/common/csv.h"

namespace tollgate::lists::formats {
namespace {

namespace fs = std::filesystem;

enum PrimaryColumn : std::size_t {
  kEntNum,
  kName,
  kType,
  kProgram,
  kTitle,
  kCallSign,
  kVesselType,
  kTonnage,
  kGrt,
  kVesselFlag,
  kVesselOwner,
  kRemarks,
  kPrimaryColumns
};
enum AltColumn : std::size_t { kAltEntNum, kAltNum, kAltType, kAltName, kAltRemarks, kAltColumns };
enum AddColumn : std::size_t {
  kAddEntNum,
  kAddNum,
  kAddress,
  kAddCity,
  kAddCountry,
  kAddRemarks,
  kAddColumns
};

// Column names as in OFAC's documentation of the legacy files.
std::vector<std::string> PrimaryColumnNames() {
  return {"ent_num",   "SDN_Name", "SDN_Type", "Program",   "Title",      "Call_Sign",
          "Vess_type", "Tonnage",  "GRT",      "Vess_flag", "Vess_owner", "Remarks"};
}
std::vector<std::string> AltColumnNames() {
  return {"ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"};
}
std::vector<std::string> AddColumnNames() {
  return {"ent_num", "add_num", "address", "city_state_postal", "country", "add_remarks"};
}

// A field without OFAC's empty marker "-0-".
std::string Value(const std::string& field) {
  std::string text = CleanText(field);
  if (text == "-0-") text.clear();
  return text;
}

Result<long long> WholeNumber(const CsvReader& csv, std::size_t column) {
  std::string text = CleanText(csv.field(column));
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0) {
    return csv.FieldError(column, "not a whole number: '" + text + "'");
  }
  return value;
}

// Bytes to CSV text: the DOS end-of-file byte OFAC appends is not part of the data.
// OFAC writes its legacy files in Windows-1252 (DOMAIN.md §6), the one format whose
// non-UTF-8 bytes are read rather than refused.
Result<std::string> OfacText(std::string_view bytes, const std::string& source) {
  while (!bytes.empty() && bytes.back() == '\x1A') bytes.remove_suffix(1);
  return DecodeText(bytes, source, TextEncoding::kUtf8OrWindows1252);
}

// The next record of an OFAC file. OFAC ends every record, the last one included,
// with CRLF: a last record without a line break was cut off, even when its field
// count happens to be right (a cut inside the last, unquoted field).
Result<bool> NextRecord(CsvReader& csv) {
  Result<bool> next = csv.Next();
  if (next.ok() && *next && !csv.ended_with_line_break()) {
    return csv.FieldError(csv.size() - 1,
                          "the last record does not end with a line break (truncated file?)");
  }
  return next;
}

// "SDGT] [IFSR" (the legacy file drops the outer brackets of "[SDGT] [IFSR]") or "CUBA".
std::vector<std::string> SplitPrograms(std::string_view text) {
  std::vector<std::string> programs;
  std::string current;
  for (char c : text) {
    if (c == '[' || c == ']') {
      AddUnique(programs, CleanText(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  AddUnique(programs, CleanText(current));
  return programs;
}

struct ConsList {
  std::string list;
  std::string program;  // the program that decided the list ("" for the fallback)
};

// Which non-SDN list a cons_prim entry is on, from its programs. In order:
//   CMIC-*            -> CMIC    Non-SDN Chinese Military-Industrial Complex Companies
//                                List (EO 13959, as amended by EO 14032)
//   NS-PLC            -> PLC     Non-SDN Palestinian Legislative Council List
//   561-Related,      -> CAP     CAPTA List (correspondent or payable-through account
//   *CAPTA*                      sanctions), formerly the Part 561 List (31 CFR 561.201)
//   FSE-*             -> FSE     Foreign Sanctions Evaders List (EO 13608)
//   UKRAINE-EO13662   -> SSI     Sectoral Sanctions Identifications (EO 13662 directives)
//   anything else     -> NS-MBS  Non-SDN Menu-Based Sanctions List: the non-blocking
//                                sanctions of RUSSIA-EO14024 directives, CAATSA - RUSSIA
//                                (section 235 menu), BURMA-EO14014 directives,
//                                ILLICIT-DRUGS-EO14059 and the like
// An entry under several programs goes to the first list that matches: an SSI entry
// that is also under RUSSIA-EO14024 stays SSI, a "SDGT] [NS-PLC" entry is PLC.
ConsList ConsListFor(const std::vector<std::string>& programs) {
  struct Rule {
    std::string_view list;
    bool (*matches)(std::string_view program);
  };
  static constexpr Rule kRules[] = {
      {"CMIC", [](std::string_view p) { return p.starts_with("CMIC"); }},
      {"PLC", [](std::string_view p) { return p == "NS-PLC"; }},
      {"CAP",
       [](std::string_view p) {
         return p == "561-Related" || p.find("CAPTA") != std::string_view::npos;
       }},
      {"FSE", [](std::string_view p) { return p.starts_with("FSE"); }},
      {"SSI", [](std::string_view p) { return p == "UKRAINE-EO13662"; }},
      {"NS-MBS", [](std::string_view p) { return p == "NS-MBS" || p == "MBS"; }},
  };
  for (const Rule& rule : kRules) {
    for (const std::string& program : programs) {
      if (rule.matches(program)) return {std::string(rule.list), program};
    }
  }
  return {"NS-MBS", ""};
}

// Whether a remarks date tag ("CMIC", "EO 14024 Directive 3") refers to `program`
// ("CMIC-EO13959", "RUSSIA-EO14024").
bool TagRefersTo(std::string_view tag, std::string_view program) {
  if (program.empty()) return false;
  std::string key;
  for (char c : tag) {
    if (c != ' ') key.push_back(c);
  }
  if (key.starts_with("EO")) {
    std::size_t digits = 2;
    while (digits < key.size() && key[digits] >= '0' && key[digits] <= '9') ++digits;
    key.resize(digits);
  } else {
    std::size_t letters = 0;
    while (letters < key.size() && std::isalpha(static_cast<unsigned char>(key[letters]))) {
      ++letters;
    }
    key.resize(letters);
  }
  return key.size() >= 3 && program.find(key) != std::string_view::npos;
}

// The earliest date among `dates` whose tag refers to `program`.
std::optional<Date> EarliestFor(const std::vector<TaggedDate>& dates, std::string_view program) {
  std::optional<Date> earliest;
  for (const TaggedDate& d : dates) {
    if (TagRefersTo(d.tag, program) && (!earliest || d.date < *earliest)) earliest = d.date;
  }
  return earliest;
}

// sdn.csv -> alt.csv, ofac_sdn_2021-07.csv -> ofac_alt_2021-07.csv, cons_prim.csv ->
// cons_alt.csv: the last `token` in the file name replaced, in the token's case.
std::optional<fs::path> CompanionPath(const fs::path& primary, std::string_view token,
                                      std::string_view replacement) {
  std::string name = primary.filename().string();
  std::size_t at = std::string::npos;
  for (std::size_t from = 0; (from = FindNoCase(name, token, from)) != std::string::npos; ++from) {
    at = from;
  }
  if (at == std::string::npos) return std::nullopt;
  std::string repl(replacement);
  if (std::isupper(static_cast<unsigned char>(name[at]))) {
    for (char& c : repl) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  name.replace(at, token.size(), repl);
  return primary.parent_path() / name;
}

class OfacReader {
 public:
  OfacReader(const fs::path& path, Format format) : path_(path), format_(format) {
    result_.format = format;
  }

  Result<ParsedList> Read(std::string_view bytes) {
    if (Status s = ReadPrimary(bytes); !s.ok()) return s.error();
    std::string_view token = format_ == Format::kOfacSdn ? "sdn" : "prim";
    std::optional<fs::path> alt = CompanionPath(path_, token, "alt");
    std::optional<fs::path> add = CompanionPath(path_, token, "add");
    if (!alt || !add) {
      result_.warnings.push_back("cannot name the alias and address files of " +
                                 path_.filename().string() + " (no '" + std::string(token) +
                                 "' in its name): aliases come from the remarks only and "
                                 "there are no addresses");
      const bool cons = format_ == Format::kOfacCons;
      result_.missing_companions = {cons ? "cons_alt.csv" : "alt.csv",
                                    cons ? "cons_add.csv" : "add.csv"};
    }
    bool have_alt = false;
    if (alt) {
      Result<bool> read =
          ReadCompanion(*alt, "alias", kAltColumns, AltColumnNames(),
                        [this](CsvReader& csv, ListEntry& e) { return AddAlias(csv, e); });
      if (!read.ok()) return read.error();
      have_alt = *read;
    }
    if (add) {
      Result<bool> read =
          ReadCompanion(*add, "address", kAddColumns, AddColumnNames(),
                        [this](CsvReader& csv, ListEntry& e) { return AddAddress(csv, e); });
      if (!read.ok()) return read.error();
    }
    if (!have_alt) {
      // Without alt.csv the remarks are the only source of aliases ("a.k.a. 'BNC'").
      for (std::size_t i = 0; i < result_.entries.size(); ++i) {
        for (Alias& a : remark_aliases_[i]) result_.entries[i].aliases.push_back(std::move(a));
      }
    }
    return std::move(result_);
  }

 private:
  Status ReadPrimary(std::string_view bytes) {
    const std::string source = path_.string();
    Result<std::string> text = OfacText(bytes, source);
    if (!text.ok()) return text.error();
    CsvReader csv(*text, source, {.expected_fields = kPrimaryColumns});
    csv.SetColumnNames(PrimaryColumnNames());
    result_.files_read.push_back(path_);
    while (true) {
      Result<bool> next = NextRecord(csv);
      if (!next.ok()) return next.error();
      if (!*next) break;
      Result<long long> ent_num = WholeNumber(csv, kEntNum);
      if (!ent_num.ok()) return ent_num.error();
      auto [it, inserted] = index_.emplace(*ent_num, result_.entries.size());
      if (!inserted) {
        return csv.FieldError(kEntNum, "duplicate ent_num " + std::to_string(*ent_num) +
                                           " (first on line " + std::to_string(lines_[it->second]) +
                                           ")");
      }
      lines_.push_back(csv.line());
      Result<ListEntry> entry = Entry(csv, *ent_num);
      if (!entry.ok()) return entry.error();
      result_.entries.push_back(std::move(*entry));
    }
    if (result_.entries.empty()) {
      return MakeError(ErrorCode::kParseError, source + ":1: the file has no records");
    }
    return Status();
  }

  Result<ListEntry> Entry(const CsvReader& csv, long long ent_num) {
    ListEntry e;
    e.entry_id = std::to_string(ent_num);
    e.name = Value(csv.field(kName));
    if (e.name.empty()) return csv.FieldError(kName, "empty primary name");
    std::string type = Value(csv.field(kType));
    if (!type.empty()) {
      std::optional<EntryType> parsed = ParseEntryType(type);
      if (!parsed) {
        return csv.FieldError(
            kType, "unknown type '" + type + "': expected individual, vessel, aircraft or -0-");
      }
      e.type = *parsed;
    }
    e.programs = SplitPrograms(Value(csv.field(kProgram)));
    e.title = Value(csv.field(kTitle));
    if (std::string call_sign = Value(csv.field(kCallSign)); !call_sign.empty()) {
      e.ids.push_back({"Call Sign", std::move(call_sign), ""});
    }
    // A vessel's flag state is its nationality (UNCLOS art. 91).
    if (std::string flag = Value(csv.field(kVesselFlag)); !flag.empty()) {
      AddUnique(e.nationalities, NationalityCode(flag));
    }
    e.remarks = Value(csv.field(kRemarks));
    OfacRemarks facts = ParseOfacRemarks(e.remarks);
    e.dates_of_birth = std::move(facts.dates_of_birth);
    for (std::string& n : facts.nationalities) AddUnique(e.nationalities, std::move(n));
    for (Identifier& id : facts.ids) e.ids.push_back(std::move(id));
    remark_aliases_.push_back(std::move(facts.aliases));

    if (format_ == Format::kOfacSdn) {
      // The legacy SDN file states no designation date; its remarks' listing dates
      // are for directives, not for the SDN listing, so the start stays open.
      e.list = "SDN";
    } else {
      ConsList cons = ConsListFor(e.programs);
      e.list = cons.list;
      e.start_date = EarliestFor(facts.listing_dates, cons.program);
      if (!e.start_date) e.start_date = EarliestFor(facts.effective_dates, cons.program);
    }
    return e;
  }

  template <typename AddFn>
  Result<bool> ReadCompanion(const fs::path& path, const char* what, std::size_t columns,
                             std::vector<std::string> names, AddFn add) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      result_.missing_companions.push_back(path.filename().string());
      result_.warnings.push_back("no " + std::string(what) + " file " + path.filename().string() +
                                 " beside " + path_.filename().string() +
                                 (std::string_view(what) == "alias"
                                      ? ": aliases come from the remarks only"
                                      : ": entries have no addresses"));
      return false;
    }
    const std::string source = path.string();
    Result<std::string> bytes = ReadFileBytes(path);
    if (!bytes.ok()) return bytes.error();
    Result<std::string> text = OfacText(*bytes, source);
    if (!text.ok()) return text.error();
    CsvReader csv(*text, source, {.expected_fields = columns});
    csv.SetColumnNames(std::move(names));
    result_.files_read.push_back(path);
    while (true) {
      Result<bool> next = NextRecord(csv);
      if (!next.ok()) return next.error();
      if (!*next) break;
      Result<long long> ent_num = WholeNumber(csv, 0);
      if (!ent_num.ok()) return ent_num.error();
      auto it = index_.find(*ent_num);
      if (it == index_.end()) {
        return csv.FieldError(0,
                              std::to_string(*ent_num) + " is not an entry of " + path_.string());
      }
      Result<long long> own_num = WholeNumber(csv, 1);
      if (!own_num.ok()) return own_num.error();
      if (Status s = add(csv, result_.entries[it->second]); !s.ok()) return s.error();
    }
    return true;
  }

  Status AddAlias(const CsvReader& csv, ListEntry& e) {
    std::string type = Value(csv.field(kAltType));
    std::optional<AliasKind> kind = ParseAliasKind(type);
    if (!kind) {
      return csv.FieldError(kAltType,
                            "unknown alias type '" + type + "': expected aka, fka or nka");
    }
    std::string name = Value(csv.field(kAltName));
    if (name.empty()) return csv.FieldError(kAltName, "empty alias name");
    // OFAC flags weak (low-quality) aliases in the alias remarks.
    if (FindNoCase(Value(csv.field(kAltRemarks)), "weak") != std::string::npos) {
      kind = AliasKind::kWeak;
    }
    e.aliases.push_back({std::move(name), *kind});
    return Status();
  }

  Status AddAddress(const CsvReader& csv, ListEntry& e) {
    Address a;
    a.street = Value(csv.field(kAddress));
    // OFAC merges city, state or province and postal code in one column
    // ("Guangdong, Shenzhen 518129"); it is kept whole, as published, in city.
    a.city = Value(csv.field(kAddCity));
    SetCountry(a, Value(csv.field(kAddCountry)), false);
    if (a.street.empty() && a.city.empty() && a.country_name.empty()) return Status();
    e.addresses.push_back(std::move(a));
    return Status();
  }

  fs::path path_;
  Format format_;
  ParsedList result_;
  std::unordered_map<long long, std::size_t> index_;  // ent_num -> entries index
  std::vector<int> lines_;                            // line of each entry
  std::vector<std::vector<Alias>> remark_aliases_;    // per entry
};

}  // namespace

Result<ParsedList> ReadOfacLegacy(const std::filesystem::path& path, std::string_view bytes,
                                  Format format) {
  OfacReader reader(path, format);
  return reader.Read(bytes);
}

}  // namespace tollgate::lists::formats
