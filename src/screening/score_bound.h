// The score bound that candidate generation prunes with: pure arithmetic on weights,
// no index and no query. Every bound in candidates.cpp is one of the functions below
// applied to weights it gathered; the derivation is written here once, and the code
// refers to it as "score_bound.h".
//
// Derivation. ScoreAlignment (scorer.h) gives a query and a listed name of total
// weight T
//
//   score = sum(s_k 2 w_k) / (sum(2 w_k) + kExtraFactor X + kMissingFactor (T - S))
//
// where w_k is the weight of the k-th aligned name token, s_k <= 1 its similarity,
// S = sum(w_k) the aligned weight and X the weight of the query tokens left
// unaligned. Write E = sum(s_k w_k) <= S. Since 2 - kMissingFactor > 0,
// 2S - kMissingFactor S >= 2E - kMissingFactor E, so
//
//   score <= f(E) = 2E / (2E + kMissingFactor (T - E) + kExtraFactor X)      (1)
//
// and f grows with E (its derivative has the sign of kMissingFactor T +
// kExtraFactor X >= 0). Hence any A >= E (with A <= T, the most a name can align)
// gives score <= f(A): a lookup that reaches a name token of weight w with a
// similarity of at most s may count s w towards A, and a query token that reaches
// nothing of the name counts its weight towards X. That is ScoreBound.
//
// With a threshold t in (0, 1] and an A bounding what the query can still align,
// which totals T leave room for a match? The best case aligns S = min(T, A):
//   T <= A:  2T / (2T + kExtraFactor X) >= t   <=>  T >= T_lo = t kExtraFactor X / (2 (1 - t))
//   T >  A:  f(A) >= t  <=>  T <= T_hi = A + room / kMissingFactor,
//            room = 2A (1 - t) / t - kExtraFactor X
// room < 0 means A < T_lo: no T at all. That is TotalWeightRange, and
// ReachesThreshold is (1) >= t with the division multiplied out.
//
// Worked example (kExtraFactor = kMissingFactor = 0.5, the default threshold
// t = 0.85): a query of two words weighing 1.0 and 0.6 (X = 0 once both are reached)
// and a listed name "<1.0 word> <0.6 word> co ltd" (T = 1.6 + 2 * 0.1 = 1.8) that
// a typo lookup reached at 0.9 for the first word and exactly for the second:
// A = 0.9 * 1.0 + 0.6 = 1.5, f(1.5) = 3.0 / (3.0 + 0.5 * 0.3) = 0.952 >= 0.85, kept.
// Without the second word (X = 0.6, A = 0.9): f = 1.8 / (1.8 + 0.45 + 0.3) = 0.706,
// dropped. For A = 1.5, X = 0.6: room = 3.0 * 0.15 / 0.85 - 0.3 = 0.2294, so only
// names with T in [T_lo, T_hi] = [0.85 * 0.3 / 0.3, 1.5 + 0.4588] = [0.85, 1.9588]
// are walked. score_bound_test.cpp checks these numbers.
//
// Rounding. Name weights are summed in float (NameWeights, MarkTable, the memo of
// TokensBound) where the scorer sums in double, so a bound computed from floats may
// fall below the score it bounds by the float rounding of a sum: for n weights of at
// most 1, at most (n - 1) * 2^-24 * n, which is 5.9e-5 for n = 32 (kMaxQueryTokens).
// Every bound is therefore widened by kRoundingSlack = 1e-4, in weight and in score
// units alike (both are of order 1). (Names may have up to 63 tokens, where that worst
// case is 2.3e-4; it needs every rounding to go the same way, and none has been seen.)
// Before issue 14 the slack was 1e-5 in NameBound and 1e-4 in the three other places;
// the larger value everywhere only admits a few more candidates, which the scorer
// then drops: the answers are the same (screening_ab_bench checksums, BENCHMARKS.md).
//
// Thread-safety: pure functions. Failure: none.
#pragma once

#include <algorithm>

#include "screening/scorer.h"

namespace tollgate::screening {

inline constexpr double kRoundingSlack = 1e-4;

// The whole name inside a longer query. ScoreAlignment counts the query's unaligned
// words kWholeNameExtraFactor instead of kExtraFactor only for a name aligned in full
// (every token, each at similarity 1: E = S = T) when the query adds no more weight
// than it aligned (X <= S). Then any A >= E leaves T - A <= 0 and X <= A, so the
// bounds below take the smaller factor whenever `missing` is 0 (up to the rounding
// slack) and `extra` at most `aligned`. That only raises them, so (1) still holds. (A
// name aligned through typos would break this: its S exceeds E, and A may fall short
// of T; the scorer's similarity-1 condition is what keeps the bound.) On the interval
// of totals: with T <= A, T >= X, the best case 2T / (2T + kWholeNameExtraFactor X) >= t gives
//   T >= T_whole = max(X, t kWholeNameExtraFactor X / (2 (1 - t))),
// so TotalsThatCanReach starts at min(T_lo, T_whole), and a query whose strict room
// is negative still reaches the names of total T_whole .. A.
// `may_be_whole` false: the name is known never to be whole (no two distinctive words
// of kWholeNameMinLetters or more, or a legal form or common word: scorer.h), so the
// smaller factor never applies to it.
inline double ExtraFactorBound(double aligned, double missing, double extra,
                               bool may_be_whole = true) {
  return may_be_whole && missing <= kRoundingSlack && extra <= aligned + kRoundingSlack
             ? kWholeNameExtraFactor
             : kExtraFactor;
}

// (1) above: the bound of the score of a name that aligns weight `aligned` (A), leaves
// `missing` of its own weight unaligned (T - A) and the query `extra` (X) unaligned.
inline double ScoreBound(double aligned, double missing, double extra, bool may_be_whole = true) {
  const double denominator = 2 * aligned + kMissingFactor * missing +
                             ExtraFactorBound(aligned, missing, extra, may_be_whole) * extra;
  return denominator > 0 ? 2 * aligned / denominator : 0;
}

// ScoreBound(aligned, missing, extra) >= t, without the division (t in (0, 1]).
inline bool ReachesThreshold(double aligned, double missing, double extra, double t,
                             bool may_be_whole = true) {
  return !(2 * aligned * (1 - t) <
           t * (kMissingFactor * missing +
                ExtraFactorBound(aligned, missing, extra, may_be_whole) * extra));
}

// True when a bound read back from a float (the memo of TokensBound) surely fails `t`.
inline bool SurelyBelow(double bound, double t) { return bound < t - kRoundingSlack; }

// The totals T in [low, high] of the names that can reach `t` (in (0, 1]) aligning
// at most `aligned` (A) with `extra` (X) of the query unaligned; `none` when no T can.
// Widened by kRoundingSlack at both ends.
struct TotalWeightRange {
  double low = 0;
  double high = 0;
  bool none = false;
};
inline TotalWeightRange TotalsThatCanReach(double aligned, double extra, double t) {
  // T_whole (above); at t = 1 only a query with nothing extra reaches, from T = 0.
  const double whole_low = t < 1
                               ? std::max(extra, t * kWholeNameExtraFactor * extra / (2 * (1 - t)))
                               : (extra > 0 ? aligned + 1 : 0.0);
  const double room = 2 * aligned * (1 - t) / t - kExtraFactor * extra;  // for T > A
  if (room < -kRoundingSlack) {
    if (whole_low > aligned + kRoundingSlack) return {0, 0, true};
    return {whole_low - kRoundingSlack, aligned + kRoundingSlack, false};
  }
  const double high = aligned + std::max(0.0, room) / kMissingFactor + kRoundingSlack;
  const double strict_low = t < 1 ? t * kExtraFactor * extra / (2 * (1 - t)) : 0.0;
  const double low = std::min(strict_low, whole_low);
  return {t < 1 ? low - kRoundingSlack : low, high, false};
}

// What a name's own weights bound: a name of total `total` whose tokens the query
// reached with weight `reached` (the sum of similarity times weight, A in (1) before
// its low tokens and initials), of which the query may also align `low` of its legal
// forms, common words and particles and `initials` through its initials, leaving
// `extra` of the query unaligned. A name aligned through no distinctive word
// (`reached` 0) scores at most kCommonOnlyCap (scorer.h).
inline double NameScoreBound(double total, double reached, double low, double initials,
                             double extra, bool may_be_whole = true) {
  const double widened = total + kRoundingSlack;
  const double aligned = std::min(widened, reached + low + initials + kRoundingSlack);
  double bound = ScoreBound(aligned, std::max(0.0, widened - aligned - kRoundingSlack),
                            std::max(0.0, extra - kRoundingSlack), may_be_whole);
  if (reached == 0) bound = std::min(bound, kCommonOnlyCap);
  return bound;
}

}  // namespace tollgate::screening
