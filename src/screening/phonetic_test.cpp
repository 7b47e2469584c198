#include "screening/phonetic.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "screening/edit_distance.h"

namespace tollgate::screening {
namespace {

// The textbook optimal-string-alignment table, whole and unbounded: the slow,
// obvious reference for BoundedOsaDistance's shortcuts (shared affixes, early stop).
int ReferenceOsaDistance(const std::string& a, const std::string& b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

TEST(PhoneticTest, TransliterationVariantsShareAKey) {
  EXPECT_EQ(PhoneticKey("mohammed"), PhoneticKey("muhammad"));
  EXPECT_EQ(PhoneticKey("mohammed"), PhoneticKey("mokhammed"));
  EXPECT_EQ(PhoneticKey("aleksandr"), PhoneticKey("alexandr"));
  EXPECT_EQ(PhoneticKey("ivanov"), PhoneticKey("iwanow"));
  EXPECT_EQ(PhoneticKey("ivanov"), PhoneticKey("ivanoff"));
  EXPECT_EQ(PhoneticKey("huavej"), PhoneticKey("huawei"));
  EXPECT_EQ(PhoneticKey("abdullah"), PhoneticKey("abdulla"));
}

TEST(PhoneticTest, DifferentNamesKeepDifferentKeys) {
  EXPECT_NE(PhoneticKey("huawei"), PhoneticKey("hassan"));
  EXPECT_NE(PhoneticKey("petrov"), PhoneticKey("pavlov"));
  EXPECT_EQ(PhoneticKey("li"), "");  // too short to key
}

TEST(PhoneticTest, ThreeLetterWordsKeepTheirVowels) {
  EXPECT_EQ(PhoneticKey("win"), PhoneticKey("vin"));
  EXPECT_EQ(PhoneticKey("jan"), PhoneticKey("yan"));
  EXPECT_EQ(PhoneticKey("awa"), PhoneticKey("ava"));
  EXPECT_NE(PhoneticKey("kim"), PhoneticKey("kam"));
  EXPECT_NE(PhoneticKey("lee"), PhoneticKey("li"));
}

TEST(EditDistanceTest, AgreesWithTheFullTable) {
  // A three-letter alphabet makes shared affixes, repeats and transpositions common.
  std::mt19937 random(7);
  std::uniform_int_distribution<int> length(0, 9);
  std::uniform_int_distribution<int> letter(0, 2);
  for (int round = 0; round < 20000; ++round) {
    std::string a(length(random), 'a');
    std::string b(length(random), 'a');
    for (char& c : a) c = static_cast<char>('a' + letter(random));
    for (char& c : b) c = static_cast<char>('a' + letter(random));
    const int expected = ReferenceOsaDistance(a, b);
    for (int bound = 0; bound <= 3; ++bound) {
      ASSERT_EQ(BoundedOsaDistance(a, b, bound), std::min(expected, bound + 1))
          << a << " / " << b << " bound " << bound;
    }
  }
}

TEST(EditDistanceTest, LongWordsAgreeWithTheFullTableOnBothPaths) {
  // Words around 64 letters cross from the bit-parallel path to the table; words that
  // differ by a few edits keep the distance within the bounds the index uses.
  std::mt19937 random(11);
  std::uniform_int_distribution<int> length(50, 75);
  std::uniform_int_distribution<int> letter(0, 3);
  std::uniform_int_distribution<int> edits(0, 4);
  for (int round = 0; round < 2000; ++round) {
    std::string a(length(random), 'a');
    for (char& c : a) c = static_cast<char>('a' + letter(random));
    std::string b = a;
    for (int e = edits(random); e > 0 && !b.empty(); --e) {
      const std::size_t at = random() % b.size();
      switch (random() % 4) {
        case 0:
          b[at] = static_cast<char>('a' + letter(random));
          break;
        case 1:
          b.erase(at, 1);
          break;
        case 2:
          b.insert(at, 1, static_cast<char>('a' + letter(random)));
          break;
        default:
          if (at + 1 < b.size()) std::swap(b[at], b[at + 1]);
      }
    }
    const int expected = ReferenceOsaDistance(a, b);
    for (int bound = 1; bound <= 5; bound += 2) {
      ASSERT_EQ(BoundedOsaDistance(a, b, bound), std::min(expected, bound + 1))
          << a << " / " << b << " bound " << bound;
      ASSERT_EQ(OsaDistanceTable(a, b, bound), std::min(expected, bound + 1))
          << a << " / " << b << " bound " << bound;
    }
  }
}

TEST(EditDistanceTest, CountsTranspositionsAsOneEdit) {
  EXPECT_EQ(BoundedOsaDistance("huawei", "huawei", 2), 0);
  EXPECT_EQ(BoundedOsaDistance("huawei", "hauwei", 2), 1);
  EXPECT_EQ(BoundedOsaDistance("huawei", "huaweii", 2), 1);
  EXPECT_EQ(BoundedOsaDistance("kyaw", "kaw", 1), 1);
  EXPECT_EQ(BoundedOsaDistance("aleksandr", "alexandr", 2), 2);
  EXPECT_EQ(BoundedOsaDistance("abc", "xyz", 1), 2);  // beyond the bound: bound + 1
  EXPECT_EQ(BoundedOsaDistance("", "abc", 5), 3);
}

}  // namespace
}  // namespace tollgate::screening
