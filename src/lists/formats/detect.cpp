// Format detection from content. The rules, in order:
//   an XML document whose root is CONSOLIDATED_LIST          -> un-xml
//   a JSON object or array                                    -> csl-json
//   a tab-separated header with Name, Effective_Date, FR_Citation -> bis-dpl
//   a header with source, name and entity_number/_id          -> csl-csv
//   a header with Source List, Programs and Name              -> state-isn
//   a header starting "Debarred Party Full Name"               -> state-dtc
//   headerless records of 12 fields starting with an integer  -> OFAC legacy primary:
//     ofac-cons when some record is only under non-SDN programs (CMIC-*, NS-PLC,
//     561-Related, *CAPTA*, FSE-*, NS-MBS), which never appear alone on the SDN list;
//     otherwise ofac-sdn, unless the file name says "cons" (a tie-breaker only).
// OFAC alias and address files (5 and 6 fields) are recognized and refused with a
// pointer to the primary file, which reads them.

#include <cctype>

#include "lists/formats/json_text.h"
#include "lists/formats/reader_util.h"
#include "lists/formats/readers.h"
#include "tollgate/common/csv.h"

namespace tollgate::lists::formats {
namespace {

Error Unknown(const std::string& source, std::string_view why) {
  return MakeError(ErrorCode::kParseError, source + ":1: unknown list format: " + std::string(why) +
                                               " (give the format explicitly with --format)");
}

bool IsWholeNumber(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool HasField(const std::vector<std::string>& fields, std::string_view name) {
  for (const std::string& f : fields) {
    if (EqualsNoCase(f, name)) return true;
  }
  return false;
}

// Programs only the non-SDN lists use (see ConsListFor in the OFAC reader).
bool IsNonSdnProgram(std::string_view p) {
  return p.starts_with("CMIC") || p == "NS-PLC" || p == "561-Related" ||
         p.find("CAPTA") != std::string_view::npos || p.starts_with("FSE") || p == "NS-MBS";
}

bool OnlyNonSdnPrograms(std::string_view field) {
  bool any = false;
  std::string current;
  auto check = [&] {
    std::string p = CleanText(current);
    current.clear();
    if (p.empty()) return true;
    any = true;
    return IsNonSdnProgram(p);
  };
  for (char c : field) {
    if (c == '[' || c == ']') {
      if (!check()) return false;
    } else {
      current.push_back(c);
    }
  }
  return check() && any;
}

Format OfacPrimaryKind(const std::filesystem::path& path, std::string_view text) {
  CsvReader csv(text, path.string(), {.expected_fields = 12});
  while (true) {
    Result<bool> next = csv.Next();
    if (!next.ok() || !*next) break;  // a malformed record is the reader's to report
    if (OnlyNonSdnPrograms(csv.field(3))) return Format::kOfacCons;
  }
  if (FindNoCase(path.filename().string(), "cons") != std::string::npos) {
    return Format::kOfacCons;
  }
  return Format::kOfacSdn;
}

// The name of the first element of an XML document.
std::string XmlRoot(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    i = text.find('<', i);
    if (i == std::string_view::npos || i + 1 >= text.size()) return "";
    char next = text[i + 1];
    if (next == '?' || next == '!') {  // declaration, comment, DOCTYPE
      std::string_view end = text.substr(i, 4) == "<!--" ? "-->" : ">";
      i = text.find(end, i);
      if (i == std::string_view::npos) return "";
      continue;
    }
    std::size_t start = i + 1, stop = start;
    while (stop < text.size() && !std::isspace(static_cast<unsigned char>(text[stop])) &&
           text[stop] != '>' && text[stop] != '/') {
      ++stop;
    }
    return std::string(text.substr(start, stop - start));
  }
  return "";
}

}  // namespace

Result<Format> DetectFormatOfBytes(const std::filesystem::path& path, std::string_view bytes) {
  const std::string source = path.string();
  std::string_view view = bytes;
  if (view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  while (!view.empty() && std::isspace(static_cast<unsigned char>(view.front()))) {
    view.remove_prefix(1);
  }
  while (!view.empty() && view.back() == '\x1A') view.remove_suffix(1);
  if (view.empty()) return Unknown(source, "the file is empty");

  if (view.front() == '<') {
    std::string root = XmlRoot(view);
    if (root == "CONSOLIDATED_LIST") return Format::kUnXml;
    // The root is quoted from the file: a byte that is not UTF-8 is shown as \xNN.
    return Unknown(source,
                   "XML root <" + QuotableText(root) + "> is not CONSOLIDATED_LIST (the UN list)");
  }
  if (view.front() == '{' || view.front() == '[') return Format::kCslJson;

  // Only to find the header: the reader then decodes by its format's own rule.
  Result<std::string> text = DecodeText(view, source, TextEncoding::kUtf8OrWindows1252);
  if (!text.ok()) return text.error();
  std::string_view first_line = std::string_view(*text).substr(0, text->find('\n'));
  bool tabs = first_line.find('\t') != std::string_view::npos;
  CsvReader header_reader(*text, source, {.delimiter = tabs ? '\t' : ','});
  Result<bool> header = header_reader.Next();
  if (!header.ok() || !*header) return Unknown(source, "the first line is not CSV");
  std::vector<std::string> fields;
  for (std::size_t i = 0; i < header_reader.size(); ++i) {
    fields.push_back(CleanText(header_reader.field(i)));
  }

  if (tabs && HasField(fields, "Name") && HasField(fields, "Effective_Date") &&
      HasField(fields, "FR_Citation")) {
    return Format::kBisDpl;
  }
  if (HasField(fields, "source") && HasField(fields, "name") &&
      (HasField(fields, "entity_number") || HasField(fields, "_id"))) {
    return Format::kCslCsv;
  }
  if (HasField(fields, "Source List") && HasField(fields, "Programs") && HasField(fields, "Name")) {
    return Format::kStateIsn;
  }
  if (StartsWithNoCase(fields.front(), "Debarred Party Full Name")) return Format::kStateDtc;
  if (!tabs && IsWholeNumber(fields.front())) {
    if (fields.size() == 12) return OfacPrimaryKind(path, *text);
    if (fields.size() == 5) {
      return Unknown(source,
                     "this looks like an OFAC alias file (alt.csv); read the primary file "
                     "(sdn.csv or cons_prim.csv) beside it, which reads its aliases");
    }
    if (fields.size() == 6) {
      return Unknown(source,
                     "this looks like an OFAC address file (add.csv); read the primary file "
                     "(sdn.csv or cons_prim.csv) beside it, which reads its addresses");
    }
  }
  return Unknown(source, "the first line matches no known header or OFAC record");
}

}  // namespace tollgate::lists::formats
