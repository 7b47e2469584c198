#include "query_mix.h"

#include <gtest/gtest.h>

#include "name_generator.h"
#include "name_text.h"

namespace tollgate::bench {
namespace {

TEST(QueryMixTest, ThirdsOfEachKindAndDeterministic) {
  const NameTable table = MakeNameTable(GenerateEntries(5000, 3));
  const std::vector<BenchQuery> queries = MakeQueryMix(table, 900, 11);
  ASSERT_EQ(queries.size(), 900u);
  std::size_t counts[3] = {};
  for (const BenchQuery& query : queries) {
    ++counts[static_cast<int>(query.kind)];
    if (query.kind == QueryKind::kClean) {
      EXPECT_EQ(query.source_entry, -1);
    } else {
      ASSERT_GE(query.source_entry, 0);
    }
    if (query.kind == QueryKind::kExact) {
      // An exact query is one of its entry's names.
      bool is_name = false;
      for (std::size_t i = 0; i < table.names.size(); ++i) {
        if (table.entry_of[i] == query.source_entry && table.names[i] == query.text) {
          is_name = true;
        }
      }
      EXPECT_TRUE(is_name) << query.text;
    }
    if (query.kind == QueryKind::kPerturbed) {
      EXPECT_NE(query.perturbation, Perturbation::kNone);
    }
  }
  EXPECT_EQ(counts[0], 300u);
  EXPECT_EQ(counts[1], 300u);
  EXPECT_EQ(counts[2], 300u);

  const std::vector<BenchQuery> again = MakeQueryMix(table, 900, 11);
  for (std::size_t i = 0; i < queries.size(); ++i) EXPECT_EQ(again[i].text, queries[i].text);
}

TEST(QueryMixTest, Perturbations) {
  Perturbation applied = Perturbation::kNone;
  EXPECT_EQ(Perturb("PETROV, Ivan", Perturbation::kReordered, 1, &applied), "Ivan PETROV");
  EXPECT_EQ(applied, Perturbation::kReordered);
  EXPECT_EQ(Perturb("A B C", Perturbation::kReordered, 1, &applied), "B C A");

  const std::string dropped =
      Perturb("HUAXIN ELECTRONICS CO. LTD", Perturbation::kDroppedWord, 5, &applied);
  EXPECT_EQ(applied, Perturbation::kDroppedWord);
  EXPECT_EQ(SplitTokens(dropped).size(), 3u);

  // Too few tokens to drop one: a typo instead, one edit away.
  const std::string typo = Perturb("PETROV", Perturbation::kDroppedWord, 9, &applied);
  EXPECT_EQ(applied, Perturbation::kTypo);
  EXPECT_NE(typo, "PETROV");
  EXPECT_LE(typo.size(), 7u);
  EXPECT_GE(typo.size(), 5u);

  EXPECT_EQ(Perturb("", Perturbation::kTypo, 1, &applied), "");
  EXPECT_EQ(applied, Perturbation::kNone);
}

}  // namespace
}  // namespace tollgate::bench
