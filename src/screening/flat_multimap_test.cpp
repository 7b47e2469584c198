// FlatMultiMap keeps 32-bit tags, not whole keys: a lookup may report values of
// another key (the callers verify each), but never fewer than were inserted under its
// own key, whatever keys share its tag or its probe run.
#include "screening/flat_multimap.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>

namespace tollgate::screening {
namespace {

std::set<std::uint32_t> ValuesOf(const FlatMultiMap& map, std::uint64_t key) {
  std::set<std::uint32_t> found;
  map.ForEach(key, [&](std::uint32_t value) { found.insert(value); });
  return found;
}

TEST(FlatMultiMapTest, FindsEveryValueOfEveryKeyEvenWhenKeysShareTheirTag) {
  std::mt19937_64 random(15);
  FlatMultiMap map;
  std::map<std::uint64_t, std::set<std::uint32_t>> inserted;
  auto insert = [&](std::uint64_t key, std::uint32_t value) {
    map.Insert(key, value);
    inserted[key].insert(value);
  };
  for (int i = 0; i < 20000; ++i) {
    const std::string word = "w" + std::to_string(i % 7000);  // 1 to 3 values a key
    insert(HashKey(word, 0x64656cULL), static_cast<std::uint32_t>(i));
  }
  // Keys with one high half (one tag) whose low halves land side by side.
  for (std::uint64_t low = 0; low < 50; ++low) insert(0xabcdef0100000000ULL | low, 7);
  insert(0xabcdef0100000000ULL | 3, 8);
  // A lone value with the top bit set, and a key whose high half is zero.
  insert(random(), 0x80000001u);
  insert(0x1234, 0xffffffffu);
  map.Freeze();
  for (const auto& [key, values] : inserted) {
    const std::set<std::uint32_t> found = ValuesOf(map, key);
    for (std::uint32_t value : values) {
      EXPECT_TRUE(found.count(value)) << "key " << key << " lost value " << value;
    }
  }
  EXPECT_EQ(ValuesOf(map, HashKey("w12", 0x64656cULL)), (std::set<std::uint32_t>{12, 7012, 14012}));
}

TEST(FlatMultiMapTest, AnEmptyTableAndAnUnknownKeyFindNothing) {
  FlatMultiMap empty;
  EXPECT_TRUE(ValuesOf(empty, 42).empty());
  empty.Freeze();
  EXPECT_TRUE(ValuesOf(empty, 42).empty());
  FlatMultiMap map;
  map.Insert(HashKey("huawei", 1), 5);
  map.Freeze();
  EXPECT_TRUE(ValuesOf(map, HashKey("zte", 1)).empty());
  EXPECT_EQ(ValuesOf(map, HashKey("huawei", 1)), std::set<std::uint32_t>{5});
}

}  // namespace
}  // namespace tollgate::screening
