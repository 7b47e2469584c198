// Deterministic manipulations of listed names, the "manipulated" half of the
// evaluation (DOMAIN.md §7): legal-form changes, word order, typos, dropped and
// extra words, joined and split words, transliteration variants, diacritics, case.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <sstream>

#include "eval_data.h"

namespace tollgate::eval {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The word without punctuation, upper-cased: "Co.," -> "CO".
std::string Bare(const std::string& word) {
  std::string out;
  for (char c : word) {
    if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return Upper(out);
}

bool IsLetters(const std::string& word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c));
  });
}

const std::map<std::string, std::string>& LegalVariants() {
  static const std::map<std::string, std::string> variants = {
      {"CO", "Company"},
      {"COMPANY", "Co."},
      {"LTD", "Limited"},
      {"LIMITED", "Ltd."},
      {"CORP", "Corporation"},
      {"CORPORATION", "Corp."},
      {"INC", "Incorporated"},
      {"INCORPORATED", "Inc."},
      {"LLC", "L.L.C."},
      {"JSC", "Joint Stock Company"},
      {"GMBH", "G.m.b.H."},
      {"SA", "S.A."},
      {"PLC", "P.L.C."},
      {"INTERNATIONAL", "Intl"},
      {"TECHNOLOGY", "Tech"},
      {"TECHNOLOGIES", "Tech"},
      {"INDUSTRIES", "Ind."},
      {"MANUFACTURING", "Mfg."},
      {"LLP", "L.L.P."},
      {"PJSC", "Public Joint Stock Company"},
      {"OJSC", "Open Joint Stock Company"},
      {"CJSC", "Closed Joint Stock Company"},
  };
  return variants;
}

std::optional<std::string> LegalForm(std::vector<std::string> words, Random& random) {
  std::vector<std::size_t> legal;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (LegalVariants().count(Bare(words[i]))) legal.push_back(i);
  }
  if (legal.empty()) return std::nullopt;
  if (random.Chance(30) && legal.size() < words.size()) {
    // Drop the legal forms altogether ("Huawei Technologies").
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (std::find(legal.begin(), legal.end(), i) == legal.end()) kept.push_back(words[i]);
    }
    return Join(kept);
  }
  const std::size_t i = legal[random.Below(legal.size())];
  words[i] = LegalVariants().at(Bare(words[i]));
  return Join(words);
}

std::optional<std::string> WordOrder(const std::string& name, std::vector<std::string> words,
                                     Random& random) {
  if (words.size() < 2) return std::nullopt;
  if (const auto comma = name.find(','); comma != std::string::npos && random.Chance(70)) {
    // "SURNAME, Given" -> "Given SURNAME"
    std::string given = name.substr(comma + 1);
    given.erase(0, given.find_first_not_of(' '));
    return given + " " + name.substr(0, comma);
  }
  if (random.Chance(50)) {
    std::reverse(words.begin(), words.end());
  } else {
    const std::size_t i = random.Below(words.size() - 1);
    std::swap(words[i], words[i + 1]);
  }
  return Join(words);
}

std::optional<std::string> Typos(std::vector<std::string> words, int count, Random& random) {
  std::vector<std::size_t> eligible;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (IsLetters(words[i]) && words[i].size() >= 4) eligible.push_back(i);
  }
  if (eligible.empty()) return std::nullopt;
  if (count == 2 && eligible.size() < 2) {
    if (words[eligible[0]].size() < 9) return std::nullopt;
    eligible.push_back(eligible[0]);  // two slips in one long word
  }
  std::size_t first = random.Below(eligible.size());
  Typo(words[eligible[first]], random);
  if (count == 2) {
    std::size_t second = random.Below(eligible.size() - 1);
    if (second >= first) ++second;
    Typo(words[eligible[second]], random);
  }
  return Join(words);
}

std::optional<std::string> DropWord(std::vector<std::string> words, Random& random) {
  if (words.size() < 3) return std::nullopt;
  words.erase(words.begin() + static_cast<long>(random.Below(words.size())));
  return Join(words);
}

std::optional<std::string> ExtraWord(std::vector<std::string> words, bool individual,
                                     Random& random) {
  static const std::array<const char*, 8> kGiven = {"Ahmed", "Maria", "Jose", "Ali",
                                                    "Anna",  "Ivan",  "Chen", "Omar"};
  static const std::array<const char*, 8> kBusiness = {"Group",   "Trading",  "International",
                                                       "Holding", "Services", "Industrial",
                                                       "General", "Global"};
  if (words.size() < 2) return std::nullopt;
  if (individual) {
    words.insert(words.begin() + 1 + static_cast<long>(random.Below(words.size() - 1)),
                 kGiven[random.Below(kGiven.size())]);
  } else {
    words.insert(words.begin() + 1 + static_cast<long>(random.Below(words.size() - 1)),
                 kBusiness[random.Below(kBusiness.size())]);
  }
  return Join(words);
}

std::optional<std::string> JoinOrSplit(std::vector<std::string> words, Random& random) {
  std::vector<std::size_t> joinable;
  std::vector<std::size_t> splittable;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!IsLetters(words[i])) continue;
    if (i + 1 < words.size() && IsLetters(words[i + 1])) joinable.push_back(i);
    if (words[i].size() >= 8) splittable.push_back(i);
  }
  if (joinable.empty() && splittable.empty()) return std::nullopt;
  if (!joinable.empty() && (splittable.empty() || random.Chance(60))) {
    const std::size_t i = joinable[random.Below(joinable.size())];
    words[i] += words[i + 1];
    words.erase(words.begin() + static_cast<long>(i) + 1);
  } else {
    const std::size_t i = splittable[random.Below(splittable.size())];
    const std::size_t at = 3 + random.Below(words[i].size() - 5);
    words.insert(words.begin() + static_cast<long>(i) + 1, words[i].substr(at));
    words[i].resize(at);
  }
  return Join(words);
}

// Spelling variants of different romanizations, applied once each way.
std::optional<std::string> Transliterate(const std::string& name, Random& random) {
  static const std::array<std::pair<const char*, const char*>, 16> kRules = {{
      {"ks", "x"},
      {"x", "ks"},
      {"ou", "u"},
      {"iy", "y"},
      {"y", "iy"},
      {"ph", "f"},
      {"kh", "h"},
      {"sh", "sch"},
      {"ee", "i"},
      {"w", "v"},
      {"v", "w"},
      {"j", "y"},
      {"u", "ou"},
      {"oo", "u"},
      {"ch", "tch"},
      {"dj", "j"},
  }};
  const std::string upper = Upper(name);
  const std::size_t start = random.Below(kRules.size());
  for (std::size_t k = 0; k < kRules.size(); ++k) {
    const auto& [from, to] = kRules[(start + k) % kRules.size()];
    const std::string from_upper = Upper(from);
    const auto pos = upper.find(from_upper);
    if (pos == std::string::npos) continue;
    const bool was_upper = std::isupper(static_cast<unsigned char>(name[pos])) != 0;
    return name.substr(0, pos) + (was_upper ? Upper(to) : std::string(to)) +
           name.substr(pos + from_upper.size());
  }
  return std::nullopt;
}

// Accents that a keyboard or a foreign register adds: the folding must remove them.
std::optional<std::string> Diacritics(const std::string& name, Random& random) {
  static const std::map<char, std::array<const char*, 2>> kAccented = {
      {'a', {"á", "ä"}}, {'e', {"é", "è"}}, {'i', {"í", "ï"}}, {'o', {"ö", "ó"}},
      {'u', {"ü", "ú"}}, {'A', {"Á", "Ä"}}, {'E', {"É", "È"}}, {'I', {"Í", "Ï"}},
      {'O', {"Ö", "Ó"}}, {'U', {"Ü", "Ú"}}, {'c', {"ç", "č"}}, {'s', {"š", "ş"}},
  };
  std::string out;
  int changed = 0;
  for (char c : name) {
    auto it = kAccented.find(c);
    if (it != kAccented.end() && random.Chance(35)) {
      out += it->second[random.Below(2)];
      ++changed;
    } else {
      out.push_back(c);
    }
  }
  if (changed == 0) return std::nullopt;
  return out;
}

std::optional<std::string> CasePunctuation(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c == '.' || c == ',' || c == '-' || c == '\'') {
      if (c == '-') out.push_back(' ');
      continue;
    }
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (out == name) return std::nullopt;
  return out;
}

}  // namespace

std::vector<std::string> Words(const std::string& name) {
  std::istringstream in(name);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

namespace {

char RandomLetter(Random& random, bool upper) {
  const char c = static_cast<char>('a' + random.Below(26));
  return upper ? static_cast<char>(std::toupper(c)) : c;
}

}  // namespace

// One keyboard-style slip in a word: substitution, deletion, insertion or
// transposition of neighbours.
void Typo(std::string& word, Random& random) {
  const bool upper = std::isupper(static_cast<unsigned char>(word[0])) != 0;
  const std::size_t pos = 1 + random.Below(word.size() - 1);  // first letters survive
  switch (random.Below(4)) {
    case 0:
      word[pos] = RandomLetter(random, upper);
      break;
    case 1:
      word.erase(pos, 1);
      break;
    case 2:
      word.insert(word.begin() + static_cast<long>(pos), RandomLetter(random, upper));
      break;
    default:
      if (pos + 1 < word.size())
        std::swap(word[pos], word[pos + 1]);
      else
        std::swap(word[pos - 1], word[pos]);
  }
}

std::uint64_t Random::Next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

const std::vector<std::string>& ManipulationCategories() {
  static const std::vector<std::string> categories = {
      "legal_form", "word_order",   "typo1",    "typo2",      "drop_word",
      "extra_word", "joined_split", "translit", "diacritics", "case_punct"};
  return categories;
}

std::optional<std::string> Manipulate(const std::string& category, const std::string& name,
                                      bool individual, Random& random) {
  std::vector<std::string> words = Words(name);
  std::optional<std::string> out;
  if (category == "legal_form") out = LegalForm(words, random);
  if (category == "word_order") out = WordOrder(name, words, random);
  if (category == "typo1") out = Typos(words, 1, random);
  if (category == "typo2") out = Typos(words, 2, random);
  if (category == "drop_word") out = DropWord(words, random);
  if (category == "extra_word") out = ExtraWord(words, individual, random);
  if (category == "joined_split") out = JoinOrSplit(words, random);
  if (category == "translit") out = Transliterate(name, random);
  if (category == "diacritics") out = Diacritics(name, random);
  if (category == "case_punct") out = CasePunctuation(name);
  if (out && Upper(*out) == Upper(name)) return std::nullopt;
  return out;
}

}  // namespace tollgate::eval
