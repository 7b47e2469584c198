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
// slip such as "internatonal" still weighs as little as the word it misspells; one of
// 5-6 letters with a letter dropped, two swapped or (in one of 5) one put inside, never
// the first ("globl", "gropu", "grup", "tradhe"; not "trace" or "tradex" for trade; see
// lexicon.cpp AddShortSlips); two edits from a business word of 11 letters or more,
// the first letter kept ("enginiring"), not from a legal form or a shorter word:
// "cooperation" and "corporativo" are two from corporation.
const LexiconWord* FindNearLexiconWord(std::string_view word);

// A legal form or business word spelt as another romanization spells it: one j/y or
// i/y swapped (the Russian й and я, ю, е written j or y: "OYSC" for OJSC, "YOINT" for
// joint), x/ks ("EKSPORT"), u/oo/ou ("UO" for OOO) or, in a word of four letters or
// more, c/k or v/w ("KOMPANY", "ELEKTRONIC"). Business words of four letters or more,
// and no two-letter spelling with a consonant (Du, Ko are names). nullptr otherwise.
const LexiconWord* FindOtherSpelling(std::string_view word);

// When the canonical words starting at `canons[0]` spell a multi-word legal form,
// sets `canon` and `display` and returns how many words it spans; otherwise 0.
std::size_t MatchLegalPhrase(std::span<const std::string_view> canons, std::string_view& canon,
                             std::string_view& display);

// The word of a multi-word legal form (of five or more letters: "joint", "stock",
// "company", "liability", "obshchestvo") that `word`, a word outside the lexicon of four
// or more letters, is within MaxTyposBetween edits of, with the same first letter
// ("joit", "stokc"), or any word of a form spelt with one FindOtherSpelling swap ("cw"
// for cv); "" when none. Its canonical form, as MatchLegalPhrase compares.
std::string_view NearLegalPhraseWord(std::string_view word);

// The legal form of seven letters or more that `head` and `tail`, neither a lexicon
// word, make together ("lia" "bility", "akts" "ionernoe"): a legal-form word written in
// two is one again, as no two words of a name make one. nullptr otherwise.
const LexiconWord* FindSplitLegalForm(std::string_view head, std::string_view tail);

// True when some multi-word legal form has `canon` among its words.
bool IsLegalPhraseWord(std::string_view canon);

// A multi-word legal form written loosely: MatchLooseLegalPhrase's answer.
struct LoosePhrase {
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t span = 0;         // tokens taken, 0 when no form matched
  std::size_t skipped = kNone;  // the business word inside the form, kept as a token
  bool corrected = false;       // a word slipped or left out: the explanation says typo
  std::string_view canon;
  std::string_view display;
};

// MatchLegalPhrase again, written loosely: the words of `near` (NearLegalPhraseWord of
// each word, or the word's canon) may stand for a form's words ("JOIT STOKC COMPANY"),
// one word after its first may be left out of a form of four ("CLOSED JOINT STOCK
// GENBANK"), or one business word may stand inside it ("LIMITED Industrial LIABILITY
// COMPANY", `classes` says which), one of the last two at most. At least one word of
// the form must be written as it is (a form of slips only is more likely words of a
// name), and a slipped first word before a form written in full is a word of the name
// ("PUBLIX JOINT STOCK COMPANY" stays publix jsc). span 0 when no form matches so, or
// only exactly (MatchLegalPhrase).
LoosePhrase MatchLooseLegalPhrase(std::span<const std::string_view> canons,
                                  std::span<const std::string_view> near,
                                  std::span<const TokenClass> classes);

// Where a word written together splits, or 0 when it does not: a legal form or common
// word of 5+ letters joined to another lexicon word ("liabilitycompany" at 9,
// "industriesgroup" at 10), or a legal form of 5+ letters joined to a word of 4+
// letters ("companymalvin" at 7). A space dropped between a name's legal form or
// business words is a slip, not another name. Letters only.
std::size_t GenericJoinSplit(std::string_view word);

// The digits an English number word stands for ("three" -> "3", "first" -> "1st"),
// also with one slip in a word of seven letters or more ("foureten"), or "" when
// `word` is none.
std::string_view NumberWordDigits(std::string_view word);

// True for the canonical token of a multi-word legal form ("sadecv", "sdnbhd").
bool IsLegalPhraseCanon(std::string_view canon);

}  // namespace tollgate::screening
