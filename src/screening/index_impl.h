// Index::Impl: the immutable data behind a screening Index. Build fills it once;
// candidate generation and scoring only read it.
//
// Layout: every distinct canonical token gets an id (its text, class, weight,
// phonetic key and the postings of the names containing it). Each indexed name (a
// primary name, an alias, or a part split off at parentheses) is a run of token ids.
// Postings entries pack (name id << kPositionBits | token position).
//
// Thread-safety: read-only after Build; shared by all threads.
// Failure: none.
#pragma once

#include <cstdint>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "screening/flat_multimap.h"
#include "screening/lists_of.h"
#include "screening/scorer.h"
#include "tollgate/lists/entry.h"
#include "tollgate/screening/screening.h"

namespace tollgate::screening {

inline constexpr unsigned kPositionBits = 6;  // kMaxNameTokens < 64
inline constexpr std::uint32_t kNoToken = 0xffffffffu;
// In typo_pairs and TypoNeighbours' results: the pair differs by two edits, not one
// (token ids stay below it).
inline constexpr std::uint32_t kTwoTypos = 0x80000000u;
inline std::uint32_t TokenOf(std::uint32_t typo_entry) { return typo_entry & ~kTwoTypos; }
inline int TyposOf(std::uint32_t typo_entry) { return (typo_entry & kTwoTypos) ? 2 : 1; }
inline constexpr std::uint8_t kAbbreviationFlag = 1;  // NameToken::abbreviation
inline constexpr std::uint8_t kCorrectedFlag = 2;     // NameToken::corrected

// Seeds keep the key spaces of the tables apart.
inline constexpr std::uint64_t kTokenSeed = 0x746f6b656eULL;
inline constexpr std::uint64_t kDeleteSeed = 0x64656cULL;
inline constexpr std::uint64_t kPhoneticSeed = 0x70686fULL;
inline constexpr std::uint64_t kPrefixSeed = 0x707265ULL;
inline constexpr std::uint64_t kConcatSeed = 0x636f6eULL;
inline constexpr std::uint64_t kCommonOnlySeed = 0x636d6eULL;
inline constexpr std::uint64_t kLowTextSeed = 0x6c6f77ULL;

// A name's legal forms, common words, particles and initials (its low tokens), by
// their dense number in Impl::low_tokens, when it has at most kMaxLowTokens of them;
// otherwise `count` is kManyLowTokens and bounds assume every one may align.
inline constexpr std::size_t kMaxLowTokens = 3;
inline constexpr std::uint16_t kManyLowTokens = 0xffff;
struct LowTokens {
  std::uint16_t ids[kMaxLowTokens] = {};
  std::uint16_t count = 0;

  // Adds low token `number` (kManyLowTokens: one the index did not number).
  void Add(std::uint16_t number) {
    if (count == kManyLowTokens) return;
    if (count == kMaxLowTokens || number == kManyLowTokens) {
      count = kManyLowTokens;
    } else {
      ids[count++] = number;
    }
  }
};

struct IndexedName {
  std::uint32_t entry = 0;
  std::uint32_t token_begin = 0;  // into Impl::name_tokens
  std::uint8_t token_count = 0;
  bool alias = false;
  bool weak = false;  // a weak alias (scorer.h, WeakAliasScore)
  std::string text;   // the name as published (or the part of it indexed)
};

// What candidate pruning reads of each name. A copy sits beside each of the name's
// postings, so that the thousands of names a frequent word reaches are bounded
// without a read of their own.
struct NameWeights {
  float total_weight = 0;           // all tokens
  float low_weight = 0;             // tokens that are not distinctive (never hit by a lookup)
  float max_weight = 0;             // heaviest ordinary word, which a query initial may claim
  std::uint32_t word_initials = 0;  // InitialBit of each ordinary word's first letter,
                                    // and kMayBeWholeBit
  LowTokens low_tokens;
};

// In NameWeights::word_initials, beside the letters' bits (InitialBit uses bits 0..26):
// the name may be found whole inside a longer query (scorer.h, kWholeNameExtraFactor):
// no legal form or common word, and two or more distinctive words, each of
// kWholeNameMinLetters or more. A name without it is bounded with kExtraFactor alone
// (score_bound.h, ExtraFactorBound).
inline constexpr std::uint32_t kMayBeWholeBit = 1u << 31;
inline bool MayBeWhole(const NameWeights& weights) {
  return (weights.word_initials & kMayBeWholeBit) != 0;
}

// A name's first letter as a bit: a..z, and one bit for anything else.
inline std::uint32_t InitialBit(char c) {
  return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << 26;
}

// The name's distinctive tokens other than the posting's own, beside each posting:
// with them a walk over a frequent word bounds each name it reaches completely (which
// of its words the query reaches, and how heavily) before the name costs a mark. Each
// slot packs (token id << kPositionBits | position); unused slots are kNoWord. A name
// with more than kPostingWords of them has kManyWords in slot 0 and is bounded the
// slow way (marked, then completed from its own tokens).
inline constexpr std::size_t kPostingWords = 4;
inline constexpr std::uint32_t kNoWord = 0xffffffffu;
inline constexpr std::uint32_t kManyWords = 0xfffffffeu;
inline constexpr std::uint32_t kMaxPackedToken = (kManyWords >> kPositionBits) - 1;
struct PostingWords {
  std::uint32_t slots[kPostingWords] = {kNoWord, kNoWord, kNoWord, kNoWord};
};

struct IndexedEntry {
  std::shared_ptr<const lists::ListEntry> entry;  // null in an index of names (BuildNames)
  std::vector<std::string> countries;             // ISO alpha-2 of addresses and nationalities
  std::optional<int> start_days;
  std::optional<int> end_days;
  lists::EntryType type = lists::EntryType::kEntity;  // copied: read for every candidate
};

// What an index of names (BuildNames) knows of each entry besides its names: nothing.
// One shared value stands for all of them (no IndexedEntry per party: 64 bytes each,
// 61 MiB of the party index at 1,000,000 parties).
inline const IndexedEntry kEntryOfNamesOnly{};

struct Index::Impl {
  // Read through EntryAt and EntryCount: empty in an index of names.
  std::vector<IndexedEntry> entries;
  bool names_only = false;         // built by BuildNames: entries is empty
  std::uint32_t name_entries = 0;  // the number of entries of an index of names
  const IndexedEntry& EntryAt(std::size_t position) const {
    return names_only ? kEntryOfNamesOnly : entries[position];
  }
  std::size_t EntryCount() const { return names_only ? name_entries : entries.size(); }
  std::vector<IndexedName> names;
  std::vector<NameWeights> name_bounds;  // parallel to names
  std::vector<std::uint32_t> name_tokens;
  std::vector<std::uint32_t> name_token_texts;  // parallel: ids into `texts`
  // Parallel: how the word was written (kAbbreviationFlag, kCorrectedFlag), as
  // tokenizing found it, so that explaining a match does not ask the lexicon again.
  std::vector<std::uint8_t> name_token_flags;
  std::vector<std::string> texts;  // distinct words as written

  std::vector<std::string> token_canon;
  std::vector<std::string> token_phonetic;
  std::vector<TokenClass> token_class;
  std::vector<double> token_weight;
  std::vector<std::uint64_t> token_letters;  // LetterMask of the canon
  // The tokens that are not distinctive, numbered densely (LowTokens), and for each
  // the numbers of those it pairs with by the scorer's rules (itself included), so
  // that a query knows which of a name's low tokens its own could align.
  std::vector<std::uint32_t> low_tokens;     // dense number -> token id
  std::vector<std::uint16_t> low_number;     // token id -> dense number, or kManyLowTokens
  ListsOf<std::uint16_t> low_partners;       // per dense number
  std::vector<std::uint32_t> posting_begin;  // size tokens + 1
  // Each token's postings in ascending order of their name's total weight, so that
  // candidate generation can walk only the names whose weight leaves room for a match.
  std::vector<std::uint32_t> postings;
  std::vector<NameWeights> posting_bounds;  // parallel: from name_bounds[name]
  std::vector<PostingWords> posting_words;  // parallel

  // Per word token, the other tokens that PhoneticPair pairs it with (same key, spelt
  // close enough), worked out at build time: a query word the index knows takes its
  // phonetic neighbours from here instead of checking its key's every token.
  ListsOf<std::uint32_t> phonetic_pairs;
  // Likewise the word tokens within typo distance of each word token (TypoNeighbours),
  // so that a query word the index knows needs none of its deletion-variant probes,
  // each a cache miss in the large `deletes` table.
  ListsOf<std::uint32_t> typo_pairs;  // token ids, kTwoTypos set for two edits
  // Likewise the word tokens each word token pairs with as an abbreviation
  // (ForEachAbbreviationPartner), so that a query word the index knows needs neither the
  // prefix table nor up to four token lookups.
  ListsOf<std::uint32_t> abbreviation_pairs;

  FlatMultiMap token_ids;    // canon -> token id
  FlatMultiMap deletes;      // deletion variant -> word token id
  FlatMultiMap phonetic;     // phonetic key -> word token id
  FlatMultiMap prefixes;     // 4..7-letter prefix -> word token id
  FlatMultiMap concat;       // two adjacent canons joined -> posting
  FlatMultiMap common_only;  // sorted canons of a name without distinctive tokens -> name
  FlatMultiMap low_texts;    // a legal form or common word as written -> its text id

  // Per token, its scoring view on its own (written as its canon), gathered from the
  // vectors above once they are final: scoring a candidate reads one of these per
  // token where the separate vectors cost a cache miss each.
  std::vector<ScoringToken> token_views;

  // In a skeleton index of listed entries (StartSkeletonIndex): for each name, the
  // listed name it is the skeleton of, marked "a" or "n" first (an alias or a name),
  // in listed_texts from listed_begin[n] to listed_begin[n + 1]; empty elsewhere.
  std::vector<std::uint32_t> listed_begin;
  std::string listed_texts;
  // The skeleton index's own data: set before skeleton_index is ready, read after it.
  const Impl* skeleton_impl = nullptr;

  // The same entries under the consonant skeletons of their names, built right after
  // the rest (StartSkeletonIndex, scripts/screen_forms.h); none in a skeleton index.
  // Last: destroyed first, it waits for a build still running, which reads `entries`.
  std::shared_future<std::shared_ptr<const Index>> skeleton_index;

  std::uint32_t FindToken(std::string_view canon) const;
  ScoringToken TokenOf(std::uint32_t id) const { return token_views[id]; }
  // The scoring view of the token at `slot` of name_tokens.
  ScoringToken NameToken(std::uint32_t slot) const {
    ScoringToken token = token_views[name_tokens[slot]];
    token.text = texts[name_token_texts[slot]];
    return token;
  }
};

// The names an entry is indexed under: the primary name and every alias, plus, for a
// name with a parenthesised part ("Huawei Technologies Co., Ltd. (Huawei)"), the name
// without it and the part alone. Used by Build and by the slow path alike.
struct EntryName {
  std::string text;
  bool alias = false;
  bool weak = false;   // lists::AliasKind::kWeak; listed after the entry's other names
  std::string listed;  // of a skeleton name (SkeletonNamesOf): its listed name, marked
};
std::vector<EntryName> NamesOf(const lists::ListEntry& entry);
std::vector<EntryName> NamesOf(const NamedEntry& entry);

// What the facts of an entry are compared with: the entry, or for an entry of an index
// of names (no entry kept) an empty one, which no fact agrees or conflicts with.
const lists::ListEntry& ListedFacts(const IndexedEntry& entry);
// The names of the entry at `position` of an index of names, as an entry holding them
// (the primary name first), rebuilt from what the index keeps of them.
lists::ListEntry EntryOfNames(const Index::Impl& impl, std::uint32_t position);

// An entry with what scoring reads of it precomputed (countries, dates).
IndexedEntry MakeIndexedEntry(lists::ListEntry entry);

// Key of a set of canonical tokens regardless of order: sorted, space-joined.
std::string CommonOnlyKey(std::vector<std::string_view> canons);

}  // namespace tollgate::screening

namespace tollgate::screening {

inline constexpr std::size_t kMaxQueryTokens = 32;

// A name or query normalized for scoring against this index: tokens deduplicated
// (a repeated word adds nothing), capped, with ids and weights from the index.
// ScoringToken views point into `tokens`, `phonetic` and the index (the phonetic key
// of a word the index knows): a PreparedName is moved, never copied.
struct PreparedName {
  std::vector<NameToken> tokens;
  std::vector<std::string> phonetic;  // keys worked out for words the index does not know
  std::vector<std::uint32_t> ids;     // kNoToken when the index has never seen the token
  std::vector<ScoringToken> scoring;

  PreparedName() = default;
  PreparedName(PreparedName&&) = default;
  PreparedName& operator=(PreparedName&&) = default;
  PreparedName(const PreparedName&) = delete;
  PreparedName& operator=(const PreparedName&) = delete;
};

// Tokenize, drop repeated canons, keep at most `max_tokens`.
std::vector<NameToken> DistinctTokens(std::string_view text, std::size_t max_tokens);

PreparedName PrepareName(const Index::Impl& impl, std::string_view text, std::size_t max_tokens);

// Calls `fn(number)` for each of the index's low tokens that the low token `token`
// pairs with by the scorer's rules (PairSimilarity), by a scan of Impl::low_tokens.
template <typename Fn>
void ForEachLowPartner(const Index::Impl& impl, const ScoringToken& token, Fn&& fn) {
  for (std::size_t d = 0; d < impl.low_tokens.size(); ++d) {
    EdgeKind kind = EdgeKind::kExact;
    if (PairSimilarity(token, impl.TokenOf(impl.low_tokens[d]), kind) > 0) {
      fn(static_cast<std::uint16_t>(d));
    }
  }
}

// Calls `fn(token)` for each word token of `impl` that pairs with the word `canon` as
// an abbreviation (scorer.h): the longer words `canon` begins, when it has 4..7
// letters, and the 4..7-letter words that begin it. A token may come twice.
template <typename Fn>
void ForEachAbbreviationPartner(const Index::Impl& impl, std::string_view canon, Fn&& fn) {
  if (canon.size() >= kMinAbbreviation && canon.size() <= kMaxAbbreviation) {
    impl.prefixes.ForEach(HashKey(canon, kPrefixSeed), [&](std::uint32_t t) {
      const std::string& longer = impl.token_canon[t];
      if (longer.size() >= canon.size() + 2 && longer.starts_with(canon)) fn(t);
    });
  }
  for (std::size_t len = kMinAbbreviation; len <= kMaxAbbreviation && len + 2 <= canon.size();
       ++len) {
    const std::uint32_t t = impl.FindToken(canon.substr(0, len));
    if (t != kNoToken && impl.token_class[t] == TokenClass::kWord) fn(t);
  }
}

// Hashes (kDeleteSeed) of `word` and of every variant with up to `max_deletes`
// letters deleted, sorted and without duplicates.
void DeleteVariantHashes(std::string_view word, int max_deletes, std::vector<std::uint64_t>& out);

// The word tokens of `impl` that pair with the word `canon` (letters: its LetterMask)
// by the scorer's typo rule (MaxTyposBetween edits, optimal string alignment), found
// through the deletion variants both sides are keyed by; `canon` itself included if
// the index has it. `out` receives them sorted by token and without duplicates, each
// with kTwoTypos set when the two differ by two edits; `variants` is scratch.
void TypoNeighbours(const Index::Impl& impl, std::string_view canon, std::uint64_t letters,
                    std::vector<std::uint64_t>& variants, std::vector<std::uint32_t>& out);

}  // namespace tollgate::screening
