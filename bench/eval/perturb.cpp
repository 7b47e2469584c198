// The generators of the development set (issue 16, item 6): each applies one stated
// rule to a listed name, deterministically for a given Random. The positive ones
// rewrite a name the way a party's name is written on an order or a form; the negative
// ones build names of nobody listed that the issue reports as false alerts.
#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "dev_set.h"
#include "tollgate/screening/normalize.h"

namespace tollgate::eval {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

bool AllLetters(const std::string& word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), IsLetter);
}

// The case of `like` on `word`: all upper if `like` is, else capitalized.
std::string CaseLike(const std::string& word, const std::string& like) {
  if (Upper(like) == like) return Upper(word);
  std::string out = word;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

// Only for generating queries (the engine's own table of given-name equivalents is
// another item of issue 16): common short forms in English, Russian, German and the
// Arabic-speaking world, the languages most listed individuals' names come from.
constexpr std::array<std::pair<const char*, const char*>, 24> kShortForms = {{
    {"WILLIAM", "Bill"},    {"ROBERT", "Bob"},        {"RICHARD", "Rick"},
    {"JAMES", "Jim"},       {"JOSEPH", "Joe"},        {"MICHAEL", "Mike"},
    {"THOMAS", "Tom"},      {"ALEXANDER", "Alex"},    {"NICHOLAS", "Nick"},
    {"EDWARD", "Ed"},       {"ANTHONY", "Tony"},      {"CHRISTOPHER", "Chris"},
    {"ALEKSANDR", "Sasha"}, {"VLADIMIR", "Volodya"},  {"DMITRY", "Dima"},
    {"DMITRIY", "Dima"},    {"MIKHAIL", "Misha"},     {"NIKOLAY", "Kolya"},
    {"YEVGENIY", "Zhenya"}, {"SERGEY", "Seryozha"},   {"MUHAMMAD", "Mohd"},
    {"MOHAMMED", "Mohd"},   {"ABDULRAHMAN", "Abdul"}, {"JOHANNES", "Hans"},
}};

constexpr std::array<const char*, 10> kTitles = {
    "President", "Sheikh", "General", "Dr", "Dr.", "Mr", "Mr.", "Colonel", "Minister", "Prof."};

constexpr std::array<const char*, 20> kGivenNames = {
    "Robert", "Mary",  "David",  "Anna",  "Peter",  "Laura", "Thomas", "Julia", "Martin", "Sofia",
    "Daniel", "Clara", "Steven", "Helen", "George", "Irene", "Victor", "Alice", "Oliver", "Nina"};

// Common surname and given-name characters (simplified and traditional), each of which
// Any-Latin reads as a pinyin syllable that is also a romanized name or name part.
constexpr std::array<const char*, 40> kHanCharacters = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
    "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "金", "华",
    "明", "国", "海", "东", "伟", "军", "强", "平", "文", "龍", "陳", "張"};

// Syllables of the coined words that replace a company's distinctive words.
constexpr std::array<const char*, 16> kSyllables = {"bel", "mor", "tav", "rin", "kal", "dor",
                                                    "ven", "sil", "quo", "zar", "pel", "nix",
                                                    "ral", "tor", "mir", "ond"};

}  // namespace

std::optional<std::string> ShortGivenName(const std::string& given) {
  const std::string key = Upper(given);
  for (const auto& [formal, short_form] : kShortForms) {
    if (key == formal) return CaseLike(short_form, given);
  }
  return std::nullopt;
}

std::optional<std::string> Nickname(const std::string& name, Random& random) {
  std::vector<std::string> words = Words(name);
  std::vector<std::size_t> known;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string bare = words[i];
    if (!bare.empty() && bare.back() == ',') bare.pop_back();
    if (AllLetters(bare) && ShortGivenName(bare)) known.push_back(i);
  }
  if (known.empty() || words.size() < 2) return std::nullopt;
  const std::size_t i = known[random.Below(known.size())];
  const bool comma = words[i].back() == ',';
  words[i] = *ShortGivenName(comma ? words[i].substr(0, words[i].size() - 1) : words[i]);
  if (comma) words[i].push_back(',');
  return Join(words);
}

std::optional<std::string> Initials(const std::string& name, bool spaced) {
  std::string surname;
  std::vector<std::string> given;
  if (const auto comma = name.find(','); comma != std::string::npos) {
    surname = name.substr(0, comma);
    given = Words(name.substr(comma + 1));
  } else {
    given = Words(name);
    if (given.size() < 2) return std::nullopt;
    surname = given.back();
    given.pop_back();
  }
  if (given.empty() || Words(surname).empty()) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& word : given) {
    std::string initials;
    std::size_t start = 0;
    while (start < word.size()) {
      std::size_t end = word.find('-', start);
      if (end == std::string::npos) end = word.size();
      // A part not starting with a letter (a digit, a bracket) is not a name to shorten.
      if (end == start || !IsLetter(word[start])) return std::nullopt;
      if (!initials.empty()) initials += spaced ? " " : "-";
      initials += static_cast<char>(std::toupper(static_cast<unsigned char>(word[start])));
      initials += '.';
      start = end + 1;
    }
    out.push_back(initials);
  }
  out.push_back(Join(Words(surname)));
  return Join(out);
}

std::optional<std::string> TitlePrefix(const std::string& name, Random& random) {
  std::string natural = name;
  // A title goes before the given names: "SURNAME, Given" is written "Given SURNAME".
  if (const auto comma = name.find(','); comma != std::string::npos) {
    natural = Join(Words(name.substr(comma + 1)));
    natural += (natural.empty() ? "" : " ") + Join(Words(name.substr(0, comma)));
  }
  if (Words(natural).empty()) return std::nullopt;
  return std::string(kTitles[random.Below(kTitles.size())]) + " " + natural;
}

char DigitForLetter(char letter, bool alternate) {
  switch (std::toupper(static_cast<unsigned char>(letter))) {
    case 'O':
      return '0';
    case 'I':
    case 'L':
      return '1';
    case 'E':
      return '3';
    case 'A':
      return alternate ? '@' : '4';
    case 'S':
      return alternate ? '$' : '5';
    case 'T':
      return '7';
    default:
      return 0;
  }
}

std::optional<std::string> DigitsForLetters(const std::string& name, Random& random) {
  std::vector<std::size_t> eligible;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (!IsLetter(name[i])) continue;
    ++letters;
    if (DigitForLetter(name[i], false) != 0) eligible.push_back(i);
  }
  if (eligible.empty()) return std::nullopt;
  std::string out = name;
  const std::size_t count = letters >= 10 && eligible.size() >= 2 ? 2 : 1;
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t pick = random.Below(eligible.size());
    out[eligible[pick]] = DigitForLetter(out[eligible[pick]], random.Chance(25));
    eligible.erase(eligible.begin() + static_cast<long>(pick));
  }
  return out;
}

std::optional<std::string> DoubleOrDropLetter(const std::string& name, Random& random) {
  std::vector<std::string> words = Words(name);
  std::vector<std::size_t> eligible;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (AllLetters(words[i]) && words[i].size() >= 4) eligible.push_back(i);
  }
  if (eligible.empty()) return std::nullopt;
  std::string& word = words[eligible[random.Below(eligible.size())]];
  const std::size_t pos = 1 + random.Below(word.size() - 1);
  if (random.Chance(50)) {
    word.insert(word.begin() + static_cast<long>(pos), word[pos]);
  } else {
    word.erase(pos, 1);
  }
  return Join(words);
}

std::optional<std::string> ScrambleWithTypo(const std::string& name, Random& random) {
  std::vector<std::string> words = Words(name);
  if (words.size() < 2) return std::nullopt;
  // Out of order, "SURNAME," no longer marks the surname: the comma goes.
  for (auto& word : words) {
    if (word.size() > 1 && word.back() == ',') word.pop_back();
  }
  const std::vector<std::string> original = words;
  if (random.Chance(50)) {
    std::reverse(words.begin(), words.end());
  } else {
    // Fisher-Yates with our generator, so every platform draws the same order.
    for (std::size_t i = words.size() - 1; i > 0; --i) {
      std::swap(words[i], words[random.Below(i + 1)]);
    }
  }
  if (words == original) std::reverse(words.begin(), words.end());
  std::vector<std::size_t> eligible;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (AllLetters(words[i]) && words[i].size() >= 4) eligible.push_back(i);
  }
  if (eligible.empty() || words == original) return std::nullopt;
  Typo(words[eligible[random.Below(eligible.size())]], random);
  return Join(words);
}

std::string OneWordAliasTrap(const std::string& alias, Random& random) {
  return std::string(kGivenNames[random.Below(kGivenNames.size())]) + " " + alias;
}

std::string ShortHanName(Random& random) {
  std::string name = kHanCharacters[random.Below(kHanCharacters.size())];
  if (random.Chance(50)) name += kHanCharacters[random.Below(kHanCharacters.size())];
  return name;
}

std::optional<std::string> GenericWordsOnly(const std::string& company,
                                            const std::function<bool(const std::string&)>& unused,
                                            Random& random) {
  const auto tokens = screening::TokenizeName(company);
  bool generic = false;
  bool distinctive = false;
  for (const auto& token : tokens) {
    if (screening::IsDistinctive(token.token_class)) {
      distinctive = true;
    } else if (token.token_class == screening::TokenClass::kLegalForm ||
               token.token_class == screening::TokenClass::kCommon) {
      generic = true;
    }
  }
  if (!generic || !distinctive) return std::nullopt;
  std::vector<std::string> words;
  for (const auto& token : tokens) {
    if (!screening::IsDistinctive(token.token_class)) {
      words.push_back(token.text);
      continue;
    }
    // 16^2 + 16^3 coined words: a caller that accepts none of 1,000 draws gets nullopt.
    bool placed = false;
    for (int attempt = 0; attempt < 1000 && !placed; ++attempt) {
      std::string coined;
      const std::size_t syllables = 2 + random.Below(2);
      for (std::size_t s = 0; s < syllables; ++s) {
        coined += kSyllables[random.Below(kSyllables.size())];
      }
      coined[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(coined[0])));
      if (unused(coined)) {
        words.push_back(coined);
        placed = true;
      }
    }
    if (!placed) return std::nullopt;
  }
  return Join(words);
}

}  // namespace tollgate::eval
