// The pieces of a consonant skeleton (skeleton.h) that every script's reader shares:
// the letter a word's first vowel becomes, and the builder of one word's skeleton.
// Internal to src/screening/scripts/.
//
// Thread-safety: a Word is used by one thread. Failure: none.
#pragma once

#include <string>

namespace tollgate::screening::skeleton {

// A word's first vowel (alif, ayn, alef, Thai o ang) in the skeleton. Not "a": "ab", "ag",
// "as" are legal forms to the tokenizer (Abu would read as the Swedish AB and make the
// query a company); no legal form, common word or particle begins with u.
inline constexpr char kVowel = 'u';

// Builds one word's skeleton. With `dedupe` (Latin, Thai) a letter written twice in a
// row counts once (the ss of Hassan, the mm of Muhammad: Arabic writes one letter with
// a shadda); the same letter on both sides of a vowel counts twice in every script
// (Khalil, خليل -> "kll"; Arabic writes a letter twice only with a vowel between).
class Word {
 public:
  explicit Word(bool dedupe) : dedupe_(dedupe) {}
  void Emit(char c) {
    if (!(dedupe_ && !gap_ && !text_.empty() && text_.back() == c)) text_.push_back(c);
    gap_ = false;
  }
  void Emit(const char* letters) {
    for (const char* p = letters; *p != '\0'; ++p) Emit(*p);
  }
  void Drop() { gap_ = true; }  // a vowel was left out here
  std::string& text() { return text_; }

 private:
  bool dedupe_;
  bool gap_ = false;
  std::string text_;
};

}  // namespace tollgate::screening::skeleton
