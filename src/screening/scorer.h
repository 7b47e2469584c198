// The name scorer: aligns the tokens of a query with the tokens of one listed name
// and turns the alignment into a score in 0..1. Screen, Explain and the reference
// tests all score through ScoreAlignment, so a name scores the same however it was
// found.
//
// score = sum(similarity * 2w) / (sum(2w) + kExtraFactor * extra + kMissingFactor *
// missing + kSubstitutionFactor * replaced), where w is the listed token's weight for
// each aligned pair, `extra` the weight of query tokens left unaligned, `missing` that
// of name tokens left unaligned and `replaced` the part of both that is a word replaced
// (below). When the whole listed name is in the query, the query's extra words count
// kWholeNameExtraFactor instead (see there).
//
// Legal forms, common words and particles weigh little; ordinary words weigh by rarity
// among listed names; numbers weigh fully and must agree exactly. A name aligned
// through no distinctive word (only legal forms, common words or initials) scores at
// most kCommonOnlyCap, unless the two names are the same words.
//
// A name with one distinctive token ("GREEN", "NAPOLI TRADING", or two words the query
// writes as one, "HONORBANK" for HONOR BANK) scores at most kOneWordCap against a query
// that leaves a word or number of its own unaligned ("Victor Green"; a word within
// typo distance of one of the name's tokens is a misspelling, not a word of its own),
// or a business word when the query does not also hold the name's own legal forms and
// common words ("Lighthouse Consulting GmbH" for LIGHTHOUSE, "Novak Logistics S.A. de
// C.V." for NOVAK OOO; but "GREEN Global SHIPPING" for GREEN SHIPPING): a one-word name
// matches only that word, plus at most legal forms, common words, particles and
// initials.
//
// A word replaced is weighed more than a word left out: when both names keep words or
// initials of their own that resemble none of the other's (not within a phonetic
// pair's spelling distance, not part of a word written together), the lesser of the
// two weights counts kSubstitutionFactor more in the denominator ("... AL-DULAIMI" for
// "... AL-TIKRITI", "Hans O Friedrich" for Hans Joachim Friedrich: another person).
// That term, like the caps, only lowers a score, so the candidate bounds of
// score_bound.h, which leave it out, still hold.
//
// Pair rules (each is also an index lookup, so candidate generation finds every name
// that can score; see lookups.cpp):
//   exact        same canonical token (company = co, tech = technology)
//   typo         words within MaxTyposBetween(lengths) edits (optimal string alignment)
//   phonetic     words of 3+ letters with the same PhoneticKey (see PhoneticPair)
//   abbreviation a word of 4-7 letters that begins a word 2+ letters longer
//   initial      a single letter in the query and a listed word starting with it
//   split        two adjacent query words that make one name word ("hua wei"),
//                comparing canonical forms or the words as written ("corpo ration")
//   joined       one query word that makes two adjacent name words ("jscargument")
//   nickname     a given name and its nickname or short form in the public table of
//                given_names.h ("bill" / william), between an exact match and a typo
//   look-alike   a query word written with look-alike digits or symbols that reads as
//                the name word ("kha1i1" / khalil; evasion.h): as good as exact
// Words pair only with words, and legal forms, common words and particles only with
// each other, so a misspelt word never borrows the low weight of a common one.
//
// Thread-safety: pure functions.
// Failure: none.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "tollgate/screening/normalize.h"

namespace tollgate::screening {

inline constexpr double kExtraFactor = 0.5;
inline constexpr double kMissingFactor = 0.5;
// A listed person's name found whole inside a longer query ("ANJEM IFTIKHAR CHOUDARY
// MAHMOOD" for ANJEM CHOUDARY, "Vladimir Vladimirovich Putin" for Vladimir Putin):
// lists give a short form of a name, a query the given names, patronymic or tribal
// name beside it. The query's extra words then count kWholeNameExtraFactor instead of
// kExtraFactor, when
//  - every token of the name is aligned in full (similarity 1: the same word or
//    look-alikes for it; not an initial, typo, nickname or phonetic pair), two or more
//    of its words of kWholeNameMinLetters or more letters (a two-letter syllable, "Ha",
//    "Su", names thousands);
//  - the name has no legal form or common word, and the query adds only ordinary
//    words, no more weight than it aligned: a company's name with words added is
//    another company ("Deutsche Bank Trust Company" for Deutsche Bank, "Bank of China
//    (Hong Kong) Limited"), a number added another party ("Management Company 23").
// Aligned in full, the name's aligned weight equals both its total and what the
// candidate bound's A counts of it (score_bound.h), so the bound sees the case.
inline constexpr double kWholeNameExtraFactor = 0.25;
inline constexpr std::size_t kWholeNameMinLetters = 3;
// With it a substituted word counts in full on both sides (0.5 + 0.5): on the
// development set's labelled pairs the false matches went from 72 to 33 of 401 with
// the same 328 of 425 matches found, most of them long names one word apart.
inline constexpr double kSubstitutionFactor = 1.0;
inline constexpr double kCommonOnlyCap = 0.6;
inline constexpr double kPhoneticSimilarity = 0.85;
// A typo costs kTypoCost * edits / length of the longer word: one slip in a 6-letter
// word leaves 0.9, in a 4-letter word 0.85, so a one-word name with one slip still
// reaches the default threshold while two slips in a short word do not.
inline constexpr double kTypoCost = 0.6;
inline constexpr double kAbbreviationSimilarity = 0.85;
// An initial for a listed word ("H. N. AHMAD" for AHMAD, Hind Nazem; issue 16, item 2):
// kInitialSimilarity when the query's other words all align and one of them exactly
// (the surname agrees), so initials and the surname reach the default threshold however
// rare the given names are, yet score below the full name; kWeakInitialSimilarity
// otherwise ("Leila V. Martin" is not VASEGHI, Leila: the initial took the surname
// while the query's own surname found nothing). The candidate bounds count the larger.
inline constexpr double kInitialSimilarity = 0.88;
inline constexpr double kWeakInitialSimilarity = 0.8;
// Above a typo in a word of up to 10 letters, below an exact match (issue 16, item 2).
inline constexpr double kNicknameSimilarity = 0.92;
inline constexpr double kLookAlikeSimilarity = 1.0;
// Below the default threshold (0.85): a one-word name with another word beside it in
// the query (see the header comment) is no match at the defaults.
inline constexpr double kOneWordCap = 0.8;
// OFAC marks some aliases "weak" (low quality: broad or generic, as the SDN list's
// "weak a.k.a." says), the UN list "Low": a match through one counts this much less.
inline constexpr double kWeakAliasPenalty = 0.02;
inline double WeakAliasScore(double score) { return std::max(0.0, score - kWeakAliasPenalty); }
inline constexpr double kSplitJoinSimilarity = 0.95;

// Typos allowed in a word: none below 3 letters, 1 up to 8 letters, 2 from 9 to 40
// (longer runs of letters are not words and get no typo keys). A pair of words may
// differ by the smaller allowance of the two, except that two three-letter words may
// not differ at all: a three-letter word matches a four-letter one it is part of
// (Kaw / Kyaw), as short romanized syllables vary that way, but a swapped letter
// between two syllables (Wei / Lei) makes another name. A slip in a short word costs
// a fifth of its similarity, so it rarely carries a match alone.
inline int MaxTypos(std::size_t length) {
  return (length < 3 || length > 40) ? 0 : (length < 9 ? 1 : 2);
}
inline int MaxTyposBetween(std::size_t a, std::size_t b) {
  if (a <= 3 && b <= 3) return 0;
  return std::min(MaxTypos(a), MaxTypos(b));
}
// Deletions a word is indexed and looked up under: none for three letters (the word
// itself is its only key; the longer word of a pair supplies the deletion).
inline int DeletionsFor(std::size_t length) { return length <= 3 ? 0 : MaxTypos(length); }

// Phonetic keys collide across unrelated names (Moore / Mayer, Bianchi / Benz): a
// phonetic pair must also be spelt close, within kPhoneticMinEdits edits or a third
// of the longer word (Mohammed / Muhammad, Aleksandr / Alexander, Huavej / Huawei).
inline constexpr int kPhoneticMinEdits = 2;
inline int MaxPhoneticEdits(std::size_t longer) {
  return std::max(kPhoneticMinEdits, static_cast<int>(longer / 3));
}

// Abbreviation rule on lengths: the short word has 4..7 letters and the long one at
// least two more.
inline constexpr std::size_t kMinAbbreviation = 4;
inline constexpr std::size_t kMaxAbbreviation = 7;

// Weight of a token by class; ordinary words get WordWeight from their frequency.
double ClassWeight(TokenClass token_class);
// 0.25 (in every name) .. 1 (in one name), by inverse document frequency.
double WordWeight(std::size_t document_frequency, std::size_t names);

struct ScoringToken {
  std::string_view canon;
  std::string_view text;      // as written (folded); joined and split words compare it too
  std::string_view phonetic;  // "" when the token has no key
  TokenClass token_class = TokenClass::kWord;
  double weight = 1;
  std::uint64_t letters = 0;  // LetterMask(canon); 0 when not worked out
};

enum class EdgeKind : std::uint8_t {
  kExact,
  kTypo,
  kPhonetic,
  kAbbreviation,
  kInitial,
  kSplit,
  kJoined,
  kNickname,
  kLookAlike
};

// One aligned pair: query tokens [query_first, +query_count) with name tokens
// [name_first, +name_count); one side always has a single token.
struct Edge {
  std::uint8_t query_first = 0;
  std::uint8_t query_count = 1;
  std::uint8_t name_first = 0;
  std::uint8_t name_count = 1;
  EdgeKind kind = EdgeKind::kExact;
  double similarity = 0;
  double weight = 0;  // the name side's weight
};

struct AlignmentResult {
  double score = 0;
  bool capped = false;      // kCommonOnlyCap applied
  bool one_word = false;    // kOneWordCap applied
  double substituted = 0;   // weight counted kSubstitutionFactor more (a word replaced)
  bool whole_name = false;  // the query's extra words counted kWholeNameExtraFactor
};

// Scores `query` against `name`. When `edges` is given it receives the chosen pairs.
AlignmentResult ScoreAlignment(std::span<const ScoringToken> query,
                               std::span<const ScoringToken> name, std::vector<Edge>* edges);

// True when two words with the same phonetic key count as a phonetic pair: spelt within
// MaxPhoneticEdits, or apart only by doubled letters and the spelling of the diphthong
// ai/ay/ei/ey (romanizations of Arabic and Persian names: Husayn / Hussein / Husain,
// Shaykh / Sheikh), with the other vowels as written (not Horizon / Horryzin).
bool PhoneticPair(std::string_view a, std::string_view b);

// Similarity of two single tokens by the pair rules above (0 when none applies).
double PairSimilarity(const ScoringToken& query, const ScoringToken& name, EdgeKind& kind);

}  // namespace tollgate::screening
