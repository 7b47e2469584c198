#include "screening/phonetic.h"

#include <gtest/gtest.h>

#include "screening/edit_distance.h"

namespace tollgate::screening {
namespace {

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
