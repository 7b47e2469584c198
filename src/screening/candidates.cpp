// Candidate generation (candidates.h): the lookups (lookups.cpp) reach terms and
// mark names (mark_table.h); here the terms walk their postings and every marked name
// is bounded with the formulas of score_bound.h.
#include "screening/candidates.h"

#include <algorithm>
#include <array>
#include <functional>
#include <tuple>
#include <utility>

#include "screening/lookups.h"
#include "screening/score_bound.h"

namespace tollgate::screening {
namespace {

// The most a legal form, common word, particle or initial weighs (ClassWeight).
constexpr double kLowCap = 0.3;

class Finder {
 public:
  Finder(const Index::Impl& impl, const PreparedName& query, Scratch& scratch)
      : impl_(impl), query_(query), s_(scratch), memo_(query.scoring.size() <= kMaxMemoTokens) {
    if (s_.token_state.size() < impl.token_canon.size()) {
      s_.token_state.resize(impl.token_canon.size(), 0);
      s_.token_terms.resize(impl.token_canon.size());
    }
    s_.marks.Clear();
    s_.forced.clear();
    s_.terms.clear();
    s_.skipped.clear();
  }

  ~Finder() {
    s_.marks.Clear();
    for (const Scratch::Term& term : s_.terms) s_.token_terms[term.token] = {};
  }

  // Lookups run in two phases. Concatenation keys are cheap and walk every name they
  // reach (lookups.cpp). Then every distinctive query token collects the index tokens
  // it reaches (its terms), and the terms walk their postings, heaviest (rarest) first,
  // admitting only the names that could still reach `min_name_score` (see WalkTerms).
  void Lookup(double min_name_score) {
    LookUp(impl_, query_, s_, facts_);
    PrepareBounds();
    marked_early_ = !s_.marks.entries().empty();
    WalkTerms(min_name_score);
  }

  void Bound(double min_name_score, std::vector<Candidate>& out) const {
    out.clear();
    for (const MarkTable::Entry& marks : s_.marks.entries()) {
      const double bound = MarksBound(marks, min_name_score);
      if (bound >= min_name_score) out.push_back({marks.name, bound});
    }
    // Names without distinctive tokens are never reached by a lookup above.
    for (std::uint32_t n : s_.forced) out.push_back({n, 1.0});
  }

 private:
  // What the bounds read of the query, once its lookups are done: its initials, and
  // an empty memo of TokensBound by the set of query tokens that reach a name.
  void PrepareBounds() {
    for (const auto& token : query_.scoring) {
      if (token.token_class == TokenClass::kInitial) {
        initials_.bits[initials_.count++] = InitialBit(token.canon.front());
      }
    }
    for (const Scratch::Term& term : s_.terms) {
      heaviest_term_[term.query] = std::max(heaviest_term_[term.query], term.weight);
    }
    PrepareLowExtra();
    const std::size_t q = query_.scoring.size();
    if (memo_) {
      s_.memo_bound.assign(std::size_t{1} << q, -1.0f);
      s_.memo_extra.assign(std::size_t{1} << q, -1.0f);
    }
  }

  // The query's legal forms, common words and particles pair only with a name's own
  // (scorer.h), so a name with n of those that the query can align (LowAlignable)
  // leaves all but n of them extra: at least the lightest, whose weights
  // low_extra_.after[n] sums (heaviest first). Tokens a concatenation may align are
  // left out, and nothing is counted when FindLowPartners could not tell.
  void PrepareLowExtra() {
    low_extra_.count = 0;
    if (facts_.any_low) return;
    const LookupFacts::Concatenations& c = facts_.concat;
    const std::uint32_t concatenated = c.split | c.maybe_aligned | c.joinable;
    double weights[kMaxQueryTokens];
    for (std::size_t i = 0; i < query_.scoring.size(); ++i) {
      const ScoringToken& token = query_.scoring[i];
      if (IsDistinctive(token.token_class) || token.token_class == TokenClass::kInitial ||
          (concatenated >> i & 1)) {
        continue;
      }
      weights[low_extra_.count++] = token.weight;
    }
    std::sort(weights, weights + low_extra_.count, std::greater<>());
    low_extra_.after[low_extra_.count] = 0;
    for (std::size_t n = low_extra_.count; n-- > 0;) {
      low_extra_.after[n] = low_extra_.after[n + 1] + weights[n];
    }
  }

  // Weight of the query's legal forms, common words and particles that the name with
  // `weights` surely leaves extra (PrepareLowExtra).
  double LowExtra(const NameWeights& weights) const {
    const LowTokens& low = weights.low_tokens;
    if (low_extra_.count == 0 || low.count == kManyLowTokens) return 0;
    std::size_t alignable = 0;
    for (std::uint16_t k = 0; k < low.count; ++k) alignable += s_.low_alignable[low.ids[k]] != 0;
    return low_extra_.after[std::min(alignable, low_extra_.count)];
  }

  // The weight of a name's low tokens that some query token could align: all of it
  // when FindLowPartners could not tell.
  double LowAlignable(const NameWeights& name) const {
    const LowTokens& low = name.low_tokens;
    if (facts_.any_low || low.count == kManyLowTokens) return name.low_weight;
    double weight = 0;
    for (std::uint16_t k = 0; k < low.count; ++k) weight += s_.low_alignable[low.ids[k]];
    return weight;
  }

  // Bound of the score of a name with `marks`; -1 when the query tokens that reached
  // it already fail `min_name_score`. Which query tokens reached a name bounds its
  // score before its own weights are read: most names reached only by a common word
  // fail there. The weight of the query tokens that did not reach it is kept beside.
  // Always inlined: it runs for most postings a walk admits, and out of line (with
  // lookups.cpp's Reach and a recomputed memo_) a query took 1.3% more instructions
  // (callgrind, BENCHMARKS.md "The screening core split").
  [[gnu::always_inline]] double MarksBound(const MarkTable::Entry& marks,
                                           double min_name_score) const {
    const std::uint32_t tokens = marks.query_tokens;
    if (TokensFail(tokens, min_name_score)) return -1;
    return NameBound(marks, Extra(tokens));
  }

  // ExtraWeight(tokens), from the memo once TokensFail has filled it.
  double Extra(std::uint32_t tokens) const {
    return memo_ ? s_.memo_extra[tokens] : ExtraWeight(tokens);
  }

  // True when no name that exactly the query tokens `tokens` reached can reach
  // `min_name_score`, whatever its own weights (TokensBound, memoized with ExtraWeight).
  bool TokensFail(std::uint32_t tokens, double min_name_score) const {
    if (!memo_) return SurelyBelow(TokensBound(tokens), min_name_score);
    float& bound = s_.memo_bound[tokens];
    if (bound < 0) {
      bound = static_cast<float>(TokensBound(tokens));
      s_.memo_extra[tokens] = static_cast<float>(ExtraWeight(tokens));
    }
    return SurelyBelow(bound, min_name_score);
  }

  // Marks the name of posting `k` (its position in it) as reached by `query_tokens`.
  void MarkPosting(std::uint32_t k, std::uint32_t query_tokens, double weight) {
    const std::uint32_t posting = impl_.postings[k];
    Update(s_.marks.FindOrAdd(posting >> kPositionBits, impl_.posting_bounds[k]),
           PositionBit(posting), query_tokens, weight);
  }

  // Like MarkPostings, but only for names some lookup already reached.
  void TraverseReached(std::uint32_t token, std::uint32_t begin, std::uint32_t end,
                       std::uint32_t query_tokens) {
    const double weight = s_.token_terms[token].weight;
    const std::uint32_t* postings = impl_.postings.data();
    for (std::uint32_t k = begin; k < end; ++k) {
      MarkTable::Entry* marks = s_.marks.Find(postings[k] >> kPositionBits);
      if (marks == nullptr) continue;
      Update(*marks, PositionBit(postings[k]), query_tokens, weight);
    }
  }

  // MaxScore over terms. A name that no term walked so far reached can align each
  // query token only through one of its terms not walked yet (an alignment through a
  // walked term beyond that term's cut is hopeless, by induction), so its aligned weight
  // S is at most A, the sum of each query token's heaviest unwalked term (legal forms,
  // common words and particles at most kLowCap, initials and tokens that concatenations
  // may align at most 1 or 2), and the query tokens with no term left are extra in it,
  // weighing X. By score_bound.h, a name of total weight T can then reach
  // `min_name_score` only inside an interval [T_lo, T_hi] of T (TotalsThatCanReach).
  // Postings are sorted by the total weight of their name (index_build.cpp), so each
  // term walks only that interval; the rest of its postings only mark names already
  // reached (MarkUnwalked).
  void WalkTerms(double min_name_score) {
    const std::size_t q = query_.scoring.size();
    double fixed = 0;  // ceilings that never drop
    double extra = 0;
    double ceilings = 0;
    double ceiling[kMaxQueryTokens] = {};
    double fixed_of[kMaxQueryTokens] = {};
    std::uint32_t left[kMaxQueryTokens] = {};
    for (const Scratch::Term& term : s_.terms) ++left[term.query];
    // Heaviest first; ties in query and token order, so the walk never depends on the
    // order of the lookups (and the sort needs no buffer, unlike a stable one).
    std::sort(s_.terms.begin(), s_.terms.end(), [](const Scratch::Term& a, const Scratch::Term& b) {
      if (a.weight != b.weight) return a.weight > b.weight;
      if (a.query != b.query) return a.query < b.query;
      return a.token < b.token;
    });
    s_.next_weight.assign(s_.terms.size(), 0.0);
    {
      double lighter[kMaxQueryTokens] = {};
      for (std::size_t k = s_.terms.size(); k-- > 0;) {
        s_.next_weight[k] = lighter[s_.terms[k].query];
        lighter[s_.terms[k].query] = s_.terms[k].weight;
      }
      for (std::size_t i = 0; i < q; ++i) ceiling[i] = lighter[i];
    }
    for (std::size_t i = 0; i < q; ++i) {
      const ScoringToken& token = query_.scoring[i];
      if (!IsDistinctive(token.token_class)) {
        // An initial may claim a name's word (kInitialSimilarity of a weight of at most
        // 1) or equal a name's initial (kLowCap).
        const bool initial = token.token_class == TokenClass::kInitial;
        fixed_of[i] = initial ? kInitialSimilarity : kLowCap;
        (initial ? capacity_.initial_low : capacity_.low) += kLowCap;
      } else if ((facts_.concat.maybe_aligned | facts_.concat.joinable) >> i & 1) {
        // A token a concatenation may align is never surely extra.
        fixed_of[i] = (facts_.concat.joinable >> i & 1) ? 2.0 : 1.0;
        // Two words joined may spell a name's legal form or common word.
        capacity_.concat_low += kLowCap;
      } else {
        ceilings += ceiling[i];
        if (left[i] == 0) extra += token.weight;
        continue;
      }
      fixed += fixed_of[i];
    }
    capacity_.fixed = fixed;
    for (std::size_t k = 0; k < s_.terms.size(); ++k) {
      Scratch::Term& term = s_.terms[k];
      const std::size_t i = term.query;
      if (fixed_of[i] > 0) {
        // Aligned through this term, the token weighs the term's weight, not its
        // concatenation ceiling; its other terms stay possible for other names.
        WalkInterval(term, fixed - fixed_of[i] + term.weight + ceilings, extra, min_name_score);
        continue;
      }
      // This term is the heaviest left of its query token: its weight is ceiling[i].
      WalkInterval(term, fixed + ceilings, extra, min_name_score);
      const double next = s_.next_weight[k];
      ceilings += next - ceiling[i];
      ceiling[i] = next;
      if (--left[i] == 0) extra += query_.scoring[i].weight;
    }
    MarkUnwalked();
  }

  void WalkInterval(Scratch::Term& term, double aligned, double extra, double min_name_score) {
    const std::uint32_t begin = impl_.posting_begin[term.token];
    const std::uint32_t end = impl_.posting_begin[term.token + 1];
    term.walked_begin = term.walked_end = begin;
    const double t = min_name_score;
    if (t <= 0) {
      MarkPostings(impl_, s_.marks, term.token, begin, end, 1u << term.query);
      term.walked_end = end;
      return;
    }
    const auto [from, to] = Interval(begin, end, aligned, extra, t);
    if (from == to) return;
    term.skipped_begin = static_cast<std::uint32_t>(s_.skipped.size());
    TraverseBounded(term, from, to, aligned, extra, t);
    term.skipped_end = static_cast<std::uint32_t>(s_.skipped.size());
    term.walked_begin = from;
    term.walked_end = to;
  }

  // The postings in [begin, end) (sorted by their name's total weight T) whose names
  // can reach `t` when they align at most `aligned` and the query has `extra` weight
  // they cannot align (TotalsThatCanReach, score_bound.h).
  std::pair<std::uint32_t, std::uint32_t> Interval(std::uint32_t begin, std::uint32_t end,
                                                   double aligned, double extra, double t) const {
    const TotalWeightRange range = TotalsThatCanReach(aligned, extra, t);
    if (range.none) return {begin, begin};
    const NameWeights* weights = impl_.posting_bounds.data();
    const float low_total = static_cast<float>(range.low);
    const float high_total = static_cast<float>(range.high);
    std::uint32_t from = begin;
    std::uint32_t to = begin;
    constexpr std::uint32_t kShortPostings = 16;  // a scan beats the binary searches
    if (end - begin <= kShortPostings) {
      while (from < end && weights[from].total_weight < low_total) ++from;
      to = from;
      while (to < end && weights[to].total_weight <= high_total) ++to;
    } else {
      const auto total = &NameWeights::total_weight;
      from = static_cast<std::uint32_t>(
          std::ranges::lower_bound(weights + begin, weights + end, low_total, {}, total) - weights);
      to = static_cast<std::uint32_t>(
          std::ranges::upper_bound(weights + from, weights + end, high_total, {}, total) - weights);
    }
    return {from, to};
  }

  // Marks the names of postings [from, to) of `term` that can still reach `t`, judged
  // by each name's own split of its total weight T into the weight L of its legal
  // forms, common words and initials and that of its words: a name's low tokens align
  // only with the query's low tokens or with words a concatenation may join, its words
  // only with the query's words and initials, so of the `aligned` weight the query can
  // still align (the interval's A) the name takes at most
  //   S = min(T - L, A - low) + min(L, low + concat_low),
  // the A of score_bound.h (1) for this name (ReachesThreshold).
  // Names skipped here may already be reached; MarkUnwalked gives them the term.
  void TraverseBounded(Scratch::Term& term, std::uint32_t from, std::uint32_t to, double aligned,
                       double extra, double t) {
    const double word_capacity = std::max(0.0, aligned - capacity_.low);
    const double low_capacity = capacity_.low + capacity_.initial_low + capacity_.concat_low;
    const double weight = s_.token_terms[term.token].weight;
    const std::uint32_t query_bit = 1u << term.query;
    const NameWeights* weights = impl_.posting_bounds.data();
    // A name its posting lists whole (PostingWords) that no other term reaches aligns
    // only this term's query tokens, besides what capacity_.fixed counts: it can reach `t`
    // only within a narrower interval of its own (none when those query tokens alone
    // fail), and outside it most postings are passed over on their words alone,
    // without a read of the name's weights.
    const Scratch::TokenTerms& own = s_.token_terms[term.token];
    std::uint32_t alone_from = from;
    std::uint32_t alone_to = from;
    if (!TokensFail(own.bits, t)) {
      std::tie(alone_from, alone_to) =
          Interval(from, to, capacity_.fixed + own.weight, Extra(own.bits), t);
    }
    for (std::uint32_t k = from; k < to; ++k) {
      const PostingWords& words = impl_.posting_words[k];
      if (Completable(k, words)) {
        if ((k >= alone_from && k < alone_to) || OtherTermIn(words)) {
          AdmitComplete(k, term.token, words, t);
        }
        continue;
      }
      const double total = weights[k].total_weight;
      const double low = weights[k].low_weight;
      const double low_aligned = std::min(LowAlignable(weights[k]), low_capacity);
      const double s =
          std::min(total, std::min(total - low, word_capacity) + low_aligned) + kRoundingSlack;
      if (!ReachesThreshold(s, std::max(0.0, total - s), extra, t, MayBeWhole(weights[k]))) {
        s_.skipped.push_back(k);
        continue;
      }
      MarkPosting(k, query_bit, weight);
    }
  }

  // True when the name of posting `k` can be bounded from `words`, the posting's list
  // of its other distinctive tokens: the list is whole, every term is a distinctive
  // token, and no concatenation marked the name before the walks (marks its words do
  // not show).
  bool Completable(std::uint32_t k, const PostingWords& words) const {
    return !facts_.low_term && words.slots[0] != kManyWords &&
           !(marked_early_ && s_.marks.Find(impl_.postings[k] >> kPositionBits) != nullptr);
  }

  bool OtherTermIn(const PostingWords& words) const {
    for (const std::uint32_t slot : words.slots) {
      if (slot == kNoWord) return false;
      if (TermAt(slot) != nullptr) return true;
    }
    return false;
  }

  // Bounds the name of posting `k` of `token` from `words` (Completable), with every
  // mark the lookups would give it, and marks it, complete, only if it can reach `t`:
  // most names a frequent word reaches have no other word of the query, and marking
  // each (a table entry, then completing and bounding it) cost most of a query at 1M
  // names.
  void AdmitComplete(std::uint32_t k, std::uint32_t token, const PostingWords& words, double t) {
    const std::uint32_t posting = impl_.postings[k];
    const Scratch::TokenTerms& own = s_.token_terms[token];
    MarkTable::Entry marks;
    marks.name = posting >> kPositionBits;
    marks.positions = PositionBit(posting);
    marks.query_tokens = own.bits;
    marks.reached = own.weight;
    marks.complete = true;
    marks.weights = impl_.posting_bounds[k];
    for (const std::uint32_t slot : words.slots) {
      if (slot == kNoWord) break;
      const Scratch::TokenTerms* terms = TermAt(slot);
      if (terms == nullptr) continue;
      marks.positions |= PositionBit(slot);
      marks.query_tokens |= terms->bits;
      marks.reached += terms->weight;
    }
    if (MarksBound(marks, t) >= t) s_.marks.AddOnce(marks);
  }

  // The query's terms on the token of a PostingWords `slot`, or nullptr when it is no
  // term (LookupFacts::term_filter answers first).
  const Scratch::TokenTerms* TermAt(std::uint32_t slot) const {
    const std::uint32_t token = slot >> kPositionBits;
    const std::uint32_t bit = TermFilterBit(token);
    if (!((facts_.term_filter[bit >> 6] >> (bit & 63)) & 1)) return nullptr;
    const Scratch::TokenTerms& terms = s_.token_terms[token];
    return terms.bits != 0 ? &terms : nullptr;
  }

  // The names marked without their PostingWords (too many words, a concatenation's
  // marks, a low term) must know every term in them, walked or not: walk the rest of
  // the postings for them, or read those names, whichever is shorter. Reading a
  // name is two cache misses (the name and its tokens) where a posting is a sequential
  // read and a probe of the small mark table: at 1M generated names, counting a name
  // as 16 postings (4 before) took the mean query from 184 to 150 us.
  void MarkUnwalked() {
    std::size_t incomplete = 0;
    for (const MarkTable::Entry& marks : s_.marks.entries()) incomplete += !marks.complete;
    if (incomplete == 0) return;
    std::size_t unwalked = 0;
    for (const Scratch::Term& term : s_.terms) {
      const std::uint32_t postings =
          impl_.posting_begin[term.token + 1] - impl_.posting_begin[term.token];
      unwalked += postings - (term.walked_end - term.walked_begin) +
                  (term.skipped_end - term.skipped_begin);
    }
    if (unwalked == 0) return;
    constexpr std::size_t kPostingsPerName = 16;
    if (unwalked <= kPostingsPerName * incomplete) {
      for (const Scratch::Term& term : s_.terms) {
        const std::uint32_t bit = 1u << term.query;
        const std::uint32_t begin = impl_.posting_begin[term.token];
        const std::uint32_t end = impl_.posting_begin[term.token + 1];
        TraverseReached(term.token, begin, term.walked_begin, bit);
        TraverseReached(term.token, term.walked_end, end, bit);
        for (std::uint32_t k = term.skipped_begin; k < term.skipped_end; ++k) {
          TraverseReached(term.token, s_.skipped[k], s_.skipped[k] + 1, bit);
        }
      }
      return;
    }
    for (MarkTable::Entry& marks : s_.marks.entries()) {
      if (marks.complete) continue;
      const IndexedName& name = impl_.names[marks.name];
      for (std::uint32_t p = 0; p < name.token_count; ++p) {
        const std::uint32_t id = impl_.name_tokens[name.token_begin + p];
        const Scratch::TokenTerms& terms = s_.token_terms[id];
        if (terms.bits != 0) Update(marks, std::uint64_t{1} << p, terms.bits, terms.weight);
      }
    }
  }

  // Bound of the score of any name that exactly the query tokens in `reached` (a bit
  // set) reached: each of those aligned as well as it can, counted as similarity times
  // weight (see Reach): a distinctive token as its heaviest term (1 when two query
  // words together spell a name word, 2 when it spells a listed pair of words), a legal
  // form, common word or particle to one of at most kLowCap, an initial to a word with
  // kInitialSimilarity; every other distinctive token extra. The name's own weights
  // are not read: its missing weight counts as 0 in ScoreBound.
  double TokensBound(std::uint32_t reached) const {
    const LookupFacts::Concatenations& c = facts_.concat;
    double aligned = 0;
    double extra = 0;
    for (std::size_t i = 0; i < query_.scoring.size(); ++i) {
      const ScoringToken& token = query_.scoring[i];
      if (!IsDistinctive(token.token_class)) {
        aligned += token.token_class == TokenClass::kInitial ? kInitialSimilarity : kLowCap;
      } else if ((reached >> i & 1) || (c.maybe_aligned >> i & 1)) {
        aligned += (c.joinable >> i & 1)                    ? 2.0
                   : ((c.maybe_aligned | c.split) >> i & 1) ? 1.0
                                                            : heaviest_term_[i];
      } else {
        extra += token.weight;
      }
    }
    return ScoreBound(aligned, 0, extra);
  }

  // Weight of the distinctive query tokens outside `reached` that no concatenation
  // may align: extra in any name that exactly those query tokens reached.
  double ExtraWeight(std::uint32_t reached) const {
    double extra = 0;
    for (std::size_t i = 0; i < query_.scoring.size(); ++i) {
      const bool hit = (reached >> i & 1) || (facts_.concat.maybe_aligned >> i & 1);
      if (!hit && IsDistinctive(query_.scoring[i].token_class)) extra += query_.scoring[i].weight;
    }
    return extra;
  }

  // NameScoreBound (score_bound.h) of a name with `marks`, whose unreached query
  // tokens weigh `extra`.
  double NameBound(const MarkTable::Entry& marks, double extra) const {
    // Each query initial whose letter begins one of the name's words may claim its
    // heaviest word (the name's own data is read only for such queries).
    double initials_weight = 0;
    for (std::size_t k = 0; k < initials_.count; ++k) {
      if (marks.weights.word_initials & initials_.bits[k]) {
        initials_weight += kInitialSimilarity * marks.weights.max_weight;
      }
    }
    return NameScoreBound(marks.weights.total_weight, marks.reached, LowAlignable(marks.weights),
                          initials_weight, extra + LowExtra(marks.weights),
                          MayBeWhole(marks.weights));
  }

  const Index::Impl& impl_;
  const PreparedName& query_;
  Scratch& s_;
  LookupFacts facts_;
  // Queries of at most kMaxMemoTokens tokens keep TokensBound and ExtraWeight per set of
  // query tokens in Scratch::memo_bound and memo_extra (2^q floats each); the test is
  // kept, not recomputed, as TokensFail runs for most postings a walk admits.
  static constexpr std::size_t kMaxMemoTokens = 12;
  const bool memo_;
  bool marked_early_ = false;  // names were marked before the walks (Completable)

  // What the bounds read of the query (PrepareBounds).
  double heaviest_term_[kMaxQueryTokens] = {};  // per query token, see TokensBound
  struct QueryInitials {
    std::array<std::uint32_t, kMaxQueryTokens> bits{};  // InitialBit of each
    std::size_t count = 0;
  };
  QueryInitials initials_;
  struct LowExtraWeights {                   // see PrepareLowExtra
    std::size_t count = 0;                   // the query's low tokens counted
    double after[kMaxQueryTokens + 1] = {};  // after[n]: the lightest count - n of them
  };
  LowExtraWeights low_extra_;

  // What the query may align of a name (WalkTerms): `fixed`, the ceilings of the query
  // tokens aligned without a term (its low tokens, initials and concatenations); and of
  // a name's legal forms, common words and initials: its own legal forms, common words
  // and particles (`low`, part of the weight `aligned` of WalkInterval, and only of that
  // side), its initials and the words a concatenation may join (counted on the words'
  // side too).
  struct WalkCapacity {
    double fixed = 0;
    double low = 0;
    double initial_low = 0;
    double concat_low = 0;
  };
  WalkCapacity capacity_;
};

}  // namespace

void FindCandidates(const Index::Impl& impl, const PreparedName& query, double min_name_score,
                    std::vector<Candidate>& out) {
  thread_local Scratch scratch;
  Finder finder(impl, query, scratch);
  finder.Lookup(min_name_score);
  finder.Bound(min_name_score, out);
}

}  // namespace tollgate::screening
