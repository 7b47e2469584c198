// The pure bound functions of candidate pruning (score_bound.h): the worked example of
// its derivation, and each function against ScoreAlignment itself, which it must never
// undercut.
#include "screening/score_bound.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "tollgate/screening/screening.h"

namespace tollgate::screening {
namespace {

// A scoring token whose text is its canon.
ScoringToken Token(std::string_view canon, TokenClass c, double w) {
  ScoringToken t;
  t.canon = canon;
  t.text = canon;
  t.token_class = c;
  t.weight = w;
  return t;
}

TEST(ScoreBoundTest, WorkedExampleOfTheDerivation) {
  // Query words of 1.0 and 0.6; the name adds two legal forms of 0.1 (T = 1.8).
  EXPECT_NEAR(ScoreBound(0.9 * 1.0 + 0.6, 1.8 - 1.5, 0), 3.0 / 3.15, 1e-12);
  EXPECT_NEAR(ScoreBound(0.9, 1.8 - 0.9, 0.6), 1.8 / 2.55, 1e-12);
  EXPECT_GE(ScoreBound(1.5, 0.3, 0), kDefaultThreshold);
  EXPECT_LT(ScoreBound(0.9, 0.9, 0.6), kDefaultThreshold);

  const TotalWeightRange range = TotalsThatCanReach(1.5, 0.6, kDefaultThreshold);
  ASSERT_FALSE(range.none);
  // T_lo = 0.85, but a name of T = X = 0.6 aligned whole counts the query's extra
  // weight kWholeNameExtraFactor: T_whole = max(0.6, 0.85 * 0.25 * 0.6 / 0.3 = 0.425).
  EXPECT_NEAR(range.low, 0.6 - kRoundingSlack, 1e-12);
  EXPECT_NEAR(range.high, 1.5 + (3.0 * 0.15 / 0.85 - 0.3) / 0.5 + kRoundingSlack, 1e-12);
  // At the low end the whole-name bound clears the threshold, just below it (T < X)
  // the strict one does not; at the high end the bound is the threshold itself.
  EXPECT_NEAR(ScoreBound(0.6, 0, 0.6), 1.2 / (1.2 + kWholeNameExtraFactor * 0.6), 1e-12);
  EXPECT_GE(ScoreBound(0.6, 0, 0.6), kDefaultThreshold);
  EXPECT_NEAR(ScoreBound(0.59, 0, 0.6), 1.18 / (1.18 + kExtraFactor * 0.6), 1e-12);
  EXPECT_LT(ScoreBound(0.59, 0, 0.6), kDefaultThreshold);
  const double t_hi = range.high - kRoundingSlack;
  EXPECT_NEAR(ScoreBound(1.5, t_hi - 1.5, 0.6), kDefaultThreshold, 1e-12);
}

TEST(ScoreBoundTest, AWholeNameReachesWhereTheStrictRoomIsNegative) {
  // A = 1.0, X = 0.9: strict room = 2 * 0.15 / 0.85 - 0.45 < 0 (no T > A), yet a name
  // of T in [0.9, 1.0] aligned whole scores 2T / (2T + 0.25 * 0.9) >= 0.889.
  const TotalWeightRange range = TotalsThatCanReach(1.0, 0.9, kDefaultThreshold);
  ASSERT_FALSE(range.none);
  EXPECT_NEAR(range.low, 0.9 - kRoundingSlack, 1e-12);
  EXPECT_NEAR(range.high, 1.0 + kRoundingSlack, 1e-12);
}

TEST(ScoreBoundTest, NoTotalCanReachWhenTheAlignableWeightIsTooSmall) {
  // A = 0.2 against X = 1: room = 0.4 * 0.15 / 0.85 - 0.5 < 0, and T_lo = 1.4 > A.
  EXPECT_TRUE(TotalsThatCanReach(0.2, 1.0, kDefaultThreshold).none);
  EXPECT_FALSE(TotalsThatCanReach(1.0, 0.0, kDefaultThreshold).none);
  // t = 1: only names the query aligns whole, from T = 0 up.
  const TotalWeightRange exact = TotalsThatCanReach(1.0, 0.0, 1.0);
  EXPECT_EQ(exact.low, 0.0);
  EXPECT_NEAR(exact.high, 1.0 + kRoundingSlack, 1e-12);
}

// Random weights in [0, max_weight) and thresholds in [min_t, max_t), seeded.
class RandomInputs {
 public:
  RandomInputs(unsigned seed, double max_weight, double min_t, double max_t)
      : rng_(seed), weight_(0.0, max_weight), threshold_(min_t, max_t) {}
  double Weight() { return weight_(rng_); }
  double Threshold() { return threshold_(rng_); }

 private:
  std::mt19937 rng_;
  std::uniform_real_distribution<double> weight_;
  std::uniform_real_distribution<double> threshold_;
};

TEST(ScoreBoundTest, ReachesThresholdIsTheBoundWithoutTheDivision) {
  RandomInputs random(14, 4.0, 0.05, 1.0);
  for (int k = 0; k < 10000; ++k) {
    const double aligned = random.Weight();
    const double missing = random.Weight();
    const double extra = random.Weight();
    const double t = random.Threshold();
    const double bound = ScoreBound(aligned, missing, extra);
    if (std::abs(bound - t) < 1e-9) continue;  // the two roundings may differ at equality
    EXPECT_EQ(ReachesThreshold(aligned, missing, extra, t), bound >= t)
        << aligned << " " << missing << " " << extra << " " << t;
  }
}

TEST(ScoreBoundTest, TotalsOutsideTheRangeScoreBelowTheThreshold) {
  // For random A, X, t: no T outside the range can reach t with S = min(T, A), and
  // every T inside it, the slack taken off both ends, reaches t exactly so aligned.
  RandomInputs random(15, 3.0, 0.3, 0.99);
  for (int k = 0; k < 2000; ++k) {
    const double aligned = random.Weight();
    const double extra = random.Weight();
    const double t = random.Threshold();
    const TotalWeightRange range = TotalsThatCanReach(aligned, extra, t);
    for (double total = 0.01; total < 8; total += 0.01) {
      const double s = std::min(total, aligned);
      const double best = ScoreBound(s, total - s, extra);
      const bool inside = !range.none && total >= range.low && total <= range.high;
      const bool well_inside = !range.none && total >= range.low + 2 * kRoundingSlack &&
                               total <= range.high - 2 * kRoundingSlack;
      if (best >= t) {
        EXPECT_TRUE(inside) << "A " << aligned << " X " << extra << " t " << t << " T " << total;
      }
      if (well_inside) {
        EXPECT_GE(best, t - 1e-9) << "A " << aligned << " X " << extra << " t " << t;
      }
    }
  }
}

TEST(ScoreBoundTest, NameScoreBoundNeverUndercutsTheScorer) {
  // Two-word query against names of its words, typos and extra legal forms: the bound
  // from the reached weights is at least the score ScoreAlignment gives.
  const std::vector<ScoringToken> query = {Token("zagros", TokenClass::kWord, 1.0),
                                           Token("trading", TokenClass::kWord, 0.6)};
  const std::vector<ScoringToken> name = {
      Token("zagros", TokenClass::kWord, 1.0), Token("trading", TokenClass::kWord, 0.6),
      Token("co", TokenClass::kLegalForm, 0.1), Token("ltd", TokenClass::kLegalForm, 0.1)};
  const double score = ScoreAlignment(query, name, nullptr).score;
  const double bound = NameScoreBound(1.8, 1.6, 0, 0, 0);
  EXPECT_GE(bound, score);
  EXPECT_NEAR(bound, ScoreBound(1.6 + kRoundingSlack, 0.2 - kRoundingSlack, 0), 1e-12);

  // Only "zagros" reached: "trading" is extra in the query and missing in the name.
  const std::vector<ScoringToken> other = {Token("zagros", TokenClass::kWord, 1.0),
                                           Token("shipping", TokenClass::kWord, 0.6)};
  EXPECT_GE(NameScoreBound(1.6, 1.0, 0, 0, 0.6), ScoreAlignment(query, other, nullptr).score);

  // Reached through nothing distinctive: capped (scorer.h, kCommonOnlyCap).
  EXPECT_EQ(NameScoreBound(0.2, 0, 0.2, 0, 0), kCommonOnlyCap);
}

TEST(ScoreBoundTest, ANameThatCannotBeWholeIsBoundedWithTheFullExtraFactor) {
  // The whole name inside a longer query: the scorer counts the added word 0.25.
  const std::vector<ScoringToken> query = {Token("anjem", TokenClass::kWord, 0.5),
                                           Token("iftikhar", TokenClass::kWord, 0.5),
                                           Token("choudary", TokenClass::kWord, 0.5)};
  const std::vector<ScoringToken> whole = {Token("anjem", TokenClass::kWord, 0.5),
                                           Token("choudary", TokenClass::kWord, 0.5)};
  const AlignmentResult found = ScoreAlignment(query, whole, nullptr);
  ASSERT_TRUE(found.whole_name);
  EXPECT_NEAR(ScoreBound(1.0, 0, 0.5), found.score, 1e-12);
  EXPECT_LT(ScoreBound(1.0, 0, 0.5, false), found.score) << "the bound of a name that may be "
                                                            "whole needs the smaller factor";
  // With a legal form, or a distinctive word of two letters, the rule never applies:
  // the bound with kExtraFactor alone is the score itself.
  for (const auto& name : {std::vector<ScoringToken>{Token("anjem", TokenClass::kWord, 0.5),
                                                     Token("choudary", TokenClass::kWord, 0.5),
                                                     Token("ltd", TokenClass::kLegalForm, 0.1)},
                           std::vector<ScoringToken>{Token("an", TokenClass::kWord, 0.5),
                                                     Token("choudary", TokenClass::kWord, 0.5)}}) {
    std::vector<ScoringToken> asked = query;
    if (name.size() == 3) asked.push_back(name.back());
    if (name[0].canon == "an") asked[0] = name[0];
    const AlignmentResult result = ScoreAlignment(asked, name, nullptr);
    EXPECT_FALSE(result.whole_name);
    double aligned = 0;
    for (const ScoringToken& t : name) aligned += t.weight;
    EXPECT_NEAR(ScoreBound(aligned, 0, 0.5, false), result.score, 1e-12);
  }
}

}  // namespace
}  // namespace tollgate::screening
