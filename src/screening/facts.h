// Secondary facts: after the name is scored, what the query says of the party besides
// its name (date or year of birth, nationality, identifiers) is compared with what the
// entry carries (lists::ListEntry dates_of_birth, nationalities, ids).
//
//   agrees       raises the score: an identifier most, a whole date of birth more than
//                a year, a nationality least (many people share it)
//   contradicts  kFactContradicts, enough to take any name short of exact below the
//                default threshold (0.99 - 0.15 < 0.85): a listed person born in 1960 is
//                not a party born in 1985 of a similar name. An exact name (name score
//                1: the same words) keeps its score: a contradicting fact never hides
//                it, as lists carry stale or partial facts and OFAC liability is strict
//                (DOMAIN.md §7)
//   not carried  changes nothing (most entities have no date of birth)
// Facts never find candidates: only names that the name lookups found are adjusted;
// candidate pruning leaves room for the largest raise (MaxFactRaise).
//
// Thread-safety: pure functions.
// Failure: none; a listed date of birth that cannot be read is not compared.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/lists/entry.h"
#include "tollgate/screening/screening.h"

namespace tollgate::screening {

inline constexpr double kIdentifierAgrees = 0.10;
inline constexpr double kBirthDateAgrees = 0.06;  // the same whole date
inline constexpr double kBirthYearAgrees = 0.04;  // the same year (or within a listed range)
inline constexpr double kNationalityAgrees = 0.02;
inline constexpr double kFactContradicts = -0.15;
// "circa 1955" agrees with 1954..1956.
inline constexpr int kCircaYears = 1;

// A listed date of birth as a span of years, with the whole date when one is given:
// "1960-03-04", "1960", "circa 1955", "1968 to 1969", "01 Jan 1960 to 31 Dec 1962",
// "Mar 1961", "1961.".
struct ListedBirthDate {
  int first_year = 0;
  int last_year = 0;
  int month = 0;  // with day: a whole date (first_year == last_year)
  int day = 0;
};
std::optional<ListedBirthDate> ParseListedBirthDate(std::string_view text);

// Upper-case letters and digits only: "A-123 45" and "a12345" are the same number.
std::string NormalizedIdValue(std::string_view value);
// True when two identifier types name the same kind of document ("passport" and
// "Diplomatic Passport", "national id" and "National ID No.").
bool SameIdType(std::string_view a, std::string_view b);

// The query's facts, worked out once per query.
struct SecondaryFacts {
  std::optional<BirthDate> date_of_birth;
  std::string nationality;  // upper-case alpha-2, "" when not given
  struct Id {
    std::string type;  // as given
    std::string value;
    std::string normalized;
  };
  std::vector<Id> ids;
  bool Any() const { return date_of_birth || !nationality.empty() || !ids.empty(); }
};
SecondaryFacts SecondaryFactsOf(const Query& query);

// The most AdjustForFacts can add for these facts (candidate pruning leaves room).
double MaxFactRaise(const SecondaryFacts& facts);

// The sum of the facts' adjustments against `entry` for a name that scored
// `name_score`; with `notes`, one line per fact the entry carries.
double AdjustForFacts(const SecondaryFacts& facts, const lists::ListEntry& entry, double name_score,
                      std::vector<std::string>* notes);

}  // namespace tollgate::screening
