#include "screening/candidates.h"

#include <algorithm>
#include <bit>

#include "screening/edit_distance.h"

namespace tollgate::screening {
namespace {

// Per-thread marks, sized to the largest index seen and cleared after each query by
// walking `touched`, so a query costs what it reaches, not the size of the index.
struct Scratch {
  // Per name, packed so that reaching a name touches one cache line: the token
  // positions reached, the query tokens that reached it, and the weight of the
  // distinctive tokens reached (a float: NameBound allows for its rounding).
  struct NameMarks {
    std::uint64_t positions = 0;
    std::uint32_t query_tokens = 0;
    float reached = 0;
  };
  std::vector<NameMarks> marks;
  std::vector<std::uint32_t> touched;
  std::vector<std::uint32_t> forced;  // same common words exactly: bound 1
  // Per token: 2 * generation when walked for the current query token, one more when
  // found too far for a typo; a new query token takes a new generation.
  std::vector<std::uint32_t> token_state;
  std::uint32_t generation = 0;
  std::vector<std::uint64_t> variants;
  std::vector<std::uint32_t> reached_tokens;  // by the current query token, not walked
  std::string joined;
};

class Finder {
 public:
  Finder(const Index::Impl& impl, const PreparedName& query, Scratch& scratch)
      : impl_(impl), query_(query), s_(scratch) {
    if (s_.marks.size() < impl.names.size()) s_.marks.resize(impl.names.size());
    if (s_.token_state.size() < impl.token_canon.size()) {
      s_.token_state.resize(impl.token_canon.size(), 0);
    }
    s_.touched.clear();
    s_.forced.clear();
  }

  ~Finder() {
    for (std::uint32_t n : s_.touched) {
      s_.marks[n] = Scratch::NameMarks{};
    }
  }

  // Lookups run in two phases. Concatenation keys are cheap and run for every query
  // token. Then the distinctive tokens, heaviest first, walk their postings until the
  // ones left could not lift a name they alone reach to `min_name_score` (see
  // RequiredTokens); the others only mark names already reached, so a common given
  // name does not walk thousands of postings for names that cannot qualify.
  void Lookup(double min_name_score) {
    const std::size_t q = query_.tokens.size();
    for (std::size_t i = 0; i < q; ++i) {
      LookupJoined(i);
      if (i + 1 < q) LookupSplit(i);
    }
    const std::uint32_t required = RequiredTokens(min_name_score);
    for (std::size_t i = 0; i < q; ++i) {
      if (required >> i & 1) LookupToken(i, true);
    }
    for (std::size_t i = 0; i < q; ++i) {
      if (!IsDistinctive(query_.scoring[i].token_class) || (required >> i & 1)) continue;
      LookupToken(i, false);
      MarkReachedNames(i);
    }
    LookupCommonOnly();
  }

  std::vector<Candidate> Bound(double min_name_score) const {
    std::vector<Candidate> out;
    std::uint32_t initials = 0;
    for (const auto& token : query_.scoring) initials += token.token_class == TokenClass::kInitial;
    // Which query tokens reached a name already bounds its score; most names reached
    // only by a common word fail that test without reading the name's own data.
    constexpr std::size_t kMaxMemoTokens = 12;
    const std::size_t q = query_.scoring.size();
    std::vector<float> by_tokens(q <= kMaxMemoTokens ? std::size_t{1} << q : 0, -1.0f);
    for (std::uint32_t n : s_.touched) {
      const std::uint32_t tokens = s_.marks[n].query_tokens;
      if (!by_tokens.empty()) {
        float& memo = by_tokens[tokens];
        if (memo < 0) memo = static_cast<float>(TokensBound(tokens));
        if (memo < min_name_score - 1e-4) continue;
      }
      const double bound = NameBound(n, initials);
      if (bound >= min_name_score) out.push_back({n, bound});
    }
    // Names without distinctive tokens are never reached by a lookup above.
    for (std::uint32_t n : s_.forced) out.push_back({n, 1.0});
    return out;
  }

 private:
  // Marks name positions reached; `weight` is added once per newly reached position
  // (the weight of the distinctive token there, 0 for the others).
  void Mark(std::uint32_t name, std::uint64_t position, std::uint32_t query_tokens, double weight) {
    Scratch::NameMarks& marks = s_.marks[name];
    if (marks.positions == 0) s_.touched.push_back(name);
    if (!(marks.positions & position)) marks.reached += static_cast<float>(weight);
    marks.positions |= position;
    marks.query_tokens |= query_tokens;
  }

  void Traverse(std::uint32_t token, std::uint32_t query_tokens) {
    const double weight = impl_.token_weight[token];
    const std::uint32_t* p = impl_.postings.data() + impl_.posting_begin[token];
    const std::uint32_t* end = impl_.postings.data() + impl_.posting_begin[token + 1];
    for (; p != end; ++p) {
      Mark(*p >> kPositionBits, std::uint64_t{1} << (*p & ((1u << kPositionBits) - 1)),
           query_tokens, weight);
    }
  }

  // Like Traverse, but only for names some lookup already reached.
  void TraverseReached(std::uint32_t token, std::uint32_t query_tokens) {
    const double weight = impl_.token_weight[token];
    const std::uint32_t* p = impl_.postings.data() + impl_.posting_begin[token];
    const std::uint32_t* end = impl_.postings.data() + impl_.posting_begin[token + 1];
    for (; p != end; ++p) {
      const std::uint32_t n = *p >> kPositionBits;
      if (s_.marks[n].positions == 0) continue;
      Mark(n, std::uint64_t{1} << (*p & ((1u << kPositionBits) - 1)), query_tokens, weight);
    }
  }

  // A distinctive token the query token at `i` reaches: walk its postings now, or
  // keep it for MarkReachedNames.
  void Reach(std::uint32_t token, std::size_t i, bool walk) {
    if (!FirstVisit(token)) return;
    if (walk) {
      Traverse(token, 1u << i);
    } else {
      s_.reached_tokens.push_back(token);
    }
  }

  // Query tokens that must walk all their postings, as a bit set. Aligned as well as
  // they possibly can (a distinctive token to a name word of weight at most 1, or 2
  // when a listed pair of words spells it; a legal form, common word or particle to
  // one of the name's of at most kLowCap; an initial to a word of at most 1), the
  // tokens outside the set give a name at most M of aligned weight; if the required
  // tokens reached nothing in a name, they are all extra there, weighing X, and the
  // name scores at most 2M / (2M + kExtraFactor * X). Heaviest tokens are required
  // first until that bound drops below `min_name_score`.
  std::uint32_t RequiredTokens(double min_name_score) const {
    constexpr double kLowCap = 0.3;
    double aligned = 0;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < query_.scoring.size(); ++i) {
      const ScoringToken& token = query_.scoring[i];
      if (!IsDistinctive(token.token_class)) {
        aligned += token.token_class == TokenClass::kInitial ? 1.0 : kLowCap;
        continue;
      }
      aligned += (joinable_ >> i & 1) ? 2.0 : 1.0;
      // A token that may align with a common word is never surely extra.
      if (!(maybe_aligned_ >> i & 1)) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return query_.scoring[a].weight > query_.scoring[b].weight;
    });
    std::uint32_t required = 0;
    double extra = 0;
    for (std::size_t i : order) {
      if (2 * aligned / (2 * aligned + kExtraFactor * extra) < min_name_score - 1e-6) break;
      required |= 1u << i;
      aligned -= (joinable_ >> i & 1) ? 2.0 : 1.0;
      extra += query_.scoring[i].weight;
    }
    return required;
  }

  // Marks, in the names already reached, where the tokens that the query token at `i`
  // reached stand: by walking those tokens' postings or by reading the reached names,
  // whichever is shorter.
  void MarkReachedNames(std::size_t i) {
    std::size_t postings = 0;
    for (std::uint32_t t : s_.reached_tokens) {
      postings += impl_.posting_begin[t + 1] - impl_.posting_begin[t];
    }
    constexpr std::size_t kTokensPerName = 4;  // reading a name costs about that many
    if (postings <= kTokensPerName * s_.touched.size()) {
      for (std::uint32_t t : s_.reached_tokens) TraverseReached(t, 1u << i);
      return;
    }
    for (const std::uint32_t n : s_.touched) {
      const IndexedName& name = impl_.names[n];
      for (std::uint32_t p = 0; p < name.token_count; ++p) {
        const std::uint32_t id = impl_.name_tokens[name.token_begin + p];
        if (Visited(id)) Mark(n, std::uint64_t{1} << p, 1u << i, impl_.token_weight[id]);
      }
    }
  }

  void NextGeneration() {
    if (s_.generation >= 0x7ffffffeu) {
      std::fill(s_.token_state.begin(), s_.token_state.end(), 0);
      s_.generation = 0;
    }
    ++s_.generation;
  }
  bool Visited(std::uint32_t token) const { return s_.token_state[token] == 2 * s_.generation; }
  bool Rejected(std::uint32_t token) const {
    return s_.token_state[token] == 2 * s_.generation + 1;
  }
  void Reject(std::uint32_t token) { s_.token_state[token] = 2 * s_.generation + 1; }
  bool FirstVisit(std::uint32_t token) {
    if (Visited(token)) return false;
    s_.token_state[token] = 2 * s_.generation;
    return true;
  }

  // Exact, typo, phonetic and prefix lookups of the distinctive query token at `i`;
  // every token they reach is left visited, and walked when `walk`.
  void LookupToken(std::size_t i, bool walk) {
    const std::string_view canon = query_.scoring[i].canon;
    NextGeneration();
    s_.reached_tokens.clear();
    if (query_.ids[i] != kNoToken) Reach(query_.ids[i], i, walk);
    if (query_.scoring[i].token_class != TokenClass::kWord) return;

    if (MaxTypos(canon.size()) > 0) {
      DeleteVariantHashes(canon, DeletionsFor(canon.size()), s_.variants);
      for (std::uint64_t h : s_.variants) impl_.deletes.Prefetch(h);
      for (std::uint64_t h : s_.variants) {
        impl_.deletes.ForEach(h, [&](std::uint32_t t) {
          if (Visited(t) || Rejected(t)) return;
          const std::string& other = impl_.token_canon[t];
          const int allowed = MaxTyposBetween(canon.size(), other.size());
          if (allowed > 0 && BoundedOsaDistance(canon, other, allowed) <= allowed) {
            Reach(t, i, walk);
          } else {
            Reject(t);  // may still pair phonetically below
          }
        });
      }
    }
    const std::string& key = query_.phonetic[i];
    if (!key.empty()) {
      impl_.phonetic.ForEach(HashKey(key, kPhoneticSeed), [&](std::uint32_t t) {
        if (impl_.token_phonetic[t] == key && !Visited(t) &&
            PhoneticPair(canon, impl_.token_canon[t])) {
          Reach(t, i, walk);
        }
      });
    }
    if (canon.size() >= kMinAbbreviation && canon.size() <= kMaxAbbreviation) {
      impl_.prefixes.ForEach(HashKey(canon, kPrefixSeed), [&](std::uint32_t t) {
        const std::string& longer = impl_.token_canon[t];
        if (longer.size() >= canon.size() + 2 && longer.starts_with(canon)) Reach(t, i, walk);
      });
    }
    for (std::size_t len = kMinAbbreviation; len <= kMaxAbbreviation && len + 2 <= canon.size();
         ++len) {
      const std::uint32_t t = impl_.FindToken(canon.substr(0, len));
      if (t != kNoToken && impl_.token_class[t] == TokenClass::kWord) Reach(t, i, walk);
    }
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
      if (t != kNoToken && IsDistinctive(impl_.token_class[t])) Traverse(t, bits);
      // Joined they may also spell a legal form or common word of any name: then they
      // are never counted as surely extra.
      if ((t != kNoToken && !IsDistinctive(impl_.token_class[t])) || IsLowText(s_.joined)) {
        maybe_aligned_ |= bits;
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
        joinable_ |= 1u << i;
        for (const ScoringToken* part : {&first, &second}) {
          const std::uint32_t k = part == &first ? p : p + 1;
          Mark(n, std::uint64_t{1} << k, 1u << i,
               IsDistinctive(part->token_class) ? part->weight : 0.0);
        }
      });
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

  // Bound of the score of any name that exactly the query tokens in `reached` (a bit
  // set) reached: each of those aligned as well as it can, as in RequiredTokens, and
  // every other distinctive token extra.
  double TokensBound(std::uint32_t reached) const {
    constexpr double kLowCap = 0.3;
    double aligned = 0;
    double extra = 0;
    for (std::size_t i = 0; i < query_.scoring.size(); ++i) {
      const ScoringToken& token = query_.scoring[i];
      if (!IsDistinctive(token.token_class)) {
        aligned += token.token_class == TokenClass::kInitial ? 1.0 : kLowCap;
      } else if ((reached >> i & 1) || (maybe_aligned_ >> i & 1)) {
        aligned += (joinable_ >> i & 1) ? 2.0 : 1.0;
      } else {
        extra += token.weight;
      }
    }
    return aligned > 0 ? 2 * aligned / (2 * aligned + kExtraFactor * extra) : 0;
  }

  double NameBound(std::uint32_t n, std::uint32_t query_initials) const {
    const NameBoundData& name = impl_.name_bounds[n];
    const double reached = s_.marks[n].reached;
    // Float sums (NameBoundData, NameMarks): widen a little so rounding never cuts a
    // true match.
    constexpr double kSlack = 1e-5;
    const double total = name.total_weight + kSlack;
    const double aligned =
        std::min(total, reached + name.low_weight + query_initials * name.max_weight + kSlack);
    double extra = 0;
    for (std::size_t i = 0; i < query_.scoring.size(); ++i) {
      const bool hit = (s_.marks[n].query_tokens >> i & 1) || (maybe_aligned_ >> i & 1);
      if (!hit && IsDistinctive(query_.scoring[i].token_class)) extra += query_.scoring[i].weight;
    }
    const double denominator = 2 * aligned +
                               kMissingFactor * std::max(0.0, total - aligned - kSlack) +
                               kExtraFactor * std::max(0.0, extra - kSlack);
    double bound = denominator > 0 ? 2 * aligned / denominator : 0;
    if (reached == 0) bound = std::min(bound, kCommonOnlyCap);
    return bound;
  }

  const Index::Impl& impl_;
  const PreparedName& query_;
  Scratch& s_;
  std::uint32_t maybe_aligned_ = 0;
  std::uint32_t joinable_ = 0;  // query tokens that some listed pair of words spells
};

}  // namespace

std::vector<Candidate> FindCandidates(const Index::Impl& impl, const PreparedName& query,
                                      double min_name_score) {
  thread_local Scratch scratch;
  Finder finder(impl, query, scratch);
  finder.Lookup(min_name_score);
  return finder.Bound(min_name_score);
}

}  // namespace tollgate::screening
