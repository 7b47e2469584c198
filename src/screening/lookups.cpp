// The lookups of candidate generation (lookups.h), one query at a time.
#include "screening/lookups.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "screening/edit_distance.h"
#include "screening/evasion.h"
#include "screening/given_names/given_names.h"

namespace tollgate::screening {
namespace {

class Lookups {
 public:
  Lookups(const Index::Impl& impl, const PreparedName& query, Scratch& scratch, LookupFacts& facts)
      : impl_(impl), query_(query), s_(scratch), facts_(facts) {}

  // Concatenation keys first (they mark every name they reach), then the terms of each
  // distinctive query token, which candidates.cpp walks.
  void Run() {
    const std::size_t q = query_.tokens.size();
    for (std::size_t i = 0; i < q; ++i) {
      LookupJoined(i);
      if (i + 1 < q) LookupSplit(i);
    }
    for (std::size_t i = 0; i < q; ++i) {
      if (IsDistinctive(query_.scoring[i].token_class)) LookupToken(i);
    }
    FindLowPartners();
    LookupCommonOnly();
  }

 private:
  void NextGeneration() {
    if (s_.generation == 0xffffffffu) {
      std::fill(s_.token_state.begin(), s_.token_state.end(), 0);
      s_.generation = 0;
    }
    ++s_.generation;
  }
  bool Visited(std::uint32_t token) const { return s_.token_state[token] == s_.generation; }
  bool FirstVisit(std::uint32_t token) {
    if (Visited(token)) return false;
    s_.token_state[token] = s_.generation;
    return true;
  }

  // A distinctive token the query token at `i` reaches: a term to walk. Its weight is
  // the token's times `similarity`, at least the similarity the scorer will find for
  // the pair, so sums of term weights are the E of score_bound.h (1). Always inlined:
  // this file alone is small, so GCC's unit-growth limit left it out of line, which cost
  // instructions (with candidates.cpp's MarksBound, 1.3% a query; BENCHMARKS.md).
  [[gnu::always_inline]] void Reach(std::uint32_t token, std::size_t i, double similarity) {
    if (!FirstVisit(token)) return;
    const double weight = similarity * impl_.token_weight[token];
    s_.terms.push_back({token, static_cast<std::uint32_t>(i), weight, 0, 0, 0, 0});
    Scratch::TokenTerms& terms = s_.token_terms[token];
    terms.bits |= 1u << i;
    terms.weight = std::max(terms.weight, static_cast<float>(weight));
    facts_.term_filter[TermFilterBit(token) >> 6] |= std::uint64_t{1}
                                                     << (TermFilterBit(token) & 63);
    // PostingWords list a name's distinctive tokens only.
    if (!IsDistinctive(impl_.token_class[token])) facts_.low_term = true;
  }

  // Reach, or when `token` is already a term of query token `i`, raises its weight to
  // `similarity` times the token's weight: a term's weight must be at least the best
  // rule's similarity for the pair, whichever lookup found the token first.
  void ReachAtLeast(std::uint32_t token, std::size_t i, double similarity) {
    if (!Visited(token)) {
      Reach(token, i, similarity);
      return;
    }
    const double weight = similarity * impl_.token_weight[token];
    for (auto it = s_.terms.rbegin(); it != s_.terms.rend() && it->query == i; ++it) {
      if (it->token == token) it->weight = std::max(it->weight, weight);
    }
    Scratch::TokenTerms& terms = s_.token_terms[token];
    terms.weight = std::max(terms.weight, static_cast<float>(weight));
  }

  // The given names the table pairs with the query word at `i` ("bill" -> william),
  // and the readings of a word with look-alike ones ("kha1i1" -> khalil; the reading
  // with every '1' an i is the canon, looked up already).
  void LookupNicknamesAndReadings(std::size_t i) {
    const ScoringToken& token = query_.scoring[i];
    for (const std::string_view partner : NicknamePartners(token.canon)) {
      const std::uint32_t t = impl_.FindToken(partner);
      if (t != kNoToken && impl_.token_class[t] == TokenClass::kWord) {
        ReachAtLeast(t, i, kNicknameSimilarity);
      }
    }
    if (token.text == token.canon || !HasLookAlike(token.text)) return;
    ForEachOtherReading(token.text, token.canon, [&](std::string_view reading) {
      const std::uint32_t t = impl_.FindToken(reading);
      if (t != kNoToken && impl_.token_class[t] == TokenClass::kWord) {
        ReachAtLeast(t, i, kLookAlikeSimilarity);
      }
    });
  }

  // Exact, typo, phonetic and prefix lookups of the distinctive query token at `i`;
  // every token they reach becomes a term.
  void LookupToken(std::size_t i) {
    const std::string_view canon = query_.scoring[i].canon;
    const std::uint64_t letters = query_.scoring[i].letters;
    NextGeneration();
    if (query_.ids[i] != kNoToken) Reach(query_.ids[i], i, 1.0);
    if (query_.scoring[i].token_class != TokenClass::kWord) return;

    // A pair within typo distance scores 1 - kTypoCost d / (the longer length), which
    // is at most this (the other word has at most d letters more), and never less than
    // a phonetic pair or an abbreviation (a pair of words within typo distance has no
    // better rule; see MaxTypos).
    auto typo_similarity = [&](std::uint32_t entry) {
      const int d = TyposOf(entry);
      return std::max({kPhoneticSimilarity, kAbbreviationSimilarity,
                       1.0 - kTypoCost * d / static_cast<double>(canon.size() + d)});
    };
    if (query_.ids[i] != kNoToken) {
      const std::uint32_t id = query_.ids[i];
      for (std::uint32_t entry : impl_.typo_pairs.Of(id)) {
        Reach(TokenOf(entry), i, typo_similarity(entry));
      }
    } else {
      TypoNeighbours(impl_, canon, letters, s_.variants, s_.neighbours);
      for (std::uint32_t entry : s_.neighbours) {
        Reach(TokenOf(entry), i, typo_similarity(entry));
      }
    }
    // Words that are not within typo distance pair phonetically or as an abbreviation.
    const double other_similarity = std::max(kPhoneticSimilarity, kAbbreviationSimilarity);
    const std::string_view key = query_.scoring[i].phonetic;
    if (!key.empty() && query_.ids[i] != kNoToken) {
      const std::uint32_t id = query_.ids[i];
      for (std::uint32_t t : impl_.phonetic_pairs.Of(id)) Reach(t, i, other_similarity);
    } else if (!key.empty()) {
      impl_.phonetic.ForEach(HashKey(key, kPhoneticSeed), [&](std::uint32_t t) {
        if (impl_.token_phonetic[t] == key && !Visited(t) &&
            !TooManyMissingLetters(
                letters, impl_.token_letters[t],
                MaxPhoneticEdits(std::max(canon.size(), impl_.token_canon[t].size()))) &&
            PhoneticPair(canon, impl_.token_canon[t])) {
          Reach(t, i, other_similarity);
        }
      });
    }
    if (query_.ids[i] != kNoToken) {
      const std::uint32_t id = query_.ids[i];
      for (std::uint32_t t : impl_.abbreviation_pairs.Of(id)) Reach(t, i, other_similarity);
    } else {
      ForEachAbbreviationPartner(impl_, canon,
                                 [&](std::uint32_t t) { Reach(t, i, other_similarity); });
    }
    LookupNicknamesAndReadings(i);
  }

  // Two adjacent query tokens written as one name word ("hua wei" -> huawei,
  // "corpo ration" -> corporation), by canonical forms or as written.
  void LookupSplit(std::size_t i) {
    const std::uint32_t bits = 3u << i;
    for (int form = 0; form < 2; ++form) {
      const ScoringToken& a = query_.scoring[i];
      const ScoringToken& b = query_.scoring[i + 1];
      s_.joined.assign(form == 0 ? a.canon : a.text);
      s_.joined += form == 0 ? b.canon : b.text;
      if (form == 1 && a.text == a.canon && b.text == b.canon) break;
      const std::uint32_t t = impl_.FindToken(s_.joined);
      if (t != kNoToken && IsDistinctive(impl_.token_class[t])) {
        MarkPostings(impl_, s_.marks, t, impl_.posting_begin[t], impl_.posting_begin[t + 1], bits);
        facts_.concat.split |= bits;
      }
      // Joined they may also spell a legal form or common word of any name: then they
      // are never counted as surely extra.
      if ((t != kNoToken && !IsDistinctive(impl_.token_class[t])) || IsLowText(s_.joined)) {
        facts_.concat.maybe_aligned |= bits;
      }
    }
  }

  // True when some listed name writes a legal form or common word this way.
  bool IsLowText(std::string_view text) const {
    bool found = false;
    impl_.low_texts.ForEach(HashKey(text, kLowTextSeed),
                            [&](std::uint32_t id) { found = found || impl_.texts[id] == text; });
    return found;
  }

  // One query token written as two adjacent name words ("jscargument").
  void LookupJoined(std::size_t i) {
    const ScoringToken& token = query_.scoring[i];
    for (const std::string_view form : {token.canon, token.text}) {
      if (form.data() != token.canon.data() && form == token.canon) break;
      impl_.concat.ForEach(HashKey(form, kConcatSeed), [&](std::uint32_t posting) {
        const std::uint32_t n = posting >> kPositionBits;
        const std::uint32_t p = posting & ((1u << kPositionBits) - 1);
        const IndexedName& name = impl_.names[n];
        const ScoringToken first = impl_.NameToken(name.token_begin + p);
        const ScoringToken second = impl_.NameToken(name.token_begin + p + 1);
        const bool canon_joined = form.size() == first.canon.size() + second.canon.size() &&
                                  form.starts_with(first.canon) && form.ends_with(second.canon);
        const bool text_joined = form.size() == first.text.size() + second.text.size() &&
                                 form.starts_with(first.text) && form.ends_with(second.text);
        if (!canon_joined && !text_joined) return;
        facts_.concat.joinable |= 1u << i;
        const NameWeights& bound = impl_.name_bounds[n];
        for (const ScoringToken* part : {&first, &second}) {
          const std::uint32_t k = part == &first ? p : p + 1;
          Update(s_.marks.FindOrAdd(n, bound), std::uint64_t{1} << k, 1u << i,
                 IsDistinctive(part->token_class) ? part->weight : 0.0);
        }
      });
    }
  }

  // Which of the index's legal forms, common words and initials the query's own could
  // align (Scratch::low_alignable, by dense number); every one when a concatenation of
  // query words may spell one or a query word may cover one with its neighbour in a
  // name.
  void FindLowPartners() {
    facts_.any_low = (facts_.concat.maybe_aligned | facts_.concat.joinable) != 0;
    std::vector<float>& alignable = s_.low_alignable;
    if (alignable.size() < impl_.low_tokens.size()) alignable.resize(impl_.low_tokens.size(), 0);
    for (std::uint16_t number : s_.low_set) alignable[number] = 0;  // the last query's
    s_.low_set.clear();
    auto add = [&](std::uint16_t number) {
      if (alignable[number] != 0) return;
      alignable[number] = static_cast<float>(impl_.token_weight[impl_.low_tokens[number]]);
      s_.low_set.push_back(number);
    };
    for (std::size_t i = 0; i < query_.scoring.size() && !facts_.any_low; ++i) {
      if (IsDistinctive(query_.scoring[i].token_class)) continue;
      const std::uint32_t id = query_.ids[i];
      const std::uint16_t number = id != kNoToken ? impl_.low_number[id] : kManyLowTokens;
      if (number != kManyLowTokens) {
        for (std::uint16_t partner : impl_.low_partners.Of(number)) add(partner);
      } else if (id == kNoToken) {
        ForEachLowPartner(impl_, query_.scoring[i], add);
      } else {
        facts_.any_low = true;  // an index token past the numbered ones
      }
    }
  }

  void LookupCommonOnly() {
    std::vector<std::string_view> canons;
    for (const auto& token : query_.scoring) {
      if (IsDistinctive(token.token_class)) return;
      canons.push_back(token.canon);
    }
    if (canons.empty()) return;
    const std::string key = CommonOnlyKey(canons);
    impl_.common_only.ForEach(HashKey(key, kCommonOnlySeed), [&](std::uint32_t n) {
      const IndexedName& name = impl_.names[n];
      std::vector<std::string_view> name_canons;
      for (std::uint32_t p = 0; p < name.token_count; ++p) {
        name_canons.push_back(impl_.token_canon[impl_.name_tokens[name.token_begin + p]]);
      }
      if (CommonOnlyKey(std::move(name_canons)) == key) s_.forced.push_back(n);
    });
  }

  const Index::Impl& impl_;
  const PreparedName& query_;
  Scratch& s_;
  LookupFacts& facts_;
};

}  // namespace

void LookUp(const Index::Impl& impl, const PreparedName& query, Scratch& scratch,
            LookupFacts& facts) {
  Lookups(impl, query, scratch, facts).Run();
}

}  // namespace tollgate::screening
