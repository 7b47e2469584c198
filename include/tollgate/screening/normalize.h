// Name normalization for screening: folds text in any script to lower-case ASCII and
// splits a name into tokens, recognising legal forms ("Co., Ltd.", "S.A. de C.V.")
// and common business words so that the scorer can weigh them low. The index and the
// scorer both normalize through here, so a query and a listed name are always treated
// alike.
//
// Thread-safety: free functions, safe from any thread. Plain ASCII never touches ICU;
// other text goes through one ICU transliterator built once and cloned per thread
// (an ICU Transliterator is not safe for concurrent use).
// Failure: never fails. Characters ICU cannot map to ASCII act as separators; if ICU
// itself cannot be initialised, non-ASCII characters are dropped the same way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tollgate::screening {

// What a token is; the scorer weighs each class differently and only distinctive
// tokens (words and numbers) can carry a match on their own.
enum class TokenClass {
  kWord,       // an ordinary name word: weighed by how rare it is among listed names
  kNumber,     // contains a digit: must agree exactly ("11420", "a320", "unit 5")
  kInitial,    // a single letter ("J. Smith")
  kLegalForm,  // co, ltd, llc, gmbh, sa de cv, ooo, jsc, ...
  kCommon,     // business words: international, trading, group, holding, technology
  kParticle,   // the, of, and, de, al, bin, ...
};

const char* TokenClassName(TokenClass token_class);

inline bool IsDistinctive(TokenClass token_class) {
  return token_class == TokenClass::kWord || token_class == TokenClass::kNumber;
}

struct NameToken {
  std::string text;   // the folded word(s) as written: "company", "s a de c v" -> "sa de cv"
  std::string canon;  // what is compared: equivalents share it (company, co -> "co")
  TokenClass token_class = TokenClass::kWord;
  bool abbreviation = false;  // text is a known abbreviation of canon ("tech", "intl")
  bool corrected = false;     // a one-letter slip of a legal form or common word
  bool operator==(const NameToken&) const = default;
};

// Longer names keep their first kMaxNameTokens tokens (the scorer tracks token
// positions in 64-bit masks; no listed name comes near this).
inline constexpr std::size_t kMaxNameTokens = 48;

// Invisible characters (every Default_Ignorable_Code_Point: soft hyphen, zero-width
// space, joiners, word joiner, BOM, ...; and the bidi controls) are removed first, so a
// name reads the same with or without them. Then NFKC, case folding, transliteration of non-Latin
// scripts ("Хуавэй" -> "huavej", "华为" -> "hua wei"), diacritics removed ("Müller" -> "muller"),
// lower case. Punctuation is kept for the tokenizer.
std::string FoldToAscii(std::string_view text);

// Folds and tokenizes a name: punctuation splits words except inside initialisms
// ("S.A." -> "sa") and apostrophes ("O'Brien" -> "obrien"); "&" reads "and";
// multi-word legal forms become one token ("sa de cv", "limited liability company"
// -> llc). Word order is kept; the scorer does not depend on it.
std::vector<NameToken> TokenizeName(std::string_view name);

// The class of a canonical token, the same for the index and the query.
TokenClass ClassOf(std::string_view canon);

}  // namespace tollgate::screening
