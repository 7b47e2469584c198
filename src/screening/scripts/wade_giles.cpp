#include "screening/scripts/wade_giles.h"

#include <algorithm>
#include <array>
#include <utility>

namespace tollgate::screening {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// Syllables the initial and final rules below do not give: the "empty" vowel after
// sibilants and retroflexes (zi -> tzu, shi -> shih), er, the y- syllables Wade-Giles
// writes with a bare vowel, and e after k, k', h (ge -> ko).
constexpr std::array<Pair, 19> kWhole = {{
    {"zi", "tzu"},   {"ci", "tzu"}, {"si", "ssu"},    {"zhi", "chih"}, {"chi", "chih"},
    {"shi", "shih"}, {"ri", "jih"}, {"er", "erh"},    {"yi", "i"},     {"you", "yu"},
    {"yan", "yen"},  {"ye", "yeh"}, {"yong", "yung"}, {"yue", "yueh"}, {"ge", "ko"},
    {"ke", "ko"},    {"he", "ho"},  {"yuan", "yuan"}, {"yun", "yun"},
}};

// Initials, two-letter ones first: pinyin's voiceless pairs (b/p, d/t, g/k, z/c, zh/ch,
// j/q) are Wade-Giles' plain and aspirated stops, one letter each without the apostrophe.
constexpr std::array<Pair, 23> kInitials = {{
    {"zh", "ch"}, {"ch", "ch"}, {"sh", "sh"}, {"b", "p"},  {"p", "p"},  {"d", "t"},
    {"t", "t"},   {"g", "k"},   {"k", "k"},   {"j", "ch"}, {"q", "ch"}, {"x", "hs"},
    {"r", "j"},   {"z", "ts"},  {"c", "ts"},  {"s", "s"},  {"m", "m"},  {"f", "f"},
    {"n", "n"},   {"l", "l"},   {"h", "h"},   {"w", "w"},  {"y", "y"},
}};

// The finals of Mandarin in pinyin (ü written u or v), for telling a syllable from an
// English word of a company name ("international" stays).
constexpr std::array<std::string_view, 37> kFinals = {
    "a",   "o",  "e",   "ai",  "ei",   "ao",   "ou", "an",   "en",  "ang",  "eng", "ong", "er",
    "i",   "ia", "ie",  "iao", "iu",   "ian",  "in", "iang", "ing", "iong", "u",   "ua",  "uo",
    "uai", "ui", "uan", "un",  "uang", "ueng", "ue", "v",    "ve",  "van",  "vn",
};

bool IsFinal(std::string_view f) {
  return std::find(kFinals.begin(), kFinals.end(), f) != kFinals.end();
}

}  // namespace

std::string WadeGilesSyllable(std::string_view pinyin) {
  for (const auto& [from, to] : kWhole) {
    if (pinyin == from) return std::string(to);
  }
  std::string_view initial;
  std::string_view spelled;
  for (const auto& [from, to] : kInitials) {
    if (pinyin.starts_with(from)) {
      initial = from;
      spelled = to;
      break;
    }
  }
  const std::string_view final = pinyin.substr(initial.size());
  if (!IsFinal(final)) return std::string(pinyin);
  const bool velar = initial == "g" || initial == "k";
  std::string out(spelled);
  if (final == "ong") {
    out += "ung";
  } else if (final == "iong") {
    out += "iung";
  } else if (final == "ian") {
    out += "ien";
  } else if (final == "ie") {
    out += "ieh";
  } else if (final == "ue" || final == "ve") {
    out += "ueh";
  } else if (final == "uo" && !(velar || initial == "h" || initial == "sh")) {
    out += "o";  // duo -> to, zuo -> tso; but guo -> kuo, shuo -> shuo
  } else if (final == "ui" && velar) {
    out += "uei";  // gui -> kuei
  } else if (final.starts_with('v')) {
    out += 'u';  // lv -> lu (lü)
    out += final.substr(1);
  } else {
    out += final;
  }
  return out;
}

std::string WadeGilesForm(std::string_view pinyin) {
  std::string out;
  bool changed = false;
  std::size_t start = 0;
  while (start <= pinyin.size()) {
    std::size_t end = pinyin.find(' ', start);
    if (end == std::string_view::npos) end = pinyin.size();
    const std::string_view word = pinyin.substr(start, end - start);
    if (!word.empty()) {
      std::string spelled = WadeGilesSyllable(word);
      changed = changed || spelled != word;
      if (!out.empty()) out += ' ';
      out += spelled;
    }
    start = end + 1;
  }
  return changed ? out : "";
}

}  // namespace tollgate::screening
