// Issue 16, item 4: a score must not depend on which other lists happen to be loaded,
// beyond the word weights. The same queries are explained against the same SDN
// entries in an index of the SDN list alone and in one that also holds the UN list:
// every pair must align the same way with the same similarity, and each score must be
// the scorer's formula (scorer.h) of its own alignment's weights, so that the weights
// are the only thing the added list changes.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "screening/scorer.h"
#include "test_paths.h"
#include "tollgate/lists/format.h"
#include "tollgate/screening/screening.h"

namespace tollgate::screening {
namespace {

std::vector<lists::ListEntry> Read(const char* file) {
  Result<lists::ParsedList> list =
      lists::ReadListFile(std::filesystem::path(TOLLGATE_SHARED_DATA) / "lists" / file);
  EXPECT_TRUE(list.ok()) << file;
  return list.ok() ? std::move(list->entries) : std::vector<lists::ListEntry>{};
}

// ScoreAlignment's formula applied to an explained alignment; -1 when a cap applied
// (the explanation names it), as a capped score is the cap, not the formula.
double FormulaScore(const Match& match) {
  if (match.explanation.find("capped") != std::string::npos ||
      match.explanation.find("at most") != std::string::npos) {
    return -1;
  }
  double numerator = 0;
  double denominator = 0;
  for (const TokenAlignment& a : match.alignment) {
    if (a.kind == "extra") {
      denominator += kExtraFactor * a.weight;
    } else if (a.kind == "added") {
      denominator += kWholeNameExtraFactor * a.weight;
    } else if (a.kind == "missing") {
      denominator += kMissingFactor * a.weight;
    } else if (a.kind == "replaced") {
      denominator += kSubstitutionFactor * a.weight;
    } else {
      numerator += a.similarity * 2 * a.weight;
      denominator += 2 * a.weight;
    }
  }
  return denominator > 0 ? numerator / denominator : 0;
}

TEST(ListIndependenceTest, AnUnrelatedListChangesOnlyTheWordWeights) {
  std::vector<lists::ListEntry> sdn = Read("ofac_sdn_2021-07.csv");
  ASSERT_GT(sdn.size(), 5000u);
  std::vector<lists::ListEntry> both = sdn;
  for (lists::ListEntry& e : Read("un_consolidated_2026-02.xml")) both.push_back(std::move(e));
  const auto alone = Index::Build(sdn);
  const auto together = Index::Build(both);
  std::size_t compared = 0;
  for (std::size_t k = 0; k < sdn.size(); k += 97) {
    const lists::ListEntry& entry = sdn[k];
    // The name with a slip, a title and a look-alike, so that several rules align.
    std::string name = "Dr " + entry.name;
    if (name.size() > 6) name[5] = name[5] == 'O' ? '0' : 'x';
    Query query;
    query.name = name;
    const Match a = alone->Explain(query, entry);
    const Match b = together->Explain(query, entry);
    ASSERT_EQ(a.alignment.size(), b.alignment.size()) << name;
    for (std::size_t i = 0; i < a.alignment.size(); ++i) {
      EXPECT_EQ(a.alignment[i].query_token, b.alignment[i].query_token) << name;
      EXPECT_EQ(a.alignment[i].entry_token, b.alignment[i].entry_token) << name;
      EXPECT_EQ(a.alignment[i].kind, b.alignment[i].kind) << name;
      EXPECT_EQ(a.alignment[i].similarity, b.alignment[i].similarity) << name;
    }
    for (const Match* m : {&a, &b}) {
      const double formula = FormulaScore(*m);
      if (formula < 0 || m->matched_alias) continue;  // capped, or a weak alias's penalty
      EXPECT_NEAR(m->name_score, formula, 1e-9) << name << ": " << m->explanation;
      ++compared;
    }
  }
  EXPECT_GT(compared, 100u);
}

}  // namespace
}  // namespace tollgate::screening
