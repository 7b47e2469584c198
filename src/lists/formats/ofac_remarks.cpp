#include "lists/formats/ofac_remarks.h"

#include <optional>

#include "lists/formats/reader_util.h"
#include "tollgate/common/country.h"

namespace tollgate::lists::formats {
namespace {

struct IdLabel {
  std::string_view label;  // how the phrase starts
  std::string_view type;   // Identifier::type
};

// Identifier phrases of the SDN and non-SDN files (the most frequent ones; a phrase
// not listed here stays in the remarks only). Where one label is a prefix of another,
// the longer comes first.
constexpr IdLabel kIdLabels[] = {
    {"Unified Social Credit Code (USCC)", "USCC"},
    {"Vessel Registration Identification", "Vessel Registration Identification"},
    {"Aircraft Manufacturer's Serial Number (MSN)", "MSN"},
    {"Aircraft Tail Number", "Aircraft Tail Number"},
    {"Diplomatic Passport", "Diplomatic Passport"},
    {"Passport", "Passport"},
    {"National ID No.", "National ID No."},
    {"Personal ID Card", "Personal ID Card"},
    {"Identification Number", "Identification Number"},
    {"Tax ID No.", "Tax ID No."},
    {"Registration ID", "Registration ID"},
    {"Registration Number", "Registration Number"},
    {"Business Registration Number", "Business Registration Number"},
    {"Business Registration Document #", "Business Registration Document #"},
    {"Public Registration Number", "Public Registration Number"},
    {"Commercial Registry Number", "Commercial Registry Number"},
    {"Company Number", "Company Number"},
    {"Government Gazette Number", "Government Gazette Number"},
    {"Legal Entity Number", "Legal Entity Number"},
    {"Trade License No.", "Trade License No."},
    {"Chamber of Commerce Number", "Chamber of Commerce Number"},
    {"V.A.T. Number", "V.A.T. Number"},
    {"D-U-N-S Number", "D-U-N-S Number"},
    {"SWIFT/BIC", "SWIFT/BIC"},
    {"ISIN", "ISIN"},
    {"BIK (RU)", "BIK"},
    {"MMSI", "MMSI"},
    {"Cedula No.", "Cedula No."},
    {"C.U.R.P.", "C.U.R.P."},
    {"R.F.C.", "R.F.C."},
    {"RFC", "R.F.C."},
    {"NIT #", "NIT #"},
    {"RUC #", "RUC #"},
    {"D.N.I.", "D.N.I."},
    {"Matricula Mercantil No", "Matricula Mercantil No"},
    {"Folio Mercantil No.", "Folio Mercantil No."},
    {"Electoral Registry No.", "Electoral Registry No."},
    {"Credencial electoral", "Credencial electoral"},
    {"Driver's License No.", "Driver's License No."},
    {"Residency Number", "Residency Number"},
    {"Birth Certificate Number", "Birth Certificate Number"},
    {"SSN", "SSN"},
    {"Website", "Website"},
    {"Email Address", "Email Address"},
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view TrimEndPunct(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
  return Trim(s);
}

bool StartsWithWord(std::string_view text, std::string_view word) {
  return text.size() > word.size() && text.substr(0, word.size()) == word &&
         text[word.size()] == ' ';
}

// The ISO code of the last "(Country)" group in `text` that names a country.
std::string TrailingCountry(std::string_view text) {
  std::size_t close = text.rfind(')');
  while (close != std::string_view::npos) {
    std::size_t open = text.rfind('(', close);
    if (open == std::string_view::npos) break;
    if (auto country = CountryByName(text.substr(open + 1, close - open - 1))) {
      return std::string(country->code);
    }
    if (open == 0) break;
    close = text.rfind(')', open - 1);
  }
  return "";
}

std::optional<Identifier> ParseId(std::string_view phrase) {
  for (const IdLabel& id_label : kIdLabels) {
    if (!StartsWithWord(phrase, id_label.label)) continue;
    std::string_view rest = Trim(phrase.substr(id_label.label.size()));
    std::string_view value = rest;
    for (std::string_view stop : {" (", " issued", " expires", ", issued"}) {
      std::size_t at = value.find(stop);
      if (at != std::string_view::npos) value = value.substr(0, at);
    }
    value = TrimEndPunct(value);
    if (value.empty()) return std::nullopt;
    Identifier id;
    id.type = std::string(id_label.type);
    // "Vessel Registration Identification IMO 9243801": the IMO number is the id.
    if (StartsWithWord(value, "IMO")) {
      id.type = "IMO";
      value = Trim(value.substr(3));
    }
    id.value = CleanText(value);
    id.country = TrailingCountry(rest);
    return id;
  }
  return std::nullopt;
}

// "DOB 12 Feb 1961" -> "1961-02-12"; "DOB circa 1955", "DOB 1968 to 1969" as written.
std::string DateOfBirth(std::string_view text) {
  text = TrimEndPunct(text);
  if (text.size() >= 10 && text.size() <= 11) {
    if (auto date = Date::ParseLenient(text)) return date->ToString();
  }
  return CleanText(text);
}

// "Listing Date (CMIC) 03 Jun 2021" or "Listing Date (EO 14024 Directive 3): 24 Feb 2022".
std::optional<TaggedDate> ParseTaggedDate(std::string_view rest) {
  rest = Trim(rest);
  if (rest.empty() || rest.front() != '(') return std::nullopt;
  std::size_t close = rest.find(')');
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view tag = rest.substr(1, close - 1);
  std::string_view date_text = Trim(rest.substr(close + 1));
  if (!date_text.empty() && date_text.front() == ':') date_text.remove_prefix(1);
  auto date = Date::ParseLenient(TrimEndPunct(date_text));
  if (!date) return std::nullopt;
  return TaggedDate{CleanText(tag), *date};
}

// "a.k.a. 'BNC'" -> BNC.
std::string QuotedName(std::string_view text) {
  text = TrimEndPunct(text);
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
    text = text.substr(1, text.size() - 2);
  }
  return CleanText(text);
}

void ParsePhrase(std::string_view phrase, OfacRemarks& out) {
  if (StartsWithWord(phrase, "alt.")) phrase = Trim(phrase.substr(4));
  if (phrase.empty()) return;
  if (StartsWithWord(phrase, "DOB")) {
    AddUnique(out.dates_of_birth, DateOfBirth(phrase.substr(4)));
  } else if (StartsWithWord(phrase, "nationality")) {
    AddUnique(out.nationalities, NationalityCode(TrimEndPunct(phrase.substr(12))));
  } else if (StartsWithWord(phrase, "citizen")) {
    AddUnique(out.nationalities, NationalityCode(TrimEndPunct(phrase.substr(8))));
  } else if (StartsWithWord(phrase, "a.k.a.") || StartsWithWord(phrase, "f.k.a.") ||
             StartsWithWord(phrase, "n.k.a.")) {
    AliasKind kind = phrase[0] == 'f'   ? AliasKind::kFka
                     : phrase[0] == 'n' ? AliasKind::kNka
                                        : AliasKind::kAka;
    std::string name = QuotedName(phrase.substr(7));
    if (!name.empty()) out.aliases.push_back({std::move(name), kind});
  } else if (phrase.substr(0, 13) == "Listing Date ") {
    if (auto d = ParseTaggedDate(phrase.substr(13))) out.listing_dates.push_back(*d);
  } else if (phrase.substr(0, 15) == "Effective Date ") {
    if (auto d = ParseTaggedDate(phrase.substr(15))) out.effective_dates.push_back(*d);
  } else if (auto id = ParseId(phrase)) {
    out.ids.push_back(std::move(*id));
  }
}

}  // namespace

OfacRemarks ParseOfacRemarks(std::string_view remarks) {
  OfacRemarks out;
  std::size_t start = 0;
  while (start < remarks.size()) {
    std::size_t end = remarks.find(';', start);
    if (end == std::string_view::npos) end = remarks.size();
    ParsePhrase(Trim(remarks.substr(start, end - start)), out);
    start = end + 1;
  }
  return out;
}

}  // namespace tollgate::lists::formats
