#include "screening/facts.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "tollgate/common/country.h"
#include "tollgate/common/date.h"
#include "tollgate/screening/query_facts.h"

namespace tollgate::screening {
namespace {

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2100;

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (std::isspace(static_cast<unsigned char>(text.back())) ||
                           text.back() == '.' || text.back() == ',')) {
    text.remove_suffix(1);
  }
  return text;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

std::optional<int> Year(std::string_view text) {
  if (text.size() != 4) return std::nullopt;
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  return year;
}

int MonthOf(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    if (StartsWithNoCase(name, kMonths[m])) return m + 1;
  }
  return 0;
}

// One side of a listed date: a whole date, "Mar 1961", "1961" or "1961-03".
std::optional<ListedBirthDate> OneDate(std::string_view text) {
  text = Trim(text);
  if (auto date = Date::ParseLenient(text)) {
    const std::string iso = date->ToString();  // YYYY-MM-DD
    ListedBirthDate out;
    out.first_year = out.last_year = date->year();
    out.month = (iso[5] - '0') * 10 + (iso[6] - '0');
    out.day = (iso[8] - '0') * 10 + (iso[9] - '0');
    return out;
  }
  if (auto year = Year(text)) return ListedBirthDate{*year, *year, 0, 0};
  if (text.size() > 5) {
    if (auto year = Year(text.substr(text.size() - 4))) {  // "Mar 1961"
      if (MonthOf(text) != 0 && text[text.size() - 5] == ' ') {
        return ListedBirthDate{*year, *year, 0, 0};
      }
    }
    if (auto year = Year(text.substr(0, 4)); year && text[4] == '-') {  // "1961-03"
      return ListedBirthDate{*year, *year, 0, 0};
    }
  }
  return std::nullopt;
}

std::string Signed(double value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  std::string text(buffer, result.ptr);
  return text.front() == '-' ? text : "+" + text;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

// The letters of an identifier type, lower-case: "National ID No." -> "nationalidno".
std::string TypeKey(std::string_view type) {
  std::string key = NormalizedIdValue(type);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

std::string IdText(const SecondaryFacts::Id& id) {
  return (id.type.empty() ? std::string("identifier") : id.type) + " " + id.value;
}

std::string IdText(const lists::Identifier& id) {
  std::string text = id.type + " " + id.value;
  if (!id.country.empty()) text += " (" + id.country + ")";
  return text;
}

// What one fact did: +raise, kFactContradicts, or nothing; with its note.
struct Outcome {
  double delta = 0;
  bool contradicts = false;
  std::string note;
};

void Add(const Outcome& outcome, bool exact_name, double& total, std::vector<std::string>* notes) {
  if (outcome.note.empty()) return;
  double delta = outcome.delta;
  std::string note = outcome.note;
  if (outcome.contradicts && exact_name) {
    delta = 0;
    note += "; the name is exact, so the match stands";
  }
  total += delta;
  if (notes) notes->push_back(note + ": " + Signed(delta));
}

Outcome BirthOutcome(const BirthDate& query, const lists::ListEntry& entry) {
  Outcome out;
  if (entry.dates_of_birth.empty()) return out;
  const std::string asked = "date of birth " + BirthDateText(query);
  bool unread = false;
  const std::string* year_match = nullptr;
  for (const std::string& text : entry.dates_of_birth) {
    const std::optional<ListedBirthDate> listed = ParseListedBirthDate(text);
    if (!listed) {
      unread = true;
      continue;
    }
    if (query.year < listed->first_year || query.year > listed->last_year) continue;
    if (query.month != 0 && listed->day != 0 && query.month == listed->month &&
        query.day == listed->day) {
      out.delta = kBirthDateAgrees;
      out.note = asked + " agrees with the entry's " + text;
      return out;
    }
    if (year_match == nullptr) year_match = &text;
  }
  if (year_match != nullptr) {
    out.delta = kBirthYearAgrees;
    out.note =
        asked +
        (query.month != 0 ? " agrees in its year with the entry's " : " agrees with the entry's ") +
        *year_match;
    return out;
  }
  // A date the lists write in a form not read here may be the one that agrees.
  if (unread) return out;
  out.delta = kFactContradicts;
  out.contradicts = true;
  out.note = asked + " differs from the entry's " + Joined(entry.dates_of_birth);
  return out;
}

Outcome NationalityOutcome(const std::string& query, const lists::ListEntry& entry) {
  Outcome out;
  std::vector<std::string> listed;
  for (const std::string& n : entry.nationalities) {
    if (n.size() != 2) continue;  // unresolved names are not compared
    std::string code = n;
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (std::find(listed.begin(), listed.end(), code) == listed.end()) listed.push_back(code);
  }
  if (listed.empty()) return out;
  const bool agrees = std::find(listed.begin(), listed.end(), query) != listed.end();
  out.delta = agrees ? kNationalityAgrees : kFactContradicts;
  out.contradicts = !agrees;
  out.note = "nationality " + query + (agrees ? " agrees with" : " differs from") +
             " the entry's (" + Joined(listed) + ")";
  return out;
}

// Every query identifier against the entry's: one that agrees raises the score once
// (a party may hold several passports, so another that is not listed says nothing
// then); otherwise a typed one that the entry has a document of that kind for, with
// another number, contradicts.
void IdOutcomes(const SecondaryFacts& facts, const lists::ListEntry& entry, bool exact_name,
                double& total, std::vector<std::string>* notes) {
  if (entry.ids.empty()) return;
  for (const SecondaryFacts::Id& id : facts.ids) {
    for (const lists::Identifier& listed : entry.ids) {
      if (NormalizedIdValue(listed.value) == id.normalized) {
        Add({kIdentifierAgrees, false, IdText(id) + " agrees with the entry's " + IdText(listed)},
            exact_name, total, notes);
        return;
      }
    }
  }
  for (const SecondaryFacts::Id& id : facts.ids) {
    if (id.type.empty()) continue;
    std::vector<std::string> same_kind;
    for (const lists::Identifier& listed : entry.ids) {
      if (SameIdType(id.type, listed.type)) same_kind.push_back(IdText(listed));
    }
    if (same_kind.empty()) continue;
    Add({kFactContradicts, true, IdText(id) + " differs from the entry's " + Joined(same_kind)},
        exact_name, total, notes);
    return;
  }
}

}  // namespace

Result<BirthDate> ParseBirthDate(std::string_view text) {
  const std::string_view trimmed = Trim(text);
  if (auto year = Year(trimmed)) return BirthDate{*year, 0, 0};
  auto date = Date::Parse(trimmed);
  if (date.ok() && date->year() >= kMinYear && date->year() <= kMaxYear) {
    const std::string iso = date->ToString();
    return BirthDate{date->year(), (iso[5] - '0') * 10 + (iso[6] - '0'),
                     (iso[8] - '0') * 10 + (iso[9] - '0')};
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "date of birth '" + std::string(text) +
                       "': expected a year (1960) or a date (1960-03-04) from " +
                       std::to_string(kMinYear) + " to " + std::to_string(kMaxYear));
}

Result<QueryIdentifier> ParseQueryIdentifier(std::string_view text) {
  QueryIdentifier id;
  std::string_view value = text;
  if (const std::size_t colon = text.find(':'); colon != std::string_view::npos) {
    id.type = std::string(Trim(text.substr(0, colon)));
    value = text.substr(colon + 1);
  }
  id.value = std::string(Trim(value));
  if (NormalizedIdValue(id.value).empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "identifier '" + std::string(text) +
                         "': expected TYPE:NUMBER (passport:A1234567) or a number with a letter "
                         "or digit");
  }
  return id;
}

Result<std::string> ParseNationality(std::string_view text) {
  if (auto country = FindCountry(Trim(text))) return std::string(country->code);
  return MakeError(
      ErrorCode::kInvalidArgument,
      "nationality '" + std::string(text) + "': not an ISO 3166 alpha-2 code or country name");
}

std::string BirthDateText(const BirthDate& date) {
  if (date.month == 0) return std::to_string(date.year);
  auto whole = Date::FromYmd(date.year, date.month, date.day);
  return whole.ok() ? whole->ToString() : std::to_string(date.year);
}

std::optional<ListedBirthDate> ParseListedBirthDate(std::string_view text) {
  std::string_view rest = Trim(text);
  for (std::string_view circa : {"circa ", "approximately ", "approx. ", "c. "}) {
    if (StartsWithNoCase(rest, circa)) {
      rest.remove_prefix(circa.size());
      if (auto year = OneDate(rest)) {
        return ListedBirthDate{year->first_year - kCircaYears, year->last_year + kCircaYears, 0, 0};
      }
      return std::nullopt;
    }
  }
  if (const std::size_t to = rest.find(" to "); to != std::string_view::npos) {
    auto from = OneDate(rest.substr(0, to));
    auto until = OneDate(rest.substr(to + 4));
    if (!from || !until || from->first_year > until->last_year) return std::nullopt;
    return ListedBirthDate{from->first_year, until->last_year, 0, 0};
  }
  return OneDate(rest);
}

std::string NormalizedIdValue(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

bool SameIdType(std::string_view a, std::string_view b) {
  const std::string ka = TypeKey(a);
  const std::string kb = TypeKey(b);
  if (ka.size() < 3 || kb.size() < 3) return ka == kb && !ka.empty();
  return ka.find(kb) != std::string::npos || kb.find(ka) != std::string::npos;
}

SecondaryFacts SecondaryFactsOf(const Query& query) {
  SecondaryFacts facts;
  facts.date_of_birth = query.date_of_birth;
  if (query.nationality && query.nationality->size() == 2) {
    for (char c : *query.nationality) {
      facts.nationality.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  for (const QueryIdentifier& id : query.ids) {
    std::string normalized = NormalizedIdValue(id.value);
    if (normalized.empty()) continue;
    facts.ids.push_back({id.type, id.value, std::move(normalized)});
  }
  return facts;
}

double MaxFactRaise(const SecondaryFacts& facts) {
  double raise = 0;
  if (facts.date_of_birth) {
    raise += facts.date_of_birth->month != 0 ? kBirthDateAgrees : kBirthYearAgrees;
  }
  if (!facts.nationality.empty()) raise += kNationalityAgrees;
  if (!facts.ids.empty()) raise += kIdentifierAgrees;
  return raise;
}

double AdjustForFacts(const SecondaryFacts& facts, const lists::ListEntry& entry, double name_score,
                      std::vector<std::string>* notes) {
  if (!facts.Any()) return 0;
  const bool exact_name = name_score >= 1 - kScoreTolerance;
  double total = 0;
  if (facts.date_of_birth) {
    Add(BirthOutcome(*facts.date_of_birth, entry), exact_name, total, notes);
  }
  if (!facts.nationality.empty()) {
    Add(NationalityOutcome(facts.nationality, entry), exact_name, total, notes);
  }
  if (!facts.ids.empty()) IdOutcomes(facts, entry, exact_name, total, notes);
  return total;
}

}  // namespace tollgate::screening
