// DetectScript: the writing system of a name by the Unicode blocks of its letters, so
// that the cross-script figures can be given per script (issue 16: Han, kana, Hangul,
// Arabic/Persian, Cyrillic, ...). Digits, punctuation and spaces count for none.
#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "dev_set.h"

namespace tollgate::eval {
namespace {

struct Block {
  char32_t first;
  char32_t last;
  const char* script;
};

// Letter blocks only; the order of kScripts below breaks ties.
constexpr Block kBlocks[] = {
    {U'A', U'Z', "Latin"},
    {U'a', U'z', "Latin"},
    {0x00C0, 0x024F, "Latin"},  // Latin-1 letters, Latin Extended-A and -B
    {0x1E00, 0x1EFF, "Latin"},  // Latin Extended Additional (Vietnamese)
    {0x0370, 0x03FF, "Greek"},
    {0x1F00, 0x1FFF, "Greek"},
    {0x0400, 0x052F, "Cyrillic"},  // with the Supplement (Ukrainian, Kazakh, ...)
    {0x0531, 0x058F, "Armenian"},
    {0x10A0, 0x10FF, "Georgian"},
    {0x0590, 0x05FF, "Hebrew"},
    {0x0600, 0x06FF, "Arabic"},  // Persian and Urdu letters are in the same block
    {0x0750, 0x077F, "Arabic"},
    {0x08A0, 0x08FF, "Arabic"},
    {0xFB50, 0xFDFF, "Arabic"},  // presentation forms A
    {0xFE70, 0xFEFF, "Arabic"},  // presentation forms B
    {0x0900, 0x097F, "Devanagari"},
    {0x0980, 0x09FF, "Bengali"},
    {0x0E00, 0x0E7F, "Thai"},
    {0x1780, 0x17FF, "Khmer"},
    {0x1200, 0x139F, "Ethiopic"},
    {0x3040, 0x309F, "Kana"},  // hiragana
    {0x30A0, 0x30FF, "Kana"},  // katakana
    {0x31F0, 0x31FF, "Kana"},
    {0xFF66, 0xFF9F, "Kana"},  // half-width katakana
    {0x1100, 0x11FF, "Hangul"},
    {0x3130, 0x318F, "Hangul"},
    {0xAC00, 0xD7AF, "Hangul"},
    {0x2E80, 0x2FDF, "Han"},  // radicals
    {0x3400, 0x4DBF, "Han"},
    {0x4E00, 0x9FFF, "Han"},
    {0xF900, 0xFAFF, "Han"},
    {0x20000, 0x2FA1F, "Han"},
    {0x3005, 0x3007, "Han"},  // iteration mark, ideographic zero
};

constexpr std::array<const char*, 16> kScripts = {
    "Latin",   "Cyrillic", "Greek", "Armenian", "Georgian", "Hebrew", "Arabic", "Devanagari",
    "Bengali", "Thai",     "Khmer", "Ethiopic", "Han",      "Kana",   "Hangul", "Other"};

std::size_t ScriptNumber(const char* script) {
  for (std::size_t i = 0; i < kScripts.size(); ++i) {
    if (std::string_view(kScripts[i]) == script) return i;
  }
  return kScripts.size() - 1;
}

// Next code point of UTF-8 text; a malformed byte reads as U+FFFD and is skipped.
char32_t NextCodePoint(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : 4;
  if (lead >= 0x80 && (lead < 0xC0 || lead > 0xF4)) length = 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return cp;
}

// Letters of each script in kScripts order.
std::array<std::size_t, kScripts.size()> CountLetters(std::string_view utf8) {
  std::array<std::size_t, kScripts.size()> letters{};
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = NextCodePoint(utf8, i);
    const char* script = nullptr;
    for (const Block& block : kBlocks) {
      if (cp >= block.first && cp <= block.last) {
        script = block.script;
        break;
      }
    }
    // Not a letter block: ASCII digits and punctuation, spacing modifier letters (the
    // ʿ and ʾ of romanized Arabic), combining marks, general punctuation and symbols,
    // CJK punctuation, full-width forms. Other letters above Latin count as "Other".
    if (script == nullptr) {
      if (cp < 0x250 || (cp >= 0x02B0 && cp <= 0x036F) || (cp >= 0x2000 && cp <= 0x2BFF) ||
          (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF65) || cp == 0xFFFD) {
        continue;
      }
      script = "Other";
    }
    ++letters[ScriptNumber(script)];
  }
  return letters;
}

}  // namespace

std::vector<std::string> ScriptsOf(std::string_view utf8) {
  const auto letters = CountLetters(utf8);
  std::vector<std::string> scripts;
  for (std::size_t s = 0; s < letters.size(); ++s) {
    if (letters[s] > 0) scripts.push_back(kScripts[s]);
  }
  return scripts;
}

std::string DetectScript(std::string_view utf8) {
  const auto letters = CountLetters(utf8);
  const bool any = std::any_of(letters.begin(), letters.end(), [](std::size_t n) { return n > 0; });
  if (!any) return "None";
  // Japanese writes names in kanji with kana beside them: any kana makes it Japanese.
  if (letters[ScriptNumber("Kana")] > 0) return "Kana";
  std::size_t best = 0;
  for (std::size_t s = 1; s < letters.size(); ++s) {
    if (letters[s] > letters[best]) best = s;
  }
  return kScripts[best];
}

std::string ScriptVariant(std::string_view utf8) {
  // Letters the Arabic alphabet lacks, added for Persian, Dari, Pashto and Urdu:
  // pe, che, zhe, gaf, keheh, Farsi yeh.
  static constexpr char32_t kPersian[] = {0x067E, 0x0686, 0x0698, 0x06AF, 0x06A9, 0x06CC};
  // Letters of Ukrainian that Russian lacks: i, yi, ye, ghe with upturn (both cases).
  static constexpr char32_t kUkrainian[] = {0x0456, 0x0457, 0x0454, 0x0491,
                                            0x0406, 0x0407, 0x0404, 0x0490};
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = NextCodePoint(utf8, i);
    if (std::find(std::begin(kPersian), std::end(kPersian), cp) != std::end(kPersian)) {
      return "Persian letters";
    }
    if (std::find(std::begin(kUkrainian), std::end(kUkrainian), cp) != std::end(kUkrainian)) {
      return "Ukrainian letters";
    }
  }
  return "";
}

}  // namespace tollgate::eval
