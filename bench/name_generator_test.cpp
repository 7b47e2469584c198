#include "name_generator.h"

#include <gtest/gtest.h>

#include <set>

namespace tollgate::bench {
namespace {

TEST(NameGeneratorTest, DistinctDeterministicAndMixed) {
  const std::vector<lists::ListEntry> first = GenerateEntries(20000, 7);
  const std::vector<lists::ListEntry> second = GenerateEntries(20000, 7);
  ASSERT_EQ(first.size(), 20000u);
  EXPECT_EQ(first, second);

  std::set<std::string> names;
  std::size_t individuals = 0;
  for (const lists::ListEntry& entry : first) {
    names.insert(entry.name);
    if (entry.type == lists::EntryType::kIndividual) ++individuals;
    EXPECT_EQ(entry.list, "GEN");
  }
  EXPECT_EQ(names.size(), first.size());
  EXPECT_EQ(first.front().entry_id, "GEN-0000001");
  EXPECT_GT(individuals, 20000u * 35 / 100);
  EXPECT_LT(individuals, 20000u * 55 / 100);
  EXPECT_NE(GenerateEntries(10, 8)[0].name + GenerateEntries(10, 8)[1].name,
            first[0].name + first[1].name);
}

}  // namespace
}  // namespace tollgate::bench
