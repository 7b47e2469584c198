#include "screening/candidates.h"

#include <algorithm>
#include <array>
#include <bit>
#include <functional>
#include <span>
#include <tuple>
#include <utility>

#include "screening/edit_distance.h"

namespace tollgate::screening {
namespace {

// The names the current query reached, with their marks: the token positions reached,
// the query tokens that reached them, and the weight of the distinctive tokens reached
// (a float: NameBound allows for its rounding). An open-addressing table over the few
// hundred names a query reaches stays in the nearest caches; an array over every name
// of the index put each mark on a cache line of its own, and on a shared machine those
// lines are rarely still cached from one query to the next.
class MarkTable {
 public:
  struct Entry {
    std::uint32_t name = 0;
    std::uint32_t query_tokens = 0;
    std::uint64_t positions = 0;
    float reached = 0;
    std::uint32_t slot = 0;  // where the table points at it
    // Every token of the name that a term reaches is marked (a walk bounded it from its
    // posting's PostingWords); otherwise MarkUnwalked completes the marks.
    bool complete = false;
    NameWeights weights;  // the name's, copied from the posting that reached it
  };

  // Reached names, in the order they were first reached.
  std::vector<Entry>& entries() { return entries_; }
  const std::vector<Entry>& entries() const { return entries_; }

  Entry* Find(std::uint32_t name) {
    if (slots_.empty()) return nullptr;
    for (std::size_t at = Home(name);; at = (at + 1) & mask_) {
      const std::uint32_t k = slots_[at];
      if (k == 0) return nullptr;
      if (entries_[k - 1].name == name) return &entries_[k - 1];
    }
  }

  // The entry of `name`, added with `weights` when it has none; valid until the next
  // addition.
  Entry& FindOrAdd(std::uint32_t name, const NameWeights& weights) {
    if (Entry* found = Find(name)) return *found;
    return Add({name, 0, 0, 0, 0, false, weights});
  }

  // Adds `marks` unless its name has an entry (one bounded complete from a posting is
  // the same from each of the name's postings).
  void AddOnce(const Entry& marks) {
    if (Find(marks.name) == nullptr) Add(marks);
  }

  void Prefetch(std::uint32_t name) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(name)]);
  }

  void Clear() {
    for (const Entry& e : entries_) slots_[e.slot] = 0;
    entries_.clear();
  }

 private:
  std::size_t Home(std::uint32_t name) const {
    return static_cast<std::size_t>((name * 0x9e3779b97f4a7c15ULL) >> shift_);
  }

  Entry& Add(const Entry& marks) {
    if (2 * (entries_.size() + 1) > slots_.size()) Grow();
    std::size_t at = Home(marks.name);
    while (slots_[at] != 0) at = (at + 1) & mask_;
    entries_.push_back(marks);
    entries_.back().slot = static_cast<std::uint32_t>(at);
    slots_[at] = static_cast<std::uint32_t>(entries_.size());
    return entries_.back();
  }

  void Grow() {
    const std::size_t size = std::max<std::size_t>(1024, 2 * slots_.size());
    slots_.assign(size, 0);
    mask_ = size - 1;
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(size));
    for (std::size_t k = 0; k < entries_.size(); ++k) {
      std::size_t at = Home(entries_[k].name);
      while (slots_[at] != 0) at = (at + 1) & mask_;
      slots_[at] = static_cast<std::uint32_t>(k + 1);
      entries_[k].slot = static_cast<std::uint32_t>(at);
    }
  }

  std::vector<std::uint32_t> slots_;  // 1 + index into entries_, 0 when empty
  std::vector<Entry> entries_;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
};

// Per-thread scratch, reused from query to query.
struct Scratch {
  // An index token that a query token reaches (exactly, by a typo, phonetically or as
  // an abbreviation), and the part of its postings left unwalked.
  struct Term {
    std::uint32_t token = 0;
    std::uint32_t query = 0;         // position of the query token
    double weight = 0;               // the token's weight times its similarity to the query token
    std::uint32_t walked_begin = 0;  // into Impl::postings
    std::uint32_t walked_end = 0;
    // Postings in [walked_begin, walked_end) that were not marked: [skipped_begin,
    // skipped_end) of Scratch::skipped.
    std::uint32_t skipped_begin = 0;
    std::uint32_t skipped_end = 0;
  };
  MarkTable marks;
  std::vector<std::uint32_t> forced;  // same common words exactly: bound 1
  // Per token: the generation of the query token that last reached it; each query
  // token takes a new generation.
  std::vector<std::uint32_t> token_state;
  std::uint32_t generation = 0;
  // Per token, when it is a term: the query tokens reaching it and its best
  // Term::weight (together: one cache line for both).
  struct TokenTerms {
    std::uint32_t bits = 0;
    float weight = 0;
  };
  std::vector<TokenTerms> token_terms;
  std::vector<Term> terms;
  std::vector<double> next_weight;  // per term: the next lighter term of its query token
  std::vector<std::uint64_t> variants;
  std::vector<std::uint32_t> skipped;  // postings walks passed over (Term::skipped_begin)
  // Per low token (Impl::low_tokens): its weight when some query token pairs with it,
  // else 0; `low_set` lists the ones set.
  std::vector<float> low_alignable;
  std::vector<std::uint16_t> low_set;
  std::vector<std::uint32_t> neighbours;  // of a query word the index does not know
  std::vector<float> memo_bound;          // per set of reaching query tokens, see Bound
  std::vector<float> memo_extra;
  std::string joined;
};

// The most a legal form, common word, particle or initial weighs (ClassWeight).
constexpr double kLowCap = 0.3;

class Finder {
 public:
  Finder(const Index::Impl& impl, const PreparedName& query, Scratch& scratch)
      : impl_(impl), query_(query), s_(scratch) {
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
  // reach. Then every distinctive query token collects the index tokens it reaches
  // (its terms), and the terms walk their postings, heaviest (rarest) first, admitting
  // only the names that could still reach `min_name_score` (see WalkTerms).
  void Lookup(double min_name_score) {
    const std::size_t q = query_.tokens.size();
    for (std::size_t i = 0; i < q; ++i) {
      LookupJoined(i);
      if (i + 1 < q) LookupSplit(i);
    }
    for (std::size_t i = 0; i < q; ++i) {
      if (IsDistinctive(query_.scoring[i].token_class)) LookupToken(i);
    }
    FindLowPartners();
    PrepareBounds();
    marked_early_ = !s_.marks.entries().empty();
    WalkTerms(min_name_score);
    LookupCommonOnly();
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
  static std::uint64_t PositionBit(std::uint32_t posting) {
    return std::uint64_t{1} << (posting & ((1u << kPositionBits) - 1));
  }

  // What the bounds read of the query, once its lookups are done: its initials, and
  // an empty memo of TokensBound by the set of query tokens that reach a name.
  void PrepareBounds() {
    for (const auto& token : query_.scoring) {
      if (token.token_class == TokenClass::kInitial) {
        initials_[initial_count_++] = InitialBit(token.canon.front());
      }
    }
    for (const Scratch::Term& term : s_.terms) {
      heaviest_term_[term.query] = std::max(heaviest_term_[term.query], term.weight);
    }
    PrepareLowExtra();
    const std::size_t q = query_.scoring.size();
    memo_ = q <= kMaxMemoTokens;
    if (memo_) {
      s_.memo_bound.assign(std::size_t{1} << q, -1.0f);
      s_.memo_extra.assign(std::size_t{1} << q, -1.0f);
    }
  }

  // The query's legal forms, common words and particles pair only with a name's own
  // (scorer.h), so a name with n of those that the query can align (LowAlignable)
  // leaves all but n of them extra: at least the lightest, whose weights
  // low_extra_after_[n] sums (heaviest first). Tokens a concatenation may align are
  // left out, and nothing is counted when FindLowPartners could not tell.
  void PrepareLowExtra() {
    low_extra_count_ = 0;
    if (any_low_) return;
    const std::uint32_t concatenated = split_ | maybe_aligned_ | joinable_;
    double weights[kMaxQueryTokens];
    for (std::size_t i = 0; i < query_.scoring.size(); ++i) {
      const ScoringToken& token = query_.scoring[i];
      if (IsDistinctive(token.token_class) || token.token_class == TokenClass::kInitial ||
          (concatenated >> i & 1)) {
        continue;
      }
      weights[low_extra_count_++] = token.weight;
    }
    std::sort(weights, weights + low_extra_count_, std::greater<>());
    low_extra_after_[low_extra_count_] = 0;
    for (std::size_t n = low_extra_count_; n-- > 0;) {
      low_extra_after_[n] = low_extra_after_[n + 1] + weights[n];
    }
  }

  // Weight of the query's legal forms, common words and particles that the name with
  // `weights` surely leaves extra (PrepareLowExtra).
  double LowExtra(const NameWeights& weights) const {
    const LowTokens& low = weights.low_tokens;
    if (low_extra_count_ == 0 || low.count == kManyLowTokens) return 0;
    std::size_t alignable = 0;
    for (std::uint16_t k = 0; k < low.count; ++k) alignable += s_.low_alignable[low.ids[k]] != 0;
    return low_extra_after_[std::min(alignable, low_extra_count_)];
  }

  // Bound of the score of a name with `marks`; -1 when the query tokens that reached
  // it already fail `min_name_score`. Which query tokens reached a name bounds its
  // score before its own weights are read: most names reached only by a common word
  // fail there. The weight of the query tokens that did not reach it is kept beside.
  double MarksBound(const MarkTable::Entry& marks, double min_name_score) const {
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
    constexpr double kSlack = 1e-4;  // the memo's floats
    if (!memo_) return TokensBound(tokens) < min_name_score - kSlack;
    float& bound = s_.memo_bound[tokens];
    if (bound < 0) {
      bound = static_cast<float>(TokensBound(tokens));
      s_.memo_extra[tokens] = static_cast<float>(ExtraWeight(tokens));
    }
    return bound < min_name_score - kSlack;
  }

  // Marks name positions reached; `weight` is added once per newly reached position
  // (the weight of the distinctive token there, 0 for the others).
  void Mark(std::uint32_t name, const NameWeights& weights, std::uint64_t position,
            std::uint32_t query_tokens, double weight) {
    Update(s_.marks.FindOrAdd(name, weights), position, query_tokens, weight);
  }
  static void Update(MarkTable::Entry& marks, std::uint64_t position, std::uint32_t query_tokens,
                     double weight) {
    if (!(marks.positions & position)) marks.reached += static_cast<float>(weight);
    marks.positions |= position;
    marks.query_tokens |= query_tokens;
  }

  void Traverse(std::uint32_t token, std::uint32_t query_tokens) {
    TraverseRange(token, impl_.posting_begin[token], impl_.posting_begin[token + 1], query_tokens);
  }

  // Marks every name of postings [begin, end), which all hold `token`.
  void TraverseRange(std::uint32_t token, std::uint32_t begin, std::uint32_t end,
                     std::uint32_t query_tokens) {
    const double weight = impl_.token_weight[token];
    for (std::uint32_t k = begin; k < end; ++k) {
      PrefetchAhead(k, end);
      MarkPosting(k, query_tokens, weight);
    }
  }

  // Marks the name of posting `k` (its position in it) as reached by `query_tokens`.
  void MarkPosting(std::uint32_t k, std::uint32_t query_tokens, double weight) {
    const std::uint32_t posting = impl_.postings[k];
    Mark(posting >> kPositionBits, impl_.posting_bounds[k], PositionBit(posting), query_tokens,
         weight);
  }

  // Names are scattered: a walk over postings [k, end) starts their loads early.
  void PrefetchAhead(std::uint32_t k, std::uint32_t end) const {
    constexpr std::uint32_t kAhead = 8;
    if (k + kAhead < end) s_.marks.Prefetch(impl_.postings[k + kAhead] >> kPositionBits);
  }

  // Like TraverseRange, but only for names some lookup already reached.
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

  // A distinctive token the query token at `i` reaches: a term to walk. Its weight is
  // the token's times `similarity`, at least the similarity the scorer will find for
  // the pair: a name word aligned with similarity s adds s * 2w to the score's
  // numerator and 2w to its denominator, and the bounds below, of the form
  // 2E / (2E + kMissingFactor (T - E) + kExtraFactor X), grow with E, so E, the sum of
  // s * w, may stand for the aligned weight (E <= S <= T).
  void Reach(std::uint32_t token, std::size_t i, double similarity) {
    if (!FirstVisit(token)) return;
    const double weight = similarity * impl_.token_weight[token];
    s_.terms.push_back({token, static_cast<std::uint32_t>(i), weight, 0, 0, 0, 0});
    Scratch::TokenTerms& terms = s_.token_terms[token];
    terms.bits |= 1u << i;
    terms.weight = std::max(terms.weight, static_cast<float>(weight));
    term_filter_[TermFilterBit(token) >> 6] |= std::uint64_t{1} << (TermFilterBit(token) & 63);
    // PostingWords list a name's distinctive tokens only.
    if (!IsDistinctive(impl_.token_class[token])) low_term_ = true;
  }

  // MaxScore over terms. A name that no term walked so far reached can align each
  // query token only through one of its terms not walked yet (an alignment through a
  // walked term beyond that term's cut is hopeless, by induction), so its aligned weight
  // S is at most A, the sum of each query token's heaviest unwalked term (legal forms,
  // common words and particles at most kLowCap, initials and tokens that concatenations
  // may align at most 1 or 2), and the query tokens with no term left are extra in it,
  // weighing X. A name of total weight T then scores at most
  //   2S / (2S + kMissingFactor (T - S) + kExtraFactor X),  S <= min(T, A),
  // which is below `min_name_score` outside an interval [T_lo, T_hi] of T. Postings are
  // sorted by the total weight of their name (index_build.cpp), so each term walks only
  // that interval; the rest of its postings only mark names already reached (MarkUnwalked).
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
        (initial ? initial_low_capacity_ : low_capacity_) += kLowCap;
      } else if ((maybe_aligned_ | joinable_) >> i & 1) {
        // A token a concatenation may align is never surely extra.
        fixed_of[i] = (joinable_ >> i & 1) ? 2.0 : 1.0;
        // Two words joined may spell a name's legal form or common word.
        concat_low_capacity_ += kLowCap;
      } else {
        ceilings += ceiling[i];
        if (left[i] == 0) extra += token.weight;
        continue;
      }
      fixed += fixed_of[i];
    }
    fixed_ = fixed;
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
      TraverseRange(term.token, begin, end, 1u << term.query);
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
  // can reach `t` when they align at most `aligned` (S) and the query has `extra` weight
  // they cannot align: the T of
  //   2S / (2S + kMissingFactor (T - S) + kExtraFactor extra) >= t,  S <= min(T, aligned).
  std::pair<std::uint32_t, std::uint32_t> Interval(std::uint32_t begin, std::uint32_t end,
                                                   double aligned, double extra, double t) const {
    // Float sums of weights (posting totals): widen the interval a little so rounding
    // never cuts a true match.
    constexpr double kSlack = 1e-4;
    const double room = 2 * aligned * (1 - t) / t - kExtraFactor * extra;  // for T > S
    if (room < -kSlack) return {begin, begin};
    const double high = aligned + std::max(0.0, room) / kMissingFactor + kSlack;
    const double low =
        t < 1 ? t * kExtraFactor * extra / (2 * (1 - t)) - kSlack : 0.0;  // for T <= A
    const NameWeights* weights = impl_.posting_bounds.data();
    const float low_total = static_cast<float>(low);
    const float high_total = static_cast<float>(high);
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
  //   S = min(T - L, A - low) + min(L, low + concat_low).
  // Names skipped here may already be reached; MarkUnwalked gives them the term.
  void TraverseBounded(Scratch::Term& term, std::uint32_t from, std::uint32_t to, double aligned,
                       double extra, double t) {
    constexpr double kSlack = 1e-4;  // float sums of weights, as in WalkInterval
    const double word_capacity = std::max(0.0, aligned - low_capacity_);
    const double low_capacity = low_capacity_ + initial_low_capacity_ + concat_low_capacity_;
    const double weight = s_.token_terms[term.token].weight;
    const std::uint32_t query_bit = 1u << term.query;
    const NameWeights* weights = impl_.posting_bounds.data();
    // A name its posting lists whole (PostingWords) that no other term reaches aligns
    // only this term's query tokens, besides what `fixed_` counts: it can reach `t`
    // only within a narrower interval of its own (none when those query tokens alone
    // fail), and outside it most postings are passed over on their words alone,
    // without a read of the name's weights.
    const Scratch::TokenTerms& own = s_.token_terms[term.token];
    std::uint32_t alone_from = from;
    std::uint32_t alone_to = from;
    if (!TokensFail(own.bits, t)) {
      std::tie(alone_from, alone_to) = Interval(from, to, fixed_ + own.weight, Extra(own.bits), t);
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
      const double s = std::min(total, std::min(total - low, word_capacity) + low_aligned) + kSlack;
      const double missing = std::max(0.0, total - s);
      if (2 * s * (1 - t) < t * (kMissingFactor * missing + kExtraFactor * extra)) {
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
    return !low_term_ && words.slots[0] != kManyWords &&
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
  // term. A 256-bit filter of the terms answers first: most tokens a name's
  // PostingWords list are not terms, and it needs no read of Scratch::token_terms.
  static std::uint32_t TermFilterBit(std::uint32_t token) { return (token * 0x9e3779b1u) >> 24; }
  const Scratch::TokenTerms* TermAt(std::uint32_t slot) const {
    const std::uint32_t token = slot >> kPositionBits;
    const std::uint32_t bit = TermFilterBit(token);
    if (!((term_filter_[bit >> 6] >> (bit & 63)) & 1)) return nullptr;
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
        Traverse(t, bits);
        split_ |= bits;
      }
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
        const NameWeights& bound = impl_.name_bounds[n];
        for (const ScoringToken* part : {&first, &second}) {
          const std::uint32_t k = part == &first ? p : p + 1;
          Mark(n, bound, std::uint64_t{1} << k, 1u << i,
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
    any_low_ = (maybe_aligned_ | joinable_) != 0;
    std::vector<float>& alignable = s_.low_alignable;
    if (alignable.size() < impl_.low_tokens.size()) alignable.resize(impl_.low_tokens.size(), 0);
    for (std::uint16_t number : s_.low_set) alignable[number] = 0;  // the last query's
    s_.low_set.clear();
    auto add = [&](std::uint16_t number) {
      if (alignable[number] != 0) return;
      alignable[number] = static_cast<float>(impl_.token_weight[impl_.low_tokens[number]]);
      s_.low_set.push_back(number);
    };
    for (std::size_t i = 0; i < query_.scoring.size() && !any_low_; ++i) {
      if (IsDistinctive(query_.scoring[i].token_class)) continue;
      const std::uint32_t id = query_.ids[i];
      const std::uint16_t number = id != kNoToken ? impl_.low_number[id] : kManyLowTokens;
      if (number != kManyLowTokens) {
        for (std::uint16_t partner : impl_.low_partners.Of(number)) add(partner);
      } else if (id == kNoToken) {
        ForEachLowPartner(impl_, query_.scoring[i], add);
      } else {
        any_low_ = true;  // an index token past the numbered ones
      }
    }
  }

  // The weight of a name's low tokens that some query token could align: all of it
  // when FindLowPartners could not tell.
  double LowAlignable(const NameWeights& name) const {
    const LowTokens& low = name.low_tokens;
    if (any_low_ || low.count == kManyLowTokens) return name.low_weight;
    double weight = 0;
    for (std::uint16_t k = 0; k < low.count; ++k) weight += s_.low_alignable[low.ids[k]];
    return weight;
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
  // set) reached: each of those aligned as well as it can, counted as similarity times
  // weight (see Reach): a distinctive token as its heaviest term (1 when two query
  // words together spell a name word, 2 when it spells a listed pair of words), a legal
  // form, common word or particle to one of at most kLowCap, an initial to a word with
  // kInitialSimilarity; every other distinctive token extra.
  double TokensBound(std::uint32_t reached) const {
    double aligned = 0;
    double extra = 0;
    for (std::size_t i = 0; i < query_.scoring.size(); ++i) {
      const ScoringToken& token = query_.scoring[i];
      if (!IsDistinctive(token.token_class)) {
        aligned += token.token_class == TokenClass::kInitial ? kInitialSimilarity : kLowCap;
      } else if ((reached >> i & 1) || (maybe_aligned_ >> i & 1)) {
        aligned += (joinable_ >> i & 1)                   ? 2.0
                   : ((maybe_aligned_ | split_) >> i & 1) ? 1.0
                                                          : heaviest_term_[i];
      } else {
        extra += token.weight;
      }
    }
    return aligned > 0 ? 2 * aligned / (2 * aligned + kExtraFactor * extra) : 0;
  }

  // Weight of the distinctive query tokens outside `reached` that no concatenation
  // may align: extra in any name that exactly those query tokens reached.
  double ExtraWeight(std::uint32_t reached) const {
    double extra = 0;
    for (std::size_t i = 0; i < query_.scoring.size(); ++i) {
      const bool hit = (reached >> i & 1) || (maybe_aligned_ >> i & 1);
      if (!hit && IsDistinctive(query_.scoring[i].token_class)) extra += query_.scoring[i].weight;
    }
    return extra;
  }

  double NameBound(const MarkTable::Entry& marks, double extra) const {
    const double reached = marks.reached;
    // Each query initial whose letter begins one of the name's words may claim its
    // heaviest word (the name's own data is read only for such queries).
    double initials_weight = 0;
    for (std::size_t k = 0; k < initial_count_; ++k) {
      if (marks.weights.word_initials & initials_[k]) {
        initials_weight += kInitialSimilarity * marks.weights.max_weight;
      }
    }
    // Float sums (NameWeights, MarkTable): widen a little so rounding never cuts a
    // true match.
    constexpr double kSlack = 1e-5;
    const double total = marks.weights.total_weight + kSlack;
    const double low = LowAlignable(marks.weights);
    const double aligned = std::min(total, reached + low + initials_weight + kSlack);
    const double denominator =
        2 * aligned + kMissingFactor * std::max(0.0, total - aligned - kSlack) +
        kExtraFactor * std::max(0.0, extra + LowExtra(marks.weights) - kSlack);
    double bound = denominator > 0 ? 2 * aligned / denominator : 0;
    if (reached == 0) bound = std::min(bound, kCommonOnlyCap);
    return bound;
  }

  const Index::Impl& impl_;
  const PreparedName& query_;
  Scratch& s_;
  std::uint32_t maybe_aligned_ = 0;
  std::uint32_t joinable_ = 0;  // query tokens that some listed pair of words spells
  std::uint32_t split_ = 0;     // query tokens that, with a neighbour, spell a name word
  double heaviest_term_[kMaxQueryTokens] = {};  // per query token, see TokensBound
  double fixed_ = 0;
  std::size_t low_extra_count_ = 0;  // see PrepareLowExtra
  double low_extra_after_[kMaxQueryTokens + 1] =
      {};  // what WalkTerms lets the query's initials, low and concatenated tokens align
  bool any_low_ = false;       // FindLowPartners: every low token may align
  bool low_term_ = false;      // a term is a low token (Admit cannot bound from PostingWords)
  bool marked_early_ = false;  // names were marked before the walks
  std::uint64_t term_filter_[4] = {};                      // see TermAt
  std::array<std::uint32_t, kMaxQueryTokens> initials_{};  // InitialBit of the query's initials
  std::size_t initial_count_ = 0;
  bool memo_ = false;  // MarksBound keeps TokensBound in Scratch::memo_bound
  static constexpr std::size_t kMaxMemoTokens = 12;
  // What the query may align of a name's legal forms, common words and initials
  // (WalkTerms): its own legal forms, common words and particles (part of the weight
  // `aligned` of WalkInterval, and only of that side), its initials and the words a
  // concatenation may join (counted on the words' side too).
  double low_capacity_ = 0;
  double initial_low_capacity_ = 0;
  double concat_low_capacity_ = 0;
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
