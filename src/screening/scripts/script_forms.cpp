#include "screening/scripts/script_forms.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "screening/scripts/skeleton.h"
#include "screening/scripts/wade_giles.h"
#include "tollgate/screening/normalize.h"

namespace tollgate::screening {
namespace {

// After a script's own system: whatever is left in another script, then diacritics
// off and lower case, as normalize.cpp's fold does.
constexpr const char* kTail =
    "; Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; Any-Lower";

// One transliterator per compound ID, built once and cloned per thread (an ICU
// Transliterator is not safe for concurrent use).
std::string Transliterate(const std::string& id, std::string_view text) {
  thread_local std::map<std::string, std::unique_ptr<icu::Transliterator>> cache;
  auto it = cache.find(id);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    it = cache.emplace(id, std::move(t)).first;
  }
  if (!it->second) return "";
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  it->second->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) >= 0x80) c = ' ';
  }
  return out;
}

struct Scripts {
  bool cyrillic = false;
  bool belarusian = false;  // і or ў: letters of Belarusian (і also of Ukrainian)
  bool hangul = false;
  bool kana = false;
  bool arabic = false;
  bool hebrew = false;
  bool thai = false;
  bool khmer = false;
  int han = 0;
  int other_letters = 0;  // letters of any other script, Latin included
};

Scripts ScriptsOf(const icu::UnicodeString& u) {
  Scripts s;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
      case USCRIPT_CYRILLIC:
        s.cyrillic = true;
        s.belarusian = s.belarusian || c == 0x0456 || c == 0x0406 || c == 0x045E || c == 0x040E;
        break;
      case USCRIPT_HANGUL:
        s.hangul = true;
        break;
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA:
        s.kana = true;
        break;
      case USCRIPT_ARABIC:
        s.arabic = true;
        break;
      case USCRIPT_HEBREW:
        s.hebrew = true;
        break;
      case USCRIPT_THAI:
        s.thai = true;
        break;
      case USCRIPT_KHMER:
        s.khmer = true;
        break;
      case USCRIPT_HAN:
        ++s.han;
        break;
      default:
        ++s.other_letters;
    }
  }
  return s;
}

// Han characters are the name's only letters.
bool OnlyHan(const Scripts& s) {
  return s.other_letters == 0 && !s.cyrillic && !s.hangul && !s.kana && !s.arabic && !s.hebrew &&
         !s.thai && !s.khmer;
}

// Hangul syllables: U+AC00 + (initial * 21 + medial) * 28 + final.
constexpr UChar32 kHangulFirst = 0xAC00;
constexpr UChar32 kHangulLast = 0xD7A3;

// Revised Romanization (Ministry of Culture and Tourism, 2000) of each jamo of a
// syllable read on its own.
constexpr const char* kRrInitial[19] = {"g",  "kk", "n", "d",  "tt", "r", "m", "b", "pp", "s",
                                        "ss", "",   "j", "jj", "ch", "k", "t", "p", "h"};
constexpr const char* kRrMedial[21] = {"a",  "ae", "ya", "yae", "eo", "e",  "yeo",
                                       "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                       "wo", "we", "wi", "yu",  "eu", "ui", "i"};
constexpr const char* kRrFinal[28] = {"",  "k",  "k", "k", "n", "n", "n", "t", "l", "k",
                                      "m", "l",  "l", "l", "p", "l", "m", "p", "p", "t",
                                      "t", "ng", "t", "t", "k", "t", "p", "t"};
// McCune-Reischauer as North Korean names are written in Latin letters on the lists
// (Kim Jong Un, Pak Pong Ju, Choe Ryong Hae, Jang Song Thaek): no breves, so eo, eu
// read o, u; plain stops k, t, p; aspirates kh, th, ph; ㅈ as j.
constexpr const char* kMrInitial[19] = {"k",  "kk", "n", "t",  "tt", "r",  "m",  "p", "pp", "s",
                                        "ss", "",   "j", "jj", "ch", "kh", "th", "p", "h"};
constexpr const char* kMrMedial[21] = {"a",  "ae", "ya", "yae", "o",  "e",  "yo",
                                       "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                       "wo", "we", "wi", "yu",  "u",  "ui", "i"};

// Surnames written otherwise than by syllable rule, North and South (data/names/README.md).
struct Surname {
  const char* hangul;
  const char* north;
  const char* south;
};
constexpr Surname kSurnames[] = {
    {"김", "kim", "kim"},   {"이", "ri", "lee"},    {"리", "ri", "lee"},
    {"박", "pak", "park"},  {"최", "choe", "choi"}, {"정", "jong", "jung"},
    {"강", "kang", "kang"}, {"조", "jo", "cho"},    {"윤", "yun", "yoon"},
    {"장", "jang", "jang"}, {"임", "rim", "lim"},   {"림", "rim", "lim"},
    {"한", "han", "han"},   {"오", "o", "oh"},      {"서", "so", "seo"},
    {"신", "sin", "shin"},  {"권", "kwon", "kwon"}, {"황", "hwang", "hwang"},
    {"안", "an", "ahn"},    {"송", "song", "song"}, {"류", "ryu", "ryu"},
    {"유", "yu", "yoo"},    {"전", "jon", "jeon"},  {"홍", "hong", "hong"},
    {"고", "ko", "ko"},     {"문", "mun", "moon"},  {"양", "ryang", "yang"},
    {"손", "son", "son"},   {"배", "pae", "bae"},   {"백", "paek", "baek"},
    {"허", "ho", "heo"},    {"노", "ro", "noh"},    {"남", "nam", "nam"},
    {"심", "sim", "shim"},  {"주", "ju", "joo"},    {"현", "hyon", "hyun"},
    {"방", "pang", "bang"}, {"로", "ro", "roh"},    {"량", "ryang", "yang"},
    {"차", "cha", "cha"},   {"우", "u", "woo"},
};

enum class Korean { kRevised, kNorth, kSouth };

std::string Syllable(UChar32 c, Korean system) {
  const int index = c - kHangulFirst;
  const int initial = index / (21 * 28);
  const int medial = (index / 28) % 21;
  const int final = index % 28;
  const bool north = system == Korean::kNorth;
  std::string out = north ? kMrInitial[initial] : kRrInitial[initial];
  out += north ? kMrMedial[medial] : kRrMedial[medial];
  out += kRrFinal[final];
  return out;
}

// Every Hangul word syllable by syllable, the rest folded as usual; the first
// syllable of a name of two to four syllables (or of one followed by more) as a surname.
std::string KoreanForm(const icu::UnicodeString& u, Korean system) {
  std::string out;
  bool surname_done = system == Korean::kRevised;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    if (c >= kHangulFirst && c <= kHangulLast) {
      int32_t end = i;
      int syllables = 0;
      while (end < u.length() && u.char32At(end) >= kHangulFirst &&
             u.char32At(end) <= kHangulLast) {
        end = u.moveIndex32(end, 1);
        ++syllables;
      }
      for (int32_t k = i; k < end; k = u.moveIndex32(k, 1)) {
        std::string syllable = Syllable(u.char32At(k), system);
        if (!surname_done && k == i && syllables <= 4) {
          std::string utf8;
          icu::UnicodeString(u.char32At(k)).toUTF8String(utf8);
          for (const Surname& s : kSurnames) {
            if (utf8 == s.hangul) {
              syllable = system == Korean::kNorth ? s.north : s.south;
              break;
            }
          }
        }
        surname_done = true;
        out += ' ';
        out += syllable;
      }
      i = end;
      continue;
    }
    std::string utf8;
    icu::UnicodeString(c).toUTF8String(utf8);
    out += FoldToAscii(utf8);
    i = u.moveIndex32(i, 1);
  }
  return out;
}

// Long vowels written once: Hepburn as passports use it (ou, oo -> o; uu -> u).
std::string ShortVowels(std::string text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    out += c;
    if ((c == 'o' && (next == 'u' || next == 'o')) || (c == 'u' && next == 'u')) ++i;
  }
  return out;
}

// Business words of Chinese company names (simplified and traditional) in the English
// the lists write them in: a Chinese name on a list is often a translation in its
// words for "Co., Ltd.", "shipping", "international" and a romanization in the rest
// (沈忠國際海運有限公司, "Shen Zhong International Shipping"). Meanings from public
// dictionaries; data/names/README.md. Longer words first where one holds another.
struct HanWord {
  const char* han;
  const char* english;
};
constexpr HanWord kHanBusinessWords[] = {
    {"有限责任公司", "limited liability company"},
    {"有限責任公司", "limited liability company"},
    {"股份有限公司", "co ltd"},
    {"有限公司", "co ltd"},
    {"进出口", "import export"},
    {"進出口", "import export"},
    {"研究所", "research institute"},
    {"公司", "company"},
    {"会社", "company"},
    {"會社", "company"},
    {"集团", "group"},
    {"集團", "group"},
    {"国际", "international"},
    {"國際", "international"},
    {"贸易", "trading"},
    {"貿易", "trading"},
    {"技术", "technology"},
    {"技術", "technology"},
    {"科技", "technology"},
    {"船务", "shipping"},
    {"船務", "shipping"},
    {"海运", "shipping"},
    {"海運", "shipping"},
    {"航运", "shipping"},
    {"航運", "shipping"},
    {"物流", "logistics"},
    {"实业", "industrial"},
    {"實業", "industrial"},
    {"工业", "industry"},
    {"工業", "industry"},
    {"电子", "electronics"},
    {"電子", "electronics"},
    {"控股", "holdings"},
    {"投资", "investment"},
    {"投資", "investment"},
    {"发展", "development"},
    {"發展", "development"},
    {"开发", "development"},
    {"開發", "development"},
    {"机械", "machinery"},
    {"機械", "machinery"},
    {"银行", "bank"},
    {"銀行", "bank"},
    {"石油", "petroleum"},
    {"化工", "chemical"},
    {"能源", "energy"},
    {"大学", "university"},
    {"大學", "university"},
    {"香港", "hong kong"},
    {"中国", "china"},
    {"中國", "china"},
};

// `name` with the business words above in English and the rest read as pinyin; ""
// when it has none of them.
std::string HanBusinessForm(std::string_view name) {
  std::string text(name);
  bool any = false;
  for (const HanWord& word : kHanBusinessWords) {
    const std::string_view han = word.han;
    for (std::size_t at = text.find(han); at != std::string::npos; at = text.find(han, at)) {
      const std::string english = std::string(" ") + word.english + " ";
      text.replace(at, han.size(), english);
      at += english.size();
      any = true;
    }
  }
  return any ? FoldToAscii(text) : "";
}

// FoldToAscii(name) word by word, through a memo of each thread's last few thousand
// words: the words of names recur (محمد, عبد, the article) and ICU's Any-Latin costs
// some 200,000 instructions a name (BENCHMARKS.md, h18s). The transforms read no
// context across a space, so the words folded apart give the name folded whole
// (scripts_test.cpp checks it on every name in original script of the UN list).
std::string FoldByWord(std::string_view name) {
  thread_local std::unordered_map<std::string, std::string> memo;
  constexpr std::size_t kMemoWords = 4096;
  std::string out;
  out.reserve(name.size());
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view word = name.substr(start, end - start);
    if (start > 0) out += ' ';
    if (!HasNonAscii(word)) {
      out += FoldToAscii(word);
    } else {
      auto it = memo.find(std::string(word));
      if (it == memo.end()) {
        if (memo.size() >= kMemoWords) memo.clear();
        it = memo.emplace(std::string(word), FoldToAscii(word)).first;
      }
      out += it->second;
    }
    start = end + 1;
  }
  return out;
}

// Adds a form unless it is empty, the default fold (`folded`) or already there.
void AddForm(std::vector<ScriptForm>& forms, const std::string& folded, std::string text,
             const char* how, bool skeleton = false) {
  if (text.empty()) return;
  if (!skeleton && text == folded) return;
  for (const ScriptForm& f : forms) {
    if (f.text == text && f.skeleton == skeleton) return;
  }
  forms.push_back({std::move(text), how, skeleton});
}

}  // namespace

bool HasNonAscii(std::string_view name) {
  for (const unsigned char c : name) {
    if (c >= 0x80) return true;
  }
  return false;
}

std::vector<ScriptForm> ScriptForms(std::string_view name) { return ReadScripts(name).forms; }

ScriptReading ReadScripts(std::string_view name) {
  ScriptReading reading;
  if (!HasNonAscii(name)) return reading;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  const Scripts scripts = ScriptsOf(u);
  reading.han_only = OnlyHan(scripts) ? scripts.han : 0;
  reading.syllabic = scripts.han > 0 || scripts.hangul;
  reading.acted_on = scripts.cyrillic || scripts.hangul || scripts.kana || scripts.arabic ||
                     scripts.hebrew || scripts.thai || scripts.khmer || scripts.han > 0;
  if (!reading.acted_on) return reading;
  reading.folded = FoldByWord(name);
  if (reading.han_only == 1 || reading.han_only == 2) return reading;
  std::vector<ScriptForm>& forms = reading.forms;
  const std::string& folded = reading.folded;
  if (scripts.cyrillic) {
    AddForm(forms, folded, Transliterate(std::string("NFKC; Russian-Latin/BGN") + kTail, name),
            "Russian romanization (BGN/PCGN)");
    AddForm(forms, folded, Transliterate(std::string("NFKC; Ukrainian-Latin/BGN") + kTail, name),
            "Ukrainian romanization (BGN/PCGN)");
    if (scripts.belarusian) {
      AddForm(forms, folded, Transliterate(std::string("NFKC; Belarusian-Latin/BGN") + kTail, name),
              "Belarusian romanization (BGN/PCGN)");
    }
  }
  if (scripts.hangul) {
    AddForm(forms, folded, KoreanForm(u, Korean::kRevised), "Revised Romanization, by syllable");
    AddForm(forms, folded, KoreanForm(u, Korean::kNorth),
            "McCune-Reischauer as North Korean names are written");
    AddForm(forms, folded, KoreanForm(u, Korean::kSouth),
            "Revised Romanization with South Korean surname spellings");
  }
  if (scripts.kana) {
    AddForm(forms, folded, ShortVowels(folded), "Hepburn with long vowels written once");
  }
  if (scripts.han > 0) {
    AddForm(forms, folded, HanBusinessForm(name),
            "Chinese business words in English, the rest in pinyin");
  }
  if (reading.han_only > 2) {
    AddForm(forms, folded, WadeGilesForm(folded), "Wade-Giles, as older listings write Chinese");
  }
  if (scripts.arabic) {
    const std::string skeleton = SkeletonName(name);
    AddForm(forms, folded, skeleton, "consonant skeleton of the Arabic script", true);
    for (std::string other : OtherSkeletons(name, skeleton)) {
      AddForm(forms, folded, std::move(other),
              "consonant skeleton of the Arabic script, with ذ ض ظ ث read as Persian, Urdu "
              "or Iraqi names write them (z, dh, th)",
              true);
    }
  }
  if (scripts.hebrew) {
    const std::string skeleton = SkeletonName(name);
    AddForm(forms, folded, skeleton, "consonant skeleton of the Hebrew script", true);
    for (std::string other : OtherSkeletons(name, skeleton)) {
      AddForm(forms, folded, std::move(other),
              "consonant skeleton of the Hebrew script, with ב פ read b, p (and ח ch) as older "
              "spellings write them",
              true);
    }
  }
  if (scripts.thai) {
    AddForm(forms, folded, SkeletonName(name),
            "consonant skeleton of the Thai script, letters at their RTGS initial value", true);
  }
  if (scripts.khmer) {  // ICU has no Khmer transform: the skeleton is the only reading
    AddForm(forms, folded, SkeletonName(name),
            "consonant skeleton of the Khmer script, letters at their UNGEGN value", true);
  }
  return reading;
}

int HanOnlyLength(std::string_view name) {
  if (!HasNonAscii(name)) return 0;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  const Scripts scripts = ScriptsOf(u);
  return OnlyHan(scripts) ? scripts.han : 0;
}

bool HasSyllabicScript(std::string_view name) {
  if (!HasNonAscii(name)) return false;
  const Scripts s = ScriptsOf(icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))));
  return s.han > 0 || s.hangul;
}

bool SameSyllabicScript(std::string_view a, std::string_view b) {
  if (!HasNonAscii(a) || !HasNonAscii(b)) return false;
  const Scripts sa = ScriptsOf(
      icu::UnicodeString::fromUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size()))));
  const Scripts sb = ScriptsOf(
      icu::UnicodeString::fromUTF8(icu::StringPiece(b.data(), static_cast<int32_t>(b.size()))));
  return (sa.han > 0 && sb.han > 0) || (sa.hangul && sb.hangul);
}

bool HanSyllablesAgree(std::string_view query, std::string_view listed) {
  std::vector<std::string> syllables;
  for (const NameToken& token : TokenizeName(query)) syllables.push_back(token.canon);
  std::vector<std::string> words;
  // Every word but legal forms: a syllable may read as a particle ("bin") or a common
  // word to the lexicon.
  for (const NameToken& token : TokenizeName(listed)) {
    if (token.token_class != TokenClass::kLegalForm) words.push_back(token.canon);
  }
  if (syllables.size() != 2) return false;
  std::sort(syllables.begin(), syllables.end());
  std::sort(words.begin(), words.end());
  if (words == syllables) return true;
  return words.size() == 1 &&
         (words[0] == syllables[0] + syllables[1] || words[0] == syllables[1] + syllables[0]);
}

}  // namespace tollgate::screening
