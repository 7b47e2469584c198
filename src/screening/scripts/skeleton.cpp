#include "screening/scripts/skeleton.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

#include "screening/scripts/skeleton_scripts.h"
#include "screening/scripts/skeleton_word.h"
#include "tollgate/screening/normalize.h"

namespace tollgate::screening {
namespace {

bool IsArabicBlock(UChar32 c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF);
}

using skeleton::kVowel;
using skeleton::Word;

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The skeleton of one Latin word (folded to lower-case ASCII letters and digits).
std::string LatinWord(std::string_view w) {
  for (char c : w) {
    if (c >= '0' && c <= '9') return std::string(w);  // numbers are compared as written
  }
  Word out(true);
  bool previous_vowel = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    const bool first = i == 0;
    const char next = i + 1 < w.size() ? w[i + 1] : '\0';
    char letter = 0;
    // Not zh: in an Arabic name it is z and h (Azhar, Mazhari, ازهر), as ژ is rare.
    if (next == 'h' &&
        (c == 'k' || c == 'g' || c == 's' || c == 'c' || c == 't' || c == 'd' || c == 'p')) {
      static constexpr std::string_view kFrom = "kgsctdp";
      static constexpr std::string_view kTo = "kkxxtdf";
      letter = kTo[kFrom.find(c)];
      ++i;
    } else if (c == 'd' && next == 'j') {
      letter = 'j';
      ++i;
    } else if (c == 't' && next == 'z') {
      letter = 'z';  // Hebrew צ: Yitzhak, Tzipi
      ++i;
    } else if (IsVowel(c) || c == 'y' || c == 'w') {
      const bool last = i + 1 == w.size();
      if (first) {
        letter = IsVowel(c) ? kVowel : c;
      } else if ((last && (c == 'i' || c == 'y')) ||
                 (c == 'i' && i + 2 == w.size() && next == 'e')) {
        letter = 'y';  // the -i of nisba names, written ي (Marie: ماري)
        if (!last) ++i;
      } else {
        previous_vowel = true;
        out.Drop();
        continue;
      }
    } else if (c == 'h' && i + 1 == w.size() && previous_vowel && i >= 3 && w[i - 2] == 'l' &&
               w[i - 3] == 'l') {
      continue;  // Allah, Abdullah, Nasrallah: the final ه the skeleton drops
    } else {
      switch (c) {
        case 'c':  // s before e, i, y (Lounici, Faycal once folded), else k
          letter = (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
          break;
        case 'q':
        case 'g':
          letter = 'k';
          break;
        case 'v':
          letter = 'w';
          break;
        case 'p':
          letter = 'b';  // Arabic has no p: Perez, بيريز
          break;
        default:
          letter = c;
      }
    }
    previous_vowel = false;
    out.Emit(letter);
  }
  return std::move(out.text());
}

// The skeleton letter of an Arabic-script letter in the middle of a word, 0 for one
// that is dropped (vowels, alif, ayn, hamza, the aspiration mark).
char ArabicLetter(UChar32 c) {
  switch (c) {
    case 0x0628:  // ب
    case 0x067E:  // پ (p, which Arabic writes ب)
      return 'b';
    case 0x062A:  // ت
    case 0x0637:  // ط
    case 0x062B:  // ث
    case 0x0679:  // ٹ
    case 0x067C:  // ټ
      return 't';
    case 0x062C:  // ج
    case 0x0698:  // ژ
    case 0x0696:  // ږ
      return 'j';
    case 0x062D:  // ح
    case 0x0647:  // ه (at the end of a word dropped by the caller)
    case 0x06C1:  // ہ
    case 0x06BE:  // ھ (written for ه in some lists: الطاھر, Taher)
      return 'h';
    case 0x062E:  // خ
    case 0x0642:  // ق
    case 0x0643:  // ك
    case 0x06A9:  // ک
      return 'k';
    case 0x062F:  // د
    case 0x0630:  // ذ
    case 0x0636:  // ض
    case 0x0688:  // ڈ
    case 0x0689:  // ډ
      return 'd';
    case 0x0631:  // ر
    case 0x0691:  // ڑ
    case 0x0693:  // ړ
      return 'r';
    case 0x0632:  // ز
    case 0x0638:  // ظ
    case 0x0681:  // ځ
      return 'z';
    case 0x0633:  // س
    case 0x0635:  // ص
    case 0x0685:  // څ
      return 's';
    case 0x0634:  // ش
    case 0x0686:  // چ
    case 0x069A:  // ښ
      return 'x';
    case 0x063A:  // غ
    case 0x06AF:  // گ
      return 'k';
    case 0x0641:  // ف
      return 'f';
    case 0x0644:  // ل
      return 'l';
    case 0x0645:  // م
      return 'm';
    case 0x0646:  // ن
    case 0x06BA:  // ں
    case 0x06BC:  // ڼ
      return 'n';
    default:
      return 0;
  }
}

bool IsAlifOrAyn(UChar32 c) {
  return c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671 ||
         c == 0x0639;  // ا أ إ آ ٱ ع
}
bool IsWaw(UChar32 c) { return c == 0x0648 || c == 0x0624; }  // و ؤ
bool IsYeh(UChar32 c) {
  return c == 0x064A || c == 0x06CC || c == 0x06D0 || c == 0x06CD || c == 0x06D2 ||
         c == 0x0626;  // ي ی ې ۍ ے ئ
}

// Letters of Persian, Pashto and Urdu that Arabic does not use. In a name holding one,
// a final ى is the Persian yeh (Haqqani, حقانى), a final ه a silent vowel (Zada, زاده)
// and ذ ض ظ read z; in Arabic they are the alif of Mustafa (مصطفى), the h of Taha (طه)
// and d, d, z.
bool IsPersianLetter(UChar32 c) {
  switch (c) {
    case 0x067E:  // پ
    case 0x0686:  // چ
    case 0x0698:  // ژ
    case 0x06A9:  // ک
    case 0x06AF:  // گ
    case 0x06CC:  // ی
    case 0x067C:  // ټ
    case 0x0689:  // ډ
    case 0x0693:  // ړ
    case 0x069A:  // ښ
    case 0x0696:  // ږ
    case 0x0681:  // ځ
    case 0x0685:  // څ
    case 0x06BC:  // ڼ
    case 0x06D0:  // ې
    case 0x06CD:  // ۍ
    case 0x06C1:  // ہ
    case 0x06D2:  // ے
    case 0x0679:  // ٹ
    case 0x0688:  // ڈ
    case 0x0691:  // ڑ
    case 0x06BA:  // ں
      return true;
    default:
      return false;
  }
}

// The skeleton letter of ذ ض ظ ث under `reading` (skeleton.h), 0 for another letter.
char InterdentalLetter(UChar32 c, SkeletonReading reading) {
  if (c != 0x0630 && c != 0x0636 && c != 0x0638 && c != 0x062B) return 0;
  switch (reading) {
    case SkeletonReading::kZ:
      return c == 0x062B ? 's' : 'z';  // Zakir, Fazal, Nazim; Osman
    case SkeletonReading::kDh:
      return c == 0x062B ? 't' : 'd';  // Kadhim, Dhahir
    case SkeletonReading::kTh:
      return c == 0x0636 ? 'd' : 't';  // Kathim, Huthaifa
    default:
      return 0;
  }
}

// The skeleton of one Arabic-script word (letters only, marks removed); `persian` when
// the name holds a letter of IsPersianLetter.
// Under kDigraph, the skeleton letter of `c` followed by ح or ه, which Latin writes as
// one digraph (Ishaq, اسحاق; Lakhal, لكحل; Fathi, فتحي; Adham, ادهم); 0 otherwise.
char DigraphLetter(UChar32 c) {
  switch (c) {
    case 0x0633:  // س
    case 0x0635:  // ص
      return 'x';
    case 0x0643:  // ك
    case 0x06A9:  // ک
      return 'k';
    case 0x062A:  // ت
    case 0x0637:  // ط
      return 't';
    case 0x062F:  // د
      return 'd';
    default:
      return 0;
  }
}

std::string ArabicWord(const std::vector<UChar32>& w, bool persian, SkeletonReading reading) {
  Word out(false);
  for (std::size_t i = 0; i < w.size(); ++i) {
    const UChar32 c = w[i];
    const bool first = i == 0;
    const bool last = i + 1 == w.size();
    if (reading == SkeletonReading::kDigraph && i + 2 < w.size() &&
        (w[i + 1] == 0x062D || w[i + 1] == 0x0647) && DigraphLetter(c) != 0) {
      out.Emit(DigraphLetter(c));
      ++i;  // the h is the digraph's
      continue;
    }
    if (IsAlifOrAyn(c)) {
      if (first) out.Emit(kVowel);
    } else if (IsWaw(c)) {
      if (first) out.Emit('w');
    } else if (IsYeh(c) || (persian && c == 0x0649 && last)) {
      // Last but for letters Latin does not write (مطیع, Mati).
      const bool final =
          std::all_of(w.begin() + static_cast<std::ptrdiff_t>(i) + 1, w.end(),
                      [](UChar32 after) { return after == 0x0639 || after == 0x0621; });
      if (first || final) out.Emit('y');
    } else if ((c == 0x0647 || c == 0x06C1 || c == 0x06BE) && last && !first &&
               (persian || (i >= 2 && w[i - 1] == 0x0644 && w[i - 2] == 0x0644))) {
      // the ه of Allah, Abdullah, which Latin often leaves out (Abdulla)
    } else if (c == 0x0629 && reading == SkeletonReading::kConstruct) {
      out.Emit('t');  // the -at of a noun before its complement (Asbat al-Ansar)
    } else if (const char interdental = InterdentalLetter(c, reading)) {
      out.Emit(interdental);
    } else if (persian && (c == 0x0630 || c == 0x0636 || c == 0x0638)) {
      out.Emit('z');  // ذ ض ظ read z in Persian, Dari, Pashto, Urdu (Fazl, فضل)
    } else if (const char letter = ArabicLetter(c)) {
      out.Emit(letter);
    }
  }
  return std::move(out.text());
}

// Word-level readings shared by both scripts: Abdul = Abd al-, ibn = bin, and the
// assimilated Latin forms of the article (ad-Din, ar-Rahman, ash-Shami: `short_latin`,
// a Latin word of at most three letters) are "al".
void AddWord(std::string word, std::string& out, bool short_latin = false) {
  if (word.empty()) return;
  auto add = [&](std::string_view w) {
    if (!out.empty()) out += ' ';
    out += w;
  };
  if (word == "ubn") word = "bn";
  if (word == "ul" || word == "ull") word = "al";  // الله alone, as in عبد الله = Abdullah
  if (short_latin && word.size() == 2 && word[0] == kVowel &&
      std::string_view("rsdtznxl").find(word[1]) != std::string_view::npos) {
    add("al");
    return;
  }
  // Abdul, Abdel, Abdur (the article assimilated to the next word's sun letter), and
  // the whole name written as one word: Abdelhalim, Abderrahmane.
  if (word.size() > 3 && word.starts_with("ubd") &&
      std::string_view("lrsdtznx").find(word[3]) != std::string_view::npos) {
    add("ubd");
    add("al");
    const std::string_view rest = std::string_view(word).substr(word[3] == 'l' ? 4 : 3);
    if (rest.size() > 1) add(rest);
    return;
  }
  add(word);
}

bool IsArabicWordLetter(UChar32 c) { return IsArabicBlock(c) && u_isalpha(c); }

// Arabic marks that do not begin or end a word: harakat, tatweel, superscript alif.
bool IsArabicMark(UChar32 c) {
  return c == 0x0640 || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         u_charType(c) == U_NON_SPACING_MARK;
}

void AddArabicWord(std::vector<UChar32>& letters, bool persian, SkeletonReading reading,
                   std::string& out) {
  if (letters.empty()) return;
  // The article: الرحمن -> al + rhmn; الله (Allah) is a word of its own.
  const bool allah = letters.size() == 4 && letters[0] == 0x0627 && letters[1] == 0x0644 &&
                     letters[2] == 0x0644 && (letters[3] == 0x0647 || letters[3] == 0x06C1);
  if (!allah && letters.size() >= 4 && letters[0] == 0x0627 && letters[1] == 0x0644) {
    AddWord("al", out);
    letters.erase(letters.begin(), letters.begin() + 2);
  }
  // Words the Arabic writes joined and Latin apart: Abd al- (عبدالمنان, Abdul Manan),
  // -allah (خيرالله, Khairullah) and al-Din (نورالدین, Nooruddin), as AddLatinWord
  // splits their Latin spellings.
  auto ends_with = [&](std::initializer_list<UChar32> tail) {
    return letters.size() >= tail.size() + 2 &&
           std::equal(tail.begin(), tail.end(), letters.end() - static_cast<long>(tail.size()));
  };
  auto part = [&](std::size_t from, std::size_t to) {
    return std::vector<UChar32>(letters.begin() + static_cast<long>(from),
                                letters.begin() + static_cast<long>(to));
  };
  if (ends_with({0x0627, 0x0644, 0x0644, 0x0647})) {  // Abdullah too
    AddWord(ArabicWord(part(0, letters.size() - 4), persian, reading), out);
    AddWord("al", out);
  } else if (letters.size() > 6 && letters[0] == 0x0639 && letters[1] == 0x0628 &&
             letters[2] == 0x062F && letters[3] == 0x0627 && letters[4] == 0x0644) {
    AddWord("ubd", out);
    AddWord("al", out);
    std::vector<UChar32> rest = part(5, letters.size());
    AddArabicWord(rest, persian, reading, out);
  } else if (ends_with({0x0627, 0x0644, 0x062F, 0x064A, 0x0646}) ||
             ends_with({0x0627, 0x0644, 0x062F, 0x06CC, 0x0646})) {
    AddWord(ArabicWord(part(0, letters.size() - 5), persian, reading), out);
    AddWord("al", out);
    AddWord("dn", out);
  } else {
    AddWord(ArabicWord(letters, persian, reading), out);
  }
  letters.clear();
}

// A Latin word of an Arabic name that holds more than one word of the Arabic: the
// article written onto its noun in French usage (Essabar, Eddine: es-, ed- before the
// doubled first letter), compounds with -eddine/-uddin (Nur al-Din) and -allah/-ullah
// (Nasr Allah), and Ould (walad, son of), whose ou is a w.
void AddLatinWord(std::string_view word, std::string& out) {
  const std::size_t n = word.size();
  if (word == "ould") {
    AddWord("wld", out);
    return;
  }
  if (n >= 6 && word[0] == 'e' &&
      std::string_view("sdrtzn").find(word[1]) != std::string_view::npos && word[2] == word[1]) {
    AddWord("al", out);
    AddLatinWord(word.substr(2), out);
    return;
  }
  // El-, al- written onto a noun whose sun letter it doubles (Elsseid, الصيد).
  if (n >= 7 && (word[0] == 'e' || word[0] == 'a') && word[1] == 'l' &&
      std::string_view("sdrtzn").find(word[2]) != std::string_view::npos && word[3] == word[2]) {
    AddWord("al", out);
    AddLatinWord(word.substr(3), out);
    return;
  }
  static constexpr std::string_view kDin[] = {"eddine", "eddin", "uddin",  "uddeen", "aldin",
                                              "eldin",  "oddin", "oudine", "addin"};
  if (std::find(std::begin(kDin), std::end(kDin), word) != std::end(kDin)) {
    AddWord("al", out);  // al-Din written apart (Nor Eldin)
    AddWord("dn", out);
    return;
  }
  for (const std::string_view suffix : {"eddine", "eddin", "uddin", "uddeen", "aldin", "eldin",
                                        "oddin", "oudine", "allah", "ullah", "ollah", "illah"}) {
    if (n >= suffix.size() + 2 && word.ends_with(suffix)) {
      AddWord(LatinWord(word.substr(0, n - suffix.size())), out);
      AddWord("al", out);
      if (!suffix.ends_with("ah")) AddWord("dn", out);
      return;
    }
  }
  AddWord(LatinWord(word), out, n <= 3);
}

void AddLatinText(const std::string& text, std::string& out) {
  const std::string folded = FoldToAscii(text);
  std::string word;
  for (const char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word.push_back(c);
    } else if (c == '\'' || c == '`') {
      // Ma'an, 'Abd: an apostrophe marks an ayn or hamza, inside the word
    } else if (!word.empty()) {
      AddLatinWord(word, out);
      word.clear();
    }
  }
  if (!word.empty()) AddLatinWord(word, out);
}

}  // namespace

bool HasArabicLetter(std::string_view text) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (IsArabicWordLetter(c)) return true;
  }
  return false;
}

bool HasHebrewLetter(std::string_view text) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (c >= 0x05D0 && c <= 0x05F2) return true;
  }
  return false;
}

std::string SkeletonName(std::string_view name) {
  return SkeletonName(name, SkeletonReading::kDefault);
}

std::vector<std::string> OtherSkeletons(std::string_view name, std::string_view usual_skeleton) {
  std::vector<std::string> others;
  std::vector<SkeletonReading> readings;
  if (HasArabicLetter(name)) {
    readings = {SkeletonReading::kZ, SkeletonReading::kDh, SkeletonReading::kTh};
    // A noun in ة before a noun with the article: the construct state, -at in Latin.
    if (name.find("ة ال") != std::string_view::npos) {
      readings.push_back(SkeletonReading::kConstruct);
    }
    readings.push_back(SkeletonReading::kDigraph);  // a skeleton of its own only with ح ه
  } else if (HasHebrewLetter(name)) {
    readings = {SkeletonReading::kHebrewStops, SkeletonReading::kHebrewStopsCh};
  } else {
    return others;
  }
  const std::string usual =
      usual_skeleton.empty() ? SkeletonName(name) : std::string(usual_skeleton);
  for (const SkeletonReading reading : readings) {
    std::string other = SkeletonName(name, reading);
    if (other != usual && std::find(others.begin(), others.end(), other) == others.end()) {
      others.push_back(std::move(other));
    }
  }
  return others;
}

std::string SkeletonName(std::string_view name, SkeletonReading reading) {
  std::string out;
  // Most listed names are plain ASCII: no Unicode work for them.
  if (std::all_of(name.begin(), name.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    AddLatinText(std::string(name), out);
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  UErrorCode status = U_ZERO_ERROR;
  // Presentation forms (ﻣﺤﻤﺪ, Hebrew שׂ) become the letters they show; a name without
  // any, nearly every one, skips the normalizer's pass.
  bool presentation_forms = false;
  for (int32_t i = 0; i < u.length() && !presentation_forms; ++i) {
    const char16_t c = u.charAt(i);
    presentation_forms = (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
  }
  if (const icu::Normalizer2* nfkc =
          presentation_forms ? icu::Normalizer2::getNFKCInstance(status) : nullptr;
      nfkc != nullptr && U_SUCCESS(status)) {
    icu::UnicodeString normalized = nfkc->normalize(u, status);
    if (U_SUCCESS(status)) u = std::move(normalized);
  }
  // kZ reads the name as Persian, Dari, Pashto or Urdu whatever its letters.
  bool persian = reading == SkeletonReading::kZ;
  for (int32_t i = 0; i < u.length() && !persian; i = u.moveIndex32(i, 1)) {
    persian = IsPersianLetter(u.char32At(i));
  }
  // The letters of the word being read, and its script.
  std::vector<UChar32> letters;
  enum class Alphabet { kNone, kArabic, kHebrew, kThai, kKhmer } alphabet = Alphabet::kNone;
  auto end_word = [&] {
    switch (alphabet) {
      case Alphabet::kArabic:
        AddArabicWord(letters, persian, reading, out);
        break;
      case Alphabet::kHebrew:
        AddWord(skeleton::HebrewWord(letters,
                                     reading == SkeletonReading::kHebrewStops ||
                                         reading == SkeletonReading::kHebrewStopsCh,
                                     reading == SkeletonReading::kHebrewStopsCh),
                out);
        break;
      case Alphabet::kThai:
        AddWord(skeleton::ThaiWord(letters), out);
        break;
      case Alphabet::kKhmer:
        AddWord(skeleton::KhmerWord(letters), out);
        break;
      case Alphabet::kNone:
        break;
    }
    letters.clear();
    alphabet = Alphabet::kNone;
  };
  icu::UnicodeString other;
  auto add_letter = [&](UChar32 c, Alphabet of) {
    if (!other.isEmpty()) {
      std::string utf8;
      AddLatinText(other.toUTF8String(utf8), out);
      other.remove();
    }
    if (alphabet != of) end_word();
    alphabet = of;
    letters.push_back(c);
  };
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (IsArabicWordLetter(c)) {
      add_letter(c, Alphabet::kArabic);
    } else if (skeleton::IsHebrewLetterOrMark(c) || (c == '\'' && alphabet == Alphabet::kHebrew)) {
      add_letter(c == '\'' ? 0x05F3 : c, Alphabet::kHebrew);  // an apostrophe as geresh
    } else if (skeleton::IsThaiLetterOrMark(c)) {
      add_letter(c, Alphabet::kThai);
    } else if (skeleton::IsKhmerLetterOrMark(c)) {
      add_letter(c, Alphabet::kKhmer);
    } else if (IsArabicMark(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      // inside a word: vowel marks, tatweel, the zero-width non-joiner of Persian
    } else {
      end_word();
      other.append(c);
    }
  }
  end_word();
  if (!other.isEmpty()) {
    std::string utf8;
    AddLatinText(other.toUTF8String(utf8), out);
  }
  return out;
}

}  // namespace tollgate::screening
