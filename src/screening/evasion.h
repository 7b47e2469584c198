// Look-alike characters written for letters to slip a name past screening (issue 16,
// item 3): "MASJ3D1" for Masjedi, "H@ssan" for Hassan, "$amir" for Samir. A listed
// party stays listed however its name is written (15 CFR Part 744 Supp. 4 and the SDN
// list name parties, not spellings), so a word of letters with a few look-alike digits
// or symbols is read as the letters they stand for. A token of digits, or one where
// digits outnumber the letters ("A320", "B52"), or that ends in two or more digits
// as many as its letters ("AK47"), stays a number: numbers must still agree exactly.
//
// Thread-safety: pure functions. Failure: none (a word that does not qualify is
// reported as such, never changed).
#pragma once

#include <string>
#include <string_view>

namespace tollgate::screening {

// '@' (a) and '$' (s): kept inside a word by the tokenizer when next to a letter.
bool IsLookAlikeSymbol(char c);

// True when `word` (folded: lower-case ASCII letters, digits, '@', '$') holds a
// look-alike to read; `letters` then receives the word with each one replaced by its
// most common letter (0 o, 1 i, 3 e, 4 a, 5 s, 7 t, @ a, $ s). Symbols are always
// read (the tokenizer keeps one only beside a letter); digits only when all of them
// are look-alikes and the word has at least two letters and at most one digit for
// every two letters, or, in a word that ends in a letter or has a digit between two
// letters, one for every letter ("Py07r", "75ANG", "M4DH1", "S4R4"; "AK47" and
// "VAN14", letters then their number, stay numbers).
bool ReadLookAlikes(std::string_view word, std::string& letters);

// Every look-alike of `word` read as a letter, whatever their number ('1' as l when
// `one_as_l`, else i), into `letters`; false when `word` has no letter, no look-alike,
// or another digit or character. For the few short words of the lexicon ("1LC" for
// LLC, "A0" for AO, "3L" for el), which ReadLookAlikes leaves as numbers.
bool ReadEveryLookAlike(std::string_view word, bool one_as_l, std::string& letters);

// True when `written` (with look-alikes) reads as `word`: same length, and each
// character equal or a look-alike of the letter in `word` ('1' stands for i or l).
bool ReadsAs(std::string_view written, std::string_view word);

// True when `text` holds a digit or a look-alike symbol beside letters: the token was
// read by ReadLookAlikes (used by the explanation).
bool HasLookAlike(std::string_view text);

// Calls fn(reading) for each reading of `written` other than ReadLookAlikes' own,
// with '1' read as l instead of i (at most the first four ones vary: 15 readings).
template <typename Fn>
void ForEachOtherReading(std::string_view written, std::string_view letters, Fn&& fn) {
  constexpr int kMaxVarying = 4;
  int positions[kMaxVarying];
  int n = 0;
  for (std::size_t k = 0; k < written.size() && n < kMaxVarying; ++k) {
    if (written[k] == '1') positions[n++] = static_cast<int>(k);
  }
  std::string reading(letters);
  for (unsigned mask = 1; mask < (1u << n); ++mask) {
    for (int b = 0; b < n; ++b) reading[positions[b]] = (mask >> b & 1) ? 'l' : 'i';
    fn(std::string_view(reading));
  }
}

}  // namespace tollgate::screening
