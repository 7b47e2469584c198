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

// The rich vocabulary grows with the list; the pools alone stay near a thousand words.
TEST(NameGeneratorTest, RichVocabularyHasALongTail) {
  auto distinct_tokens = [](const std::vector<lists::ListEntry>& entries) {
    std::set<std::string> tokens;
    for (const lists::ListEntry& entry : entries) {
      std::size_t start = 0;
      while (start < entry.name.size()) {
        std::size_t end = entry.name.find(' ', start);
        if (end == std::string::npos) end = entry.name.size();
        tokens.insert(entry.name.substr(start, end - start));
        start = end + 1;
      }
    }
    return tokens.size();
  };
  EXPECT_LT(distinct_tokens(GenerateEntries(50000, 1, Vocabulary::kPools)), 1500u);
  EXPECT_GT(distinct_tokens(GenerateEntries(50000, 1, Vocabulary::kRich)), 10000u);
  EXPECT_EQ(ParseVocabulary("pools"), Vocabulary::kPools);
  EXPECT_FALSE(ParseVocabulary("other").has_value());
}

}  // namespace
}  // namespace tollgate::bench
