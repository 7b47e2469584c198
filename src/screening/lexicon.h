// The screening lexicon: legal forms, common business words and particles, with
// their equivalences (company = co, limited = ltd, tech abbreviates technology) and
// the multi-word legal forms folded into one token ("sa de cv", "joint stock
// company" -> jsc). Names that differ only in these words are the same party; names
// that share only these words are not.
//
// Thread-safety: immutable tables built on first use (thread-safe static init).
// Failure: lookups return nullptr / 0 when the word is not in the lexicon.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "tollgate/screening/normalize.h"

namespace tollgate::screening {

struct LexiconWord {
  std::string_view canon;
  TokenClass token_class = TokenClass::kCommon;
  bool abbreviation = false;
};

// The entry for one folded word, or nullptr.
const LexiconWord* FindLexiconWord(std::string_view word);

// A legal form or common word (at least 6 letters) one edit away from `word`, so a
// slip such as "internatonal" still weighs as little as the word it misspells.
const LexiconWord* FindNearLexiconWord(std::string_view word);

// When the canonical words starting at `canons[0]` spell a multi-word legal form,
// sets `canon` and `display` and returns how many words it spans; otherwise 0.
std::size_t MatchLegalPhrase(std::span<const std::string_view> canons, std::string_view& canon,
                             std::string_view& display);

// Where a word written together splits, or 0 when it does not: a legal form or common
// word of 5+ letters joined to another lexicon word ("liabilitycompany" at 9,
// "industriesgroup" at 10), or a legal form of 5+ letters joined to a word of 4+
// letters ("companymalvin" at 7). A space dropped between a name's legal form or
// business words is a slip, not another name. Letters only.
std::size_t GenericJoinSplit(std::string_view word);

// The digits an English number word stands for ("three" -> "3", "first" -> "1st"),
// or "" when `word` is none.
std::string_view NumberWordDigits(std::string_view word);

// True for the canonical token of a multi-word legal form ("sadecv", "sdnbhd").
bool IsLegalPhraseCanon(std::string_view canon);

}  // namespace tollgate::screening
