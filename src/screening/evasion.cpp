#include "screening/evasion.h"

namespace tollgate::screening {
namespace {

bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The letter a look-alike is read as; 0 when `c` stands for no letter. '1' reads i
// here (ForEachOtherReading supplies l).
char LetterOf(char c) {
  switch (c) {
    case '0':
      return 'o';
    case '1':
      return 'i';
    case '3':
      return 'e';
    case '4':
    case '@':
      return 'a';
    case '5':
    case '$':
      return 's';
    case '7':
      return 't';
    default:
      return 0;
  }
}

}  // namespace

bool IsLookAlikeSymbol(char c) { return c == '@' || c == '$'; }

bool ReadEveryLookAlike(std::string_view word, bool one_as_l, std::string& letters) {
  bool letter = false;
  bool look_alike = false;
  letters.assign(word);
  for (char& c : letters) {
    if (IsLetter(c)) {
      letter = true;
      continue;
    }
    const char read = (c == '1' && one_as_l) ? 'l' : LetterOf(c);
    if (read == 0) return false;
    c = read;
    look_alike = true;
  }
  return letter && look_alike;
}

bool ReadLookAlikes(std::string_view word, std::string& letters) {
  std::size_t letter_count = 0;
  std::size_t digit_count = 0;
  bool other_digit = false;  // 2, 6, 8, 9 stand for no letter: a number ("mig29")
  bool symbol = false;
  bool digit_before_letter = false;  // not a designation's trailing number ("m4dh1")
  for (char c : word) {
    if (IsLetter(c)) {
      ++letter_count;
      digit_before_letter = digit_before_letter || digit_count > 0;
    } else if (IsDigit(c)) {
      ++digit_count;
      other_digit = other_digit || LetterOf(c) == 0;
    } else if (IsLookAlikeSymbol(c)) {
      symbol = true;
    } else {
      return false;
    }
  }
  // Up to one digit for every two letters anywhere; up to one for every letter when the
  // word ends in a letter ("Py07r", "75ANG", "4m1d") or has a digit between letters
  // ("M4DH1", "S4R4", "Q0D5"), since a designation ends in its number, all its digits
  // after its letters ("AK47", "SU35", "VAN14"), and a word written to slip past
  // screening need not.
  const bool not_designation = IsLetter(word.back()) || digit_before_letter;
  const bool read_digits =
      digit_count > 0 && !other_digit && letter_count >= 2 &&
      (2 * digit_count <= letter_count || (digit_count <= letter_count && not_designation));
  if (!read_digits && !symbol) return false;
  letters.assign(word);
  for (char& c : letters) {
    if (IsLookAlikeSymbol(c) || (read_digits && IsDigit(c))) c = LetterOf(c);
  }
  return true;
}

bool ReadsAs(std::string_view written, std::string_view word) {
  if (written.size() != word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    const char c = written[k];
    if (c == word[k]) continue;
    if (c == '1' && word[k] == 'l') continue;
    if (LetterOf(c) != word[k]) return false;
  }
  return true;
}

bool HasLookAlike(std::string_view text) {
  bool letter = false;
  bool look_alike = false;
  for (char c : text) {
    letter = letter || IsLetter(c);
    look_alike = look_alike || IsDigit(c) || IsLookAlikeSymbol(c);
  }
  return letter && look_alike;
}

}  // namespace tollgate::screening
