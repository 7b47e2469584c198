#include "tollgate/screening/normalize.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <memory>
#include <span>

#include "screening/evasion.h"
#include "screening/given_names/abd_compound.h"
#include "screening/lexicon.h"

namespace tollgate::screening {
namespace {

// NFKC first so compatibility forms (full-width letters, ligatures) become plain
// letters; Any-Latin transliterates Cyrillic, Greek, Arabic, Han (as pinyin) and the
// rest; removing nonspacing marks after NFD strips diacritics; Latin-ASCII maps what
// is left (ß -> ss, ø -> o, curly quotes -> ').
constexpr const char* kFoldRules =
    "::NFKC; ::Any-Latin; ::NFD; ::[:Nonspacing Mark:] Remove; ::NFC; ::Latin-ASCII; "
    "::Any-Lower;";

// Building the transliterator compiles rule sets (milliseconds); cloning the built one
// is cheap, so each thread clones the shared prototype once.
const icu::Transliterator* Prototype() {
  static const std::unique_ptr<icu::Transliterator> kPrototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        "tollgate-fold", icu::UnicodeString::fromUTF8(kFoldRules), UTRANS_FORWARD, parse_error,
        status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return kPrototype.get();
}

icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> local = [] {
    const icu::Transliterator* prototype = Prototype();
    return std::unique_ptr<icu::Transliterator>(prototype ? prototype->clone() : nullptr);
  }();
  return local.get();
}

bool IsAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Characters that show nothing (or only steer the direction of text) but would split a
// word once folded, so "Huawei Tech<U+00AD>nologies" would no longer match the listed
// "Huawei Technologies" although both look alike on screen: every
// Default_Ignorable_Code_Point (soft hyphen, zero-width space and joiners, word joiner,
// byte order mark, Hangul fillers, variation selectors, tags, ...) and the bidirectional
// controls (LRM, RLM, the embeddings, overrides and isolates, the Arabic letter mark).
// A listed party stays listed however its name is written (the Entity List, 15 CFR
// Part 744 Supp. 4, names parties, not byte strings).
bool IsInvisible(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
         u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL);
}

// `text` without its invisible characters; untouched (and not copied) when it has none.
void RemoveInvisible(icu::UnicodeString& text) {
  int32_t first = 0;
  while (first < text.length() && !IsInvisible(text.char32At(first))) {
    first = text.moveIndex32(first, 1);
  }
  if (first >= text.length()) return;
  icu::UnicodeString kept(text, 0, first);
  for (int32_t i = first; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (!IsInvisible(c)) kept.append(c);
  }
  text = std::move(kept);
}

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// ClassOf for a canon the lexicon does not list.
TokenClass ClassOfUnlisted(std::string_view canon) {
  if (HasDigit(canon)) return TokenClass::kNumber;
  if (canon.size() == 1) return TokenClass::kInitial;
  if (IsLegalPhraseCanon(canon)) return TokenClass::kLegalForm;
  return TokenClass::kWord;
}

struct RawWord {
  std::string text;
  bool dot_joined = false;  // the next word follows after exactly one '.'
};

std::vector<RawWord> SplitWords(const std::string& folded) {
  std::vector<RawWord> words;
  words.reserve(folded.size() / 2 + 1);  // most names in one allocation
  std::string current;
  auto flush = [&](bool dot_joined) {
    if (current.empty()) return;
    words.push_back({std::move(current), dot_joined});
    current.clear();
  };
  // '@' and '$' beside a letter are letters written as look-alikes ("h@ssan", evasion.h).
  auto in_word = [&](std::size_t k) {
    const char c = folded[k];
    if (IsAlnum(c)) return true;
    if (!IsLookAlikeSymbol(c)) return false;
    auto letter = [&](std::size_t j) { return folded[j] >= 'a' && folded[j] <= 'z'; };
    return (k > 0 && letter(k - 1)) || (k + 1 < folded.size() && letter(k + 1));
  };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (in_word(i)) {
      std::size_t end = i + 1;  // the run of letters and digits, appended at once
      while (end < folded.size() && in_word(end)) ++end;
      current.append(folded, i, end - i);
      i = end - 1;
    } else if (c == '\'' || c == '`') {
      // O'Brien, Ma'an: the apostrophe is inside the word.
    } else if (c == '&') {
      flush(false);
      words.push_back({"and", false});
    } else {
      flush(c == '.' && i + 1 < folded.size() && IsAlnum(folded[i + 1]));
    }
  }
  flush(false);
  return words;
}

// "s.a." or "u.s.a" are one word; "j. smith" (a space after the dot) stays apart.
// In place: a merged word only ever shortens the run.
void MergeInitialisms(std::vector<RawWord>& words) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t j = i;
    if (words[i].text.size() == 1) {
      while (words[j].dot_joined && j + 1 < words.size() && words[j + 1].text.size() == 1) {
        ++j;
        words[i].text += words[j].text;
      }
    }
    if (kept != i) words[kept] = std::move(words[i]);
    ++kept;
    i = j + 1;
  }
  words.resize(kept);
}

// A legal form or business word written together with the next word gets its space
// back ("LIMITED LIABILITYCOMPANY", "COMPANYMALVIN"; lexicon.h GenericJoinSplit), so
// the name's legal form reads as it does when spaced. The head is tried again, as it
// may hold another join ("limitedliabilitycompany").
void SplitGenericJoins(std::vector<RawWord>& words) {
  for (std::size_t i = 0; i < words.size();) {
    const std::size_t cut = GenericJoinSplit(words[i].text);
    if (cut == 0) {
      ++i;
      continue;
    }
    RawWord tail{words[i].text.substr(cut), words[i].dot_joined};
    words[i].text.resize(cut);
    words[i].dot_joined = false;
    words.insert(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(tail));
  }
}

// A legal-form word written in two ("LIA BILITY", "AKTS IONERNOE") is one word again
// (lexicon.h FindSplitLegalForm).
void RejoinSplitLegalForms(std::vector<RawWord>& words) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i + 1 < words.size() && FindSplitLegalForm(words[i].text, words[i + 1].text) != nullptr) {
      words[i].text += words[i + 1].text;
      words[i].dot_joined = words[i + 1].dot_joined;
      if (kept != i) words[kept] = std::move(words[i]);
      ++kept;
      ++i;  // the second half is in the word now
      continue;
    }
    if (kept != i) words[kept] = std::move(words[i]);
    ++kept;
  }
  words.resize(kept);
}

// "1st", "22nd", "3rd", "4th": digits and an English ordinal ending.
bool IsOrdinalInDigits(std::string_view word) {
  std::size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  const std::string_view ending = word.substr(digits);
  return digits > 0 && (ending == "st" || ending == "nd" || ending == "rd" || ending == "th");
}

// "forty four" (or "Forty-Four", "forty 4") is the number 44: a tens word followed by a
// units word or digit becomes one number token.
void MergeNumberWords(std::vector<NameToken>& tokens) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    NameToken& token = tokens[i];
    const bool tens_word = token.token_class == TokenClass::kNumber && token.canon.size() == 2 &&
                           token.canon[1] == '0' && token.text != token.canon;
    if (tens_word && i + 1 < tokens.size() && tokens[i + 1].canon.size() == 1 &&
        tokens[i + 1].canon[0] >= '1' && tokens[i + 1].canon[0] <= '9') {
      token.canon[1] = tokens[i + 1].canon[0];
      token.text += ' ';
      token.text += tokens[i + 1].text;
      if (kept != i) tokens[kept] = std::move(token);
      ++kept;
      ++i;  // the units word is in the number now
      continue;
    }
    if (kept != i) tokens[kept] = std::move(token);
    ++kept;
  }
  tokens.resize(kept);
}

// A lexicon word `word` misspells ("internatonal", lexicon.h FindNearLexiconWord), or a
// legal form or business word it writes in another romanization ("oysc" for ojsc,
// "eksport"), or nullptr.
const LexiconWord* NearOrSpeltLegalForm(std::string_view word) {
  if (const LexiconWord* near = FindNearLexiconWord(word)) return near;
  return FindOtherSpelling(word);
}

// The canon each token may stand for in a multi-word legal form written with slips
// ("joit" for joint, "stokc" for stock: lexicon.h NearLegalPhraseWord), else its own
// canon; empty when no token is a legal-form word of such a form as written, as in
// most names: a loosely written form needs one (MatchLooseLegalPhrase).
std::vector<std::string_view> NearLegalPhraseCanons(const std::vector<NameToken>& tokens,
                                                    std::span<const std::string_view> canons) {
  const bool any_phrase_word = std::any_of(tokens.begin(), tokens.end(), [](const NameToken& t) {
    return t.token_class == TokenClass::kLegalForm && t.canon.size() > 1 &&
           IsLegalPhraseWord(t.canon);
  });
  if (!any_phrase_word) return {};
  std::vector<std::string_view> near(canons.begin(), canons.end());
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (tokens[k].token_class != TokenClass::kWord) continue;
    if (const std::string_view word = NearLegalPhraseWord(tokens[k].canon); !word.empty()) {
      near[k] = word;
    }
  }
  return near;
}

// The token one folded word becomes on its own, before multi-word legal forms.
NameToken ClassifyFoldedWord(std::string text) {
  NameToken token;
  // A number written in words is that number: "Three Percenters" is "3 Percenters";
  // an ordinal in digits ("1st") is a number too, not look-alikes for "ist".
  if (IsOrdinalInDigits(text)) {
    token.canon = text;
    token.token_class = TokenClass::kNumber;
    token.text = std::move(text);
    return token;
  }
  if (const std::string_view digits = NumberWordDigits(text); !digits.empty()) {
    token.canon = std::string(digits);
    token.token_class = TokenClass::kNumber;
    token.text = std::move(text);
    return token;
  }
  // A lone 0 is the initial O ("0, Yong Ho" for the Korean surname O): no listed name
  // holds 0 as a number of its own.
  if (text == "0") {
    // assign(1, 'o'), not = "o": g++ 12 warns (-Wrestrict, a false positive) on the
    // inlined copy of a one-letter literal here, and CI builds with -Werror.
    token.canon.assign(1, 'o');
    token.token_class = TokenClass::kInitial;
    token.text = std::move(text);
    return token;
  }
  // Look-alike digits and symbols are read as the letters they stand for; the token
  // keeps them as written (evasion.h).
  std::string read;
  const std::string& word = ReadLookAlikes(text, read) ? read : text;
  const LexiconWord* entry = FindLexiconWord(word);
  // A legal form or particle of a few letters written with look-alikes ("1LC", "L1C",
  // "A0", "5.A.", "3L"): every one read, '1' as i or l, finds it in the lexicon. A
  // particle or common word only when the word ends in a letter, as designations end in
  // their number ("A1", "D1" stay numbers, not al and di).
  if (entry == nullptr && HasLookAlike(text)) {
    std::string every;
    for (const bool one_as_l : {false, true}) {
      if (entry != nullptr || !ReadEveryLookAlike(text, one_as_l, every)) continue;
      const LexiconWord* found = FindLexiconWord(every);
      const bool ends_in_letter = text.back() >= 'a' && text.back() <= 'z';
      if (found != nullptr && (found->token_class == TokenClass::kLegalForm || ends_in_letter)) {
        entry = found;
      }
    }
  }
  if (entry != nullptr) {
    token.canon = std::string(entry->canon);
    token.abbreviation = entry->abbreviation;
    // The class follows the canon alone, so the index and a query always agree on it.
    token.token_class = ClassOf(token.canon);
  } else if (const LexiconWord* near = HasDigit(word) ? nullptr : NearOrSpeltLegalForm(word)) {
    token.canon = std::string(near->canon);
    token.corrected = true;
    token.token_class = ClassOf(token.canon);
  } else {
    token.canon = word;
    // ClassOf without the lexicon lookup that has just missed for this very text.
    token.token_class = ClassOfUnlisted(token.canon);
  }
  token.text = std::move(text);
  return token;
}

}  // namespace

const char* TokenClassName(TokenClass token_class) {
  switch (token_class) {
    case TokenClass::kWord:
      return "word";
    case TokenClass::kNumber:
      return "number";
    case TokenClass::kInitial:
      return "initial";
    case TokenClass::kLegalForm:
      return "legal form";
    case TokenClass::kCommon:
      return "common word";
    case TokenClass::kParticle:
      return "particle";
  }
  return "word";
}

std::string FoldToAscii(std::string_view text) {
  std::string out;
  if (IsAscii(text)) {
    out.resize(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) out[i] = LowerAscii(text[i]);
    return out;
  }
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  // Before NFKC and transliteration, which would otherwise keep them or turn them into
  // separators. Plain ASCII (above) has none of them.
  RemoveInvisible(unicode);
  if (icu::Transliterator* transliterator = ThreadTransliterator()) {
    transliterator->transliterate(unicode);
  }
  std::string utf8;
  unicode.toUTF8String(utf8);
  out.reserve(utf8.size());
  // Whatever ICU left outside ASCII (unassigned code points, symbols) separates words.
  for (unsigned char c : utf8) out.push_back(c < 0x80 ? LowerAscii(static_cast<char>(c)) : ' ');
  return out;
}

TokenClass ClassOf(std::string_view canon) {
  if (HasDigit(canon)) return TokenClass::kNumber;
  if (canon.size() == 1) return TokenClass::kInitial;
  if (const LexiconWord* entry = FindLexiconWord(canon)) return entry->token_class;
  return ClassOfUnlisted(canon);
}

std::vector<NameToken> TokenizeName(std::string_view name) {
  std::vector<RawWord> words = SplitWords(FoldToAscii(name));
  MergeInitialisms(words);
  SplitGenericJoins(words);
  RejoinSplitLegalForms(words);
  std::vector<NameToken> classified;
  classified.reserve(words.size());
  for (auto& word : words) classified.push_back(ClassifyFoldedWord(std::move(word.text)));
  MergeNumberWords(classified);
  CanonAbdSpellings(classified);
  // Multi-word legal forms are merged in place: the token at `kept` is written only once
  // the phrases starting at or before it have been tried, and no later phrase reads it
  // or its view in `canons`.
  std::vector<std::string_view> canons;
  canons.reserve(classified.size());
  for (const auto& token : classified) canons.push_back(token.canon);
  const std::vector<std::string_view> near = NearLegalPhraseCanons(classified, canons);
  std::vector<TokenClass> classes;
  if (!near.empty()) {
    for (const auto& token : classified) classes.push_back(token.token_class);
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < classified.size() && kept < kMaxNameTokens;) {
    LoosePhrase phrase_match;
    const auto from_i = std::span<const std::string_view>(canons).subspan(i);
    phrase_match.span = MatchLegalPhrase(from_i, phrase_match.canon, phrase_match.display);
    if (phrase_match.span <= 1 && !near.empty()) {
      phrase_match =
          MatchLooseLegalPhrase(from_i, std::span<const std::string_view>(near).subspan(i),
                                std::span<const TokenClass>(classes).subspan(i));
    }
    if (phrase_match.span > 1) {
      NameToken phrase;
      phrase.corrected = phrase_match.corrected;
      for (std::size_t k = 0; k < phrase_match.span; ++k) {
        if (k == phrase_match.skipped) continue;
        if (!phrase.text.empty()) phrase.text += ' ';
        phrase.text += classified[i + k].text;
        phrase.corrected = phrase.corrected || classified[i + k].corrected;
      }
      phrase.canon = std::string(phrase_match.canon);
      phrase.token_class = TokenClass::kLegalForm;
      // phrase.corrected: the explanation calls the form's alignment a typo, as for one
      // misspelt word. A business word inside the form follows it as a token of its own
      // (`kept` <= i + skipped: no token it holds is overwritten before it moves).
      classified[kept++] = std::move(phrase);
      if (phrase_match.skipped != LoosePhrase::kNone && kept < kMaxNameTokens) {
        if (kept != i + phrase_match.skipped) {
          classified[kept] = std::move(classified[i + phrase_match.skipped]);
        }
        ++kept;
      }
      i += phrase_match.span;
      continue;
    }
    if (kept != i) classified[kept] = std::move(classified[i]);
    ++kept;
    ++i;
  }
  classified.resize(kept);
  return classified;
}

}  // namespace tollgate::screening
