#include "screening/scripts/skeleton_scripts.h"

#include <cstddef>

#include "screening/scripts/skeleton_word.h"

namespace tollgate::screening::skeleton {
namespace {

constexpr UChar32 kDagesh = 0x05BC;  // also shuruk in ו and mappiq in ה
constexpr UChar32 kSinDot = 0x05C2;
constexpr UChar32 kHolam = 0x05B9;
constexpr UChar32 kGeresh = 0x05F3;

bool IsHebrewLetter(UChar32 c) {
  return (c >= 0x05D0 && c <= 0x05EA) || (c >= 0x05F0 && c <= 0x05F2);
}

// Whether the points after the letter at `i` hold `mark` (points come before the next
// letter).
bool Carries(const std::vector<UChar32>& w, std::size_t i, UChar32 mark) {
  for (std::size_t k = i + 1; k < w.size() && !IsHebrewLetter(w[k]); ++k) {
    if (w[k] == mark) return true;
  }
  return false;
}

// Thai consonants U+0E01-U+0E2E at their value as an initial (RTGS), in skeleton
// letters: kh, th, ph, ch fold to k, t, f, x as the Latin skeleton folds them, p to b,
// ng to "nk". "" for อ (a vowel carrier) and ห before a sonorant (silent: หม, หน).
constexpr const char* kThaiInitial[46] = {
    "k",  "k", "k", "k", "k", "k",       // ก ข ฃ ค ฅ ฆ
    "nk",                                // ง
    "x",  "x", "x", "s", "x",            // จ ฉ ช ซ ฌ
    "y",                                 // ญ
    "d",  "t", "t", "t", "t", "n",       // ฎ ฏ ฐ ฑ ฒ ณ
    "d",  "t", "t", "t", "t", "n",       // ด ต ถ ท ธ น
    "b",  "b", "f", "f", "f", "f", "f",  // บ ป ผ ฝ พ ฟ ภ
    "m",  "y", "r", "r", "l", "l", "w",  // ม ย ร ฤ ล ฦ ว
    "s",  "s", "s", "h", "l", "",  "h",  // ศ ษ ส ห ฬ อ ฮ
};

bool IsThaiConsonant(UChar32 c) { return c >= 0x0E01 && c <= 0x0E2E; }

bool IsSonorant(UChar32 c) {
  return c == 0x0E07 || c == 0x0E0D || c == 0x0E19 || c == 0x0E21 || c == 0x0E22 || c == 0x0E23 ||
         c == 0x0E25 || c == 0x0E27;  // ง ญ น ม ย ร ล ว
}

// The two common names whose ו inside the word is v in every spelling: לוי Levi and
// דוד David (points aside).
bool ConsonantVav(const std::vector<UChar32>& w) {
  std::vector<UChar32> letters;
  for (const UChar32 c : w) {
    if (IsHebrewLetter(c)) letters.push_back(c);
  }
  return letters == std::vector<UChar32>{0x05DC, 0x05D5, 0x05D9} ||
         letters == std::vector<UChar32>{0x05D3, 0x05D5, 0x05D3};
}

// Khmer consonants U+1780-U+17A2 (UNGEGN, 1972) in skeleton letters as Thai's above;
// "" for អ, the vowel carrier.
constexpr const char* kKhmerConsonant[35] = {
    "k", "k", "k", "k", "nk",       // ក ខ គ ឃ ង
    "x", "x", "x", "x", "nh",       // ច ឆ ជ ឈ ញ
    "d", "t", "d", "t", "n",        // ដ ឋ ឌ ឍ ណ
    "t", "t", "t", "t", "n",        // ត ថ ទ ធ ន
    "b", "f", "b", "f", "m",        // ប ផ ព ភ ម
    "y", "r", "l", "w", "s",  "s",  // យ រ ល វ ឝ ឞ
    "s", "h", "l", "",              // ស ហ ឡ អ
};

bool IsKhmerConsonant(UChar32 c) { return c >= 0x1780 && c <= 0x17A2; }

}  // namespace

bool IsKhmerLetterOrMark(UChar32 c) { return c >= 0x1780 && c <= 0x17D3; }

std::string KhmerWord(const std::vector<UChar32>& w) {
  Word out(true);
  std::size_t consonant_at = std::string::npos;  // where the last consonant's letters begin
  bool any_letter = false;
  for (const UChar32 c : w) {
    const bool first = !any_letter;
    if (IsKhmerConsonant(c)) {
      any_letter = true;
      consonant_at = out.text().size();
      if (c == 0x17A2) {  // អ
        if (first) {
          out.Emit(kVowel);
        } else {
          out.Drop();
        }
      } else if ((c == 0x1799 || c == 0x179C) && !first) {
        out.Drop();  // យ វ inside a word, as the Latin skeleton reads y and w
      } else {
        out.Emit(kKhmerConsonant[c - 0x1780]);
      }
    } else if (c >= 0x17A3 && c <= 0x17B3) {  // independent vowels
      any_letter = true;
      if (first) {
        out.Emit(kVowel);
      } else {
        out.Drop();
      }
    } else if (c == 0x17C6) {  // ំ nikahit: am, om
      out.Emit('m');
    } else if (c == 0x17CD) {  // ៍ toandakhiat: the letter under it is silent
      if (consonant_at != std::string::npos && consonant_at < out.text().size()) {
        out.text().resize(consonant_at);
      }
    } else if (c != 0x17D2) {  // the coeng (a subscript consonant follows) aside
      out.Drop();              // vowel signs and other marks
    }
  }
  return std::move(out.text());
}

bool IsHebrewLetterOrMark(UChar32 c) {
  if (c == 0x05BE || c == 0x05C0 || c == 0x05C3 || c == 0x05C6) return false;  // punctuation
  return (c >= 0x0591 && c <= 0x05C7) || IsHebrewLetter(c) || c == kGeresh || c == 0x05F4;
}

bool IsThaiLetterOrMark(UChar32 c) {
  return (c >= 0x0E01 && c <= 0x0E3A) || (c >= 0x0E40 && c <= 0x0E4E && c != 0x0E46);
}

std::string HebrewWord(const std::vector<UChar32>& w, bool stops, bool ch) {
  Word out(false);
  std::size_t letters = 0;  // letters seen: the first is at the word's start
  std::size_t total = 0;
  for (const UChar32 c : w) total += IsHebrewLetter(c);
  for (std::size_t i = 0; i < w.size(); ++i) {
    const UChar32 c = w[i];
    if (!IsHebrewLetter(c)) continue;  // points and geresh: read with their letter
    const bool first = letters++ == 0;
    const bool last = letters == total;
    const bool geresh = Carries(w, i, kGeresh);
    const bool dagesh = Carries(w, i, kDagesh);
    switch (c) {
      case 0x05D0:  // א
      case 0x05E2:  // ע
        if (first) out.Emit(kVowel);
        break;
      case 0x05D1:  // ב: b, after the start v (Avraham)
        out.Emit(first || dagesh || stops ? 'b' : 'w');
        break;
      case 0x05D2:  // ג
        out.Emit(geresh ? 'j' : 'k');
        break;
      case 0x05D3:  // ד
        out.Emit('d');
        break;
      case 0x05D4:  // ה: a final ה is a vowel (Moshe, משה) unless it has the mappiq
        if (!last || dagesh) out.Emit('h');
        break;
      case 0x05D5:  // ו: v at the start or doubled, else o or u
        if (first && !Carries(w, i, kHolam) && !dagesh) {
          out.Emit('w');
        } else if (ConsonantVav(w)) {
          out.Emit('w');
        } else if (i + 1 < w.size() && w[i + 1] == 0x05D5 && !last) {
          out.Emit('w');
          ++i;
          ++letters;
        } else {
          out.Drop();
        }
        break;
      case 0x05F0:  // װ
        out.Emit('w');
        break;
      case 0x05D9:  // י
      case 0x05F2:  // ײ
        if (first || last) {
          out.Emit('y');
        } else {
          out.Drop();
        }
        break;
      case 0x05F1:  // ױ
        out.Drop();
        break;
      case 0x05D6:  // ז
        out.Emit(geresh ? 'j' : 'z');
        break;
      case 0x05D7:  // ח: h, or ch (x) as older spellings write it (Chaim)
        out.Emit(ch ? 'x' : 'h');
        break;
      case 0x05D8:  // ט
      case 0x05EA:  // ת
        out.Emit('t');
        break;
      case 0x05DA:  // ך
      case 0x05DB:  // כ
      case 0x05E7:  // ק
        out.Emit('k');
        break;
      case 0x05DC:  // ל
        out.Emit('l');
        break;
      case 0x05DD:  // ם
      case 0x05DE:  // מ
        out.Emit('m');
        break;
      case 0x05DF:  // ן
      case 0x05E0:  // נ
        out.Emit('n');
        break;
      case 0x05E1:  // ס
        out.Emit('s');
        break;
      case 0x05E3:  // ף
        out.Emit('f');
        break;
      case 0x05E4:  // פ: p (the skeleton's b) at the start, f after it
        out.Emit(first || dagesh || stops ? 'b' : 'f');
        break;
      case 0x05E5:  // ץ
      case 0x05E6:  // צ
        out.Emit(geresh ? 'x' : 'z');
        break;
      case 0x05E8:  // ר
        out.Emit('r');
        break;
      case 0x05E9:  // ש
        out.Emit(Carries(w, i, kSinDot) ? 's' : 'x');
        break;
      default:
        break;
    }
  }
  return std::move(out.text());
}

std::string ThaiWord(const std::vector<UChar32>& w) {
  Word out(true);
  // Where each consonant's letters begin in the skeleton, to take them back when the
  // thanthakhat silences it.
  std::vector<std::size_t> begins(w.size(), std::string::npos);
  bool any_consonant = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const UChar32 c = w[i];
    const bool last = i + 1 == w.size() || (i + 2 == w.size() && w[i + 1] == 0x0E4C);
    if (IsThaiConsonant(c)) {
      const bool first = !any_consonant;
      any_consonant = true;
      begins[i] = out.text().size();
      if (c == 0x0E2D) {  // อ: the first vowel, or a vowel inside the word
        if (first) {
          out.Emit(kVowel);
        } else {
          out.Drop();
        }
      } else if (c == 0x0E2B && i + 1 < w.size() && IsSonorant(w[i + 1])) {
        // ห before a sonorant only gives the syllable its tone
      } else if ((c == 0x0E27 || c == 0x0E22) && !first && !(c == 0x0E22 && last)) {
        out.Drop();  // ว ย inside a word, as the Latin skeleton reads w and y
      } else {
        out.Emit(kThaiInitial[c - 0x0E01]);
      }
    } else if (c == 0x0E33) {  // ำ: am
      out.Emit('m');
    } else if (c == 0x0E4C) {  // ์: the letter under it is silent, and so is a
                               // consonant right before it after another (จันทร์, ลักษณ์)
      std::size_t k = i;
      while (k > 0 && !IsThaiConsonant(w[k - 1])) --k;
      if (k == 0) continue;
      std::size_t cut = begins[k - 1];
      if (k >= 3 && IsThaiConsonant(w[k - 2]) && IsThaiConsonant(w[k - 3])) cut = begins[k - 2];
      if (cut != std::string::npos && cut < out.text().size()) out.text().resize(cut);
    } else {
      out.Drop();  // vowel signs, tone marks
    }
  }
  return std::move(out.text());
}

}  // namespace tollgate::screening::skeleton
