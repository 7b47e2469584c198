#include "facts_set.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "tollgate/screening/query_facts.h"

namespace tollgate::eval {
namespace {

constexpr std::uint64_t kFactsSeed = 20261207;
constexpr std::size_t kCases = 500;
constexpr std::size_t kCleanNames = 4000;
constexpr std::size_t kExamples = 4;
constexpr std::size_t kLimit = 50;  // as in the rest of the harness
constexpr int kWrongYears = 20;     // a wrong date of birth is this many years off

bool Finds(const screening::Index& index, screening::Query query, const lists::ListEntry& entry) {
  query.limit = kLimit;
  const auto matches = index.Screen(query);
  return std::any_of(matches.begin(), matches.end(), [&](const screening::Match& m) {
    return m.entry->list == entry.list && m.entry->entry_id == entry.entry_id;
  });
}

// The entry's first date of birth as a query gives it: the whole date when the list
// gives one, else its first year.
std::optional<screening::BirthDate> RightBirthDate(const lists::ListEntry& entry) {
  for (const std::string& text : entry.dates_of_birth) {
    if (auto whole = screening::ParseBirthDate(text); whole.ok()) return *whole;
    const std::vector<int> years = YearsIn(text);
    if (!years.empty()) return screening::BirthDate{years.front(), 0, 0};
  }
  return std::nullopt;
}

// A year kWrongYears off every year the entry's dates of birth name.
std::optional<screening::BirthDate> WrongBirthDate(const lists::ListEntry& entry) {
  std::vector<int> years;
  for (const std::string& text : entry.dates_of_birth) {
    for (int year : YearsIn(text)) years.push_back(year);
  }
  if (years.empty()) return std::nullopt;
  const int low = *std::min_element(years.begin(), years.end());
  const int high = *std::max_element(years.begin(), years.end());
  const int wrong = high + kWrongYears <= 2010 ? high + kWrongYears : low - kWrongYears;
  return screening::BirthDate{wrong, 0, 0};
}

// One typo in each of up to two words of four letters or more: a name that the name
// alone finds less often than a single slip, where the facts have room to matter.
std::optional<std::string> TwoTypos(const std::string& name, Random& random) {
  std::vector<std::string> words = Words(name);
  std::vector<std::size_t> long_words;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::size_t letters = 0;
    for (char c : words[i]) letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
    if (letters >= 4) long_words.push_back(i);
  }
  if (long_words.empty() || words.size() < 2) return std::nullopt;
  for (std::size_t k = 0; k < long_words.size() && k < 2; ++k) {
    Typo(words[long_words[random.Below(long_words.size())]], random);
  }
  std::string altered = Join(words);
  if (altered == name) return std::nullopt;
  return altered;
}

void Example(DevRow& row, const std::string& text) {
  if (row.examples.size() < kExamples) row.examples.push_back(text);
}

}  // namespace

std::vector<int> YearsIn(const std::string& date_of_birth) {
  std::vector<int> years;
  for (std::size_t i = 0; i + 4 <= date_of_birth.size(); ++i) {
    const bool starts = i == 0 || !std::isdigit(static_cast<unsigned char>(date_of_birth[i - 1]));
    const bool ends = i + 4 == date_of_birth.size() ||
                      !std::isdigit(static_cast<unsigned char>(date_of_birth[i + 4]));
    if (!starts || !ends) continue;
    if (!std::all_of(date_of_birth.begin() + static_cast<std::ptrdiff_t>(i),
                     date_of_birth.begin() + static_cast<std::ptrdiff_t>(i + 4),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
      continue;
    }
    const int year = std::stoi(date_of_birth.substr(i, 4));
    if (year >= 1800 && year <= 2100) years.push_back(year);
  }
  return years;
}

std::vector<DevRow> RunFactsSet(const std::vector<lists::ListEntry>& entries,
                                const screening::Index& index) {
  const std::string part = "secondary facts (item 5)";
  DevRow right{part, "typo'd name + right date of birth", 0, 0, false, "", {}};
  DevRow exact{part,  "name as listed + wrong date of birth",   0, 0,
               false, "target 100%: never hides an exact name", {}};
  DevRow wrong{part, "typo'd name + wrong date of birth, kept quiet", 0, 0, false, "", {}};
  DevRow id{part, "typo'd name + right identifier", 0, 0, false, "", {}};
  std::size_t right_alone = 0;  // found by the altered name without the fact
  std::size_t wrong_alone = 0;
  std::size_t id_cases_alone = 0;

  // Listed individuals with a date of birth, in a fixed shuffle; each gives one case
  // of each kind, from its primary name in Latin script.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    if (e.type == lists::EntryType::kIndividual && !e.dates_of_birth.empty() &&
        DetectScript(e.name) == "Latin") {
      order.push_back(i);
    }
  }
  Random random(kFactsSeed);
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.Below(i)]);

  for (const std::size_t i : order) {
    if (right.cases == kCases) break;
    const lists::ListEntry& entry = entries[i];
    const auto right_dob = RightBirthDate(entry);
    const auto wrong_dob = WrongBirthDate(entry);
    const auto altered = TwoTypos(entry.name, random);
    if (!right_dob || !wrong_dob || !altered || !HasDistinctiveWord(*altered)) continue;
    screening::Query query;
    query.name = *altered;
    const bool alone = Finds(index, query, entry);

    ++right.cases;
    right_alone += alone ? 1 : 0;
    query.date_of_birth = right_dob;
    if (Finds(index, query, entry)) {
      ++right.hits;
    } else {
      Example(right, "'" + *altered + "' born " + screening::BirthDateText(*right_dob) + " from '" +
                         entry.name + "'");
    }

    ++wrong.cases;
    wrong_alone += alone ? 1 : 0;
    query.date_of_birth = wrong_dob;
    if (!Finds(index, query, entry)) {
      ++wrong.hits;
    } else {
      Example(wrong, "'" + *altered + "' born " + screening::BirthDateText(*wrong_dob) +
                         " still finds '" + entry.name + "'");
    }

    ++exact.cases;
    screening::Query as_listed;
    as_listed.name = entry.name;
    as_listed.date_of_birth = wrong_dob;
    if (Finds(index, as_listed, entry)) {
      ++exact.hits;
    } else {
      Example(exact, "'" + entry.name + "' born " + screening::BirthDateText(*wrong_dob));
    }

    if (!entry.ids.empty()) {
      ++id.cases;
      id_cases_alone += alone ? 1 : 0;
      screening::Query with_id;
      with_id.name = *altered;
      with_id.ids.push_back({entry.ids.front().type, entry.ids.front().value});
      if (Finds(index, with_id, entry)) {
        ++id.hits;
      } else {
        Example(id, "'" + *altered + "' " + entry.ids.front().type + " " + entry.ids.front().value +
                        " from '" + entry.name + "'");
      }
    }
  }
  right.note = "the name alone finds " + std::to_string(right_alone);
  wrong.note = "the name alone finds " + std::to_string(wrong_alone) + " (of " +
               std::to_string(wrong.cases) + ")";
  id.note = "the name alone finds " + std::to_string(id_cases_alone);

  // Clean names given a date of birth: a fact never finds a name on its own.
  DevRow clean{part, "clean names + a date of birth", 0, 0, true, "", {}};
  std::size_t clean_alone = 0;
  std::size_t clean_new = 0;  // alerting with the date of birth only
  Random names_random(kFactsSeed + 1);
  for (const std::string& name : GenerateCleanNames(kCleanNames, names_random)) {
    screening::Query query;
    query.name = name;
    const bool alone = !index.Screen(query).empty();
    clean_alone += alone ? 1 : 0;
    query.date_of_birth =
        screening::BirthDate{1940 + static_cast<int>(names_random.Below(60)), 0, 0};
    ++clean.cases;
    const auto matches = index.Screen(query);
    if (matches.empty()) continue;
    ++clean.hits;
    clean_new += alone ? 0 : 1;
    char score[16];
    std::snprintf(score, sizeof score, " %.3f", matches.front().score);
    const std::string alert = "'" + name + "' born " +
                              screening::BirthDateText(*query.date_of_birth) + " -> " +
                              matches.front().entry->list + " " + matches.front().entry->entry_id +
                              " '" + matches.front().matched_name + "'" + score;
    // An alert the date of birth alone made is always shown.
    if (!alone) {
      clean.examples.push_back("only with the date: " + alert);
    } else {
      Example(clean, alert);
    }
  }
  clean.note = "without the date of birth: " + std::to_string(clean_alone) +
               "; alerting only with it: " + std::to_string(clean_new);
  return {right, wrong, exact, id, clean};
}

}  // namespace tollgate::eval
