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
  std::vector<std::uint32_t> touched;
  std::vector<std::uint32_t> forced;           // same common words exactly: bound 1
  std::vector<std::uint32_t> seen_tokens;      // walked for the current query token
  std::vector<std::uint32_t> rejected_tokens;  // too far for a typo
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
    }
    s_.touched.clear();
    s_.forced.clear();
  }

  ~Finder() {
    for (std::uint32_t n : s_.touched) {
      s_.name_bits[n] = 0;
      s_.query_bits[n] = 0;
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
  void Mark(std::uint32_t name, std::uint64_t positions, std::uint32_t query_tokens) {
    if (s_.name_bits[name] == 0) s_.touched.push_back(name);
    s_.name_bits[name] |= positions;
    s_.query_bits[name] |= query_tokens;
  }

  void Traverse(std::uint32_t token, std::uint32_t query_tokens) {
    const std::uint32_t* p = impl_.postings.data() + impl_.posting_begin[token];
    const std::uint32_t* end = impl_.postings.data() + impl_.posting_begin[token + 1];
    for (; p != end; ++p) {
      Mark(*p >> kPositionBits, std::uint64_t{1} << (*p & ((1u << kPositionBits) - 1)),
           query_tokens);
    }
  }

  // Walks a token's postings once per query token, however many keys led to it.
  bool Visited(std::uint32_t token) const {
    return std::find(s_.seen_tokens.begin(), s_.seen_tokens.end(), token) != s_.seen_tokens.end();
  }
  bool FirstVisit(std::uint32_t token) {
    if (Visited(token)) return false;
    s_.seen_tokens.push_back(token);
    return true;
  }

  void LookupToken(std::size_t i) {
    const std::uint32_t bit = 1u << i;
    const std::string_view canon = query_.scoring[i].canon;
    s_.seen_tokens.clear();
    if (query_.ids[i] != kNoToken && FirstVisit(query_.ids[i])) Traverse(query_.ids[i], bit);
    if (query_.scoring[i].token_class != TokenClass::kWord) return;

    if (const int typos = MaxTypos(canon.size()); typos > 0) {
      DeleteVariantHashes(canon, typos, s_.variants);
      s_.rejected_tokens.clear();
      for (std::uint64_t h : s_.variants) {
        impl_.deletes.ForEach(h, [&](std::uint32_t t) {
          if (Visited(t) || std::find(s_.rejected_tokens.begin(), s_.rejected_tokens.end(), t) !=
                                s_.rejected_tokens.end()) {
            return;
          }
          const std::string& other = impl_.token_canon[t];
          const int allowed = std::min(typos, MaxTypos(other.size()));
          if (allowed > 0 && BoundedOsaDistance(canon, other, allowed) <= allowed) {
            FirstVisit(t);
            Traverse(t, bit);
          } else {
            s_.rejected_tokens.push_back(t);  // may still pair phonetically below
          }
        });
      }
    }
    const std::string& key = query_.phonetic[i];
    if (!key.empty()) {
      impl_.phonetic.ForEach(HashKey(key, kPhoneticSeed), [&](std::uint32_t t) {
        if (impl_.token_phonetic[t] == key && !Visited(t) &&
            PhoneticPair(canon, impl_.token_canon[t], key)) {
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

  // Two adjacent query tokens written as one name word ("hua wei" -> huawei).
  void LookupSplit(std::size_t i) {
    s_.joined.assign(query_.scoring[i].canon);
    s_.joined += query_.scoring[i + 1].canon;
    const std::uint32_t t = impl_.FindToken(s_.joined);
    if (t == kNoToken) return;
    const std::uint32_t bits = 3u << i;
    if (IsDistinctive(impl_.token_class[t])) {
      Traverse(t, bits);
    } else {
      // They may align with a common word of any name: never count them as extra.
      maybe_aligned_ |= bits;
    }
  }

  // One query token written as two adjacent name words ("jscargument").
  void LookupJoined(std::size_t i) {
    const std::string_view canon = query_.scoring[i].canon;
    impl_.concat.ForEach(HashKey(canon, kConcatSeed), [&](std::uint32_t posting) {
      const std::uint32_t n = posting >> kPositionBits;
      const std::uint32_t p = posting & ((1u << kPositionBits) - 1);
      const IndexedName& name = impl_.names[n];
      const std::string& first = impl_.token_canon[impl_.name_tokens[name.token_begin + p]];
      const std::string& second = impl_.token_canon[impl_.name_tokens[name.token_begin + p + 1]];
      if (canon.size() == first.size() + second.size() && canon.starts_with(first) &&
          canon.ends_with(second)) {
        Mark(n, std::uint64_t{3} << p, 1u << i);
      }
    });
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
    const IndexedName& name = impl_.names[n];
    const std::uint32_t* ids = impl_.name_tokens.data() + name.token_begin;
    double reached = 0;
    for (std::uint64_t bits = s_.name_bits[n]; bits != 0; bits &= bits - 1) {
      const std::uint32_t id = ids[std::countr_zero(bits)];
      if (IsDistinctive(impl_.token_class[id])) reached += impl_.token_weight[id];
    }
    // Float sums in IndexedName: widen a little so rounding never cuts a true match.
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
