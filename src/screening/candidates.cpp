#include "screening/candidates.h"

#include <algorithm>
#include <bit>

#include "screening/edit_distance.h"

namespace tollgate::screening {
namespace {

// Per-thread marks, sized to the largest index seen and cleared after each query by
// walking `touched`, so a query costs what it reaches, not the size of the index.
struct Scratch {
  std::vector<std::uint64_t> name_bits;   // per name: token positions reached
  std::vector<std::uint32_t> query_bits;  // per name: query tokens that reached it
  std::vector<double> reached;            // per name: weight of distinctive tokens reached
  std::vector<std::uint32_t> touched;
  std::vector<std::uint32_t> forced;  // same common words exactly: bound 1
  // Per token: 2 * generation when walked for the current query token, one more when
  // found too far for a typo; a new query token takes a new generation.
  std::vector<std::uint32_t> token_state;
  std::uint32_t generation = 0;
  std::vector<std::uint64_t> variants;
  std::string joined;
};

class Finder {
 public:
  Finder(const Index::Impl& impl, const PreparedName& query, Scratch& scratch)
      : impl_(impl), query_(query), s_(scratch) {
    if (s_.name_bits.size() < impl.names.size()) {
      s_.name_bits.resize(impl.names.size(), 0);
      s_.query_bits.resize(impl.names.size(), 0);
      s_.reached.resize(impl.names.size(), 0);
    }
    if (s_.token_state.size() < impl.token_canon.size()) {
      s_.token_state.resize(impl.token_canon.size(), 0);
    }
    s_.touched.clear();
    s_.forced.clear();
  }

  ~Finder() {
    for (std::uint32_t n : s_.touched) {
      s_.name_bits[n] = 0;
      s_.query_bits[n] = 0;
      s_.reached[n] = 0;
    }
  }

  void Lookup() {
    const std::size_t q = query_.tokens.size();
    for (std::size_t i = 0; i < q; ++i) {
      if (IsDistinctive(query_.scoring[i].token_class)) LookupToken(i);
      LookupJoined(i);
      if (i + 1 < q) LookupSplit(i);
    }
    LookupCommonOnly();
  }

  std::vector<Candidate> Bound(double min_name_score) const {
    std::vector<Candidate> out;
    std::uint32_t initials = 0;
    for (const auto& token : query_.scoring) initials += token.token_class == TokenClass::kInitial;
    for (std::uint32_t n : s_.touched) {
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
    std::uint64_t& bits = s_.name_bits[name];
    if (bits == 0) s_.touched.push_back(name);
    if (!(bits & position)) s_.reached[name] += weight;
    bits |= position;
    s_.query_bits[name] |= query_tokens;
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

  void LookupToken(std::size_t i) {
    const std::uint32_t bit = 1u << i;
    const std::string_view canon = query_.scoring[i].canon;
    NextGeneration();
    if (query_.ids[i] != kNoToken && FirstVisit(query_.ids[i])) Traverse(query_.ids[i], bit);
    if (query_.scoring[i].token_class != TokenClass::kWord) return;

    if (const int typos = MaxTypos(canon.size()); typos > 0) {
      DeleteVariantHashes(canon, typos, s_.variants);
      for (std::uint64_t h : s_.variants) impl_.deletes.Prefetch(h);
      for (std::uint64_t h : s_.variants) {
        impl_.deletes.ForEach(h, [&](std::uint32_t t) {
          if (Visited(t) || Rejected(t)) return;
          const std::string& other = impl_.token_canon[t];
          const int allowed = std::min(typos, MaxTypos(other.size()));
          if (allowed > 0 && BoundedOsaDistance(canon, other, allowed) <= allowed) {
            FirstVisit(t);
            Traverse(t, bit);
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
          FirstVisit(t);
          Traverse(t, bit);
        }
      });
    }
    if (canon.size() >= kMinAbbreviation && canon.size() <= kMaxAbbreviation) {
      impl_.prefixes.ForEach(HashKey(canon, kPrefixSeed), [&](std::uint32_t t) {
        const std::string& longer = impl_.token_canon[t];
        if (longer.size() >= canon.size() + 2 && longer.starts_with(canon) && FirstVisit(t)) {
          Traverse(t, bit);
        }
      });
    }
    for (std::size_t len = kMinAbbreviation; len <= kMaxAbbreviation && len + 2 <= canon.size();
         ++len) {
      const std::uint32_t t = impl_.FindToken(canon.substr(0, len));
      if (t != kNoToken && impl_.token_class[t] == TokenClass::kWord && FirstVisit(t)) {
        Traverse(t, bit);
      }
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
      if (!IsDistinctive(ClassifyFoldedWord(s_.joined).token_class)) maybe_aligned_ |= bits;
    }
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

  double NameBound(std::uint32_t n, std::uint32_t query_initials) const {
    const NameBoundData& name = impl_.name_bounds[n];
    const double reached = s_.reached[n];
    // Float sums in NameBoundData: widen a little so rounding never cuts a true match.
    constexpr double kSlack = 1e-5;
    const double total = name.total_weight + kSlack;
    const double aligned =
        std::min(total, reached + name.low_weight + query_initials * name.max_weight + kSlack);
    double extra = 0;
    if (!name.has_initial) {
      for (std::size_t i = 0; i < query_.scoring.size(); ++i) {
        const bool hit = (s_.query_bits[n] >> i & 1) || (maybe_aligned_ >> i & 1);
        if (!hit && IsDistinctive(query_.scoring[i].token_class)) {
          extra += query_.scoring[i].weight;
        }
      }
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
};

}  // namespace

std::vector<Candidate> FindCandidates(const Index::Impl& impl, const PreparedName& query,
                                      double min_name_score) {
  thread_local Scratch scratch;
  Finder finder(impl, query, scratch);
  finder.Lookup();
  return finder.Bound(min_name_score);
}

}  // namespace tollgate::screening
