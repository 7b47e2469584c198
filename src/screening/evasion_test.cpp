// Look-alike digits and symbols inside words are read as letters; numbers stay numbers.
#include "screening/evasion.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tollgate/screening/normalize.h"

namespace tollgate::screening {
namespace {

std::vector<std::string> Canons(std::string_view name) {
  std::vector<std::string> out;
  for (const auto& t : TokenizeName(name)) out.push_back(t.canon);
  return out;
}

using Words = std::vector<std::string>;

TEST(EvasionTest, ReadsLookAlikeDigitsAndSymbolsInsideWords) {
  EXPECT_EQ(Canons("MASJ3D1, Iraj"), (Words{"masjedi", "iraj"}));
  EXPECT_EQ(Canons("H@ssan $amir"), (Words{"hassan", "samir"}));
  EXPECT_EQ(Canons("R0SNEFT"), (Words{"rosneft"}));
  EXPECT_EQ(Canons("5AMIR 7ARIQ"), (Words{"samir", "tariq"}));
  // A legal form written with a look-alike is still the legal form.
  EXPECT_EQ(Canons("Alfa C0MPANY"), (Words{"alfa", "co"}));
  // As written, for the explanation.
  EXPECT_EQ(TokenizeName("MASJ3D1").front().text, "masj3d1");
  EXPECT_EQ(TokenizeName("MASJ3D1").front().token_class, TokenClass::kWord);
}

TEST(EvasionTest, NumbersAndModelNamesStayNumbers) {
  for (const char* number : {"11420", "A320", "B52", "AK47", "MIG29", "T72", "3M"}) {
    const auto tokens = TokenizeName(number);
    ASSERT_EQ(tokens.size(), 1u) << number;
    EXPECT_EQ(tokens.front().token_class, TokenClass::kNumber) << number;
    EXPECT_EQ(tokens.front().canon, tokens.front().text) << number;
  }
  // A symbol standing alone separates words, as before.
  EXPECT_EQ(Canons("Alfa @ Beta"), (Words{"alfa", "beta"}));
  EXPECT_EQ(Canons("Alfa $ 5"), (Words{"alfa", "5"}));
}

TEST(EvasionTest, OneReadsAsIOrL) {
  EXPECT_TRUE(ReadsAs("kha1i1", "khalil"));
  EXPECT_TRUE(ReadsAs("a1i", "ali"));
  EXPECT_TRUE(ReadsAs("m0hammed", "mohammed"));
  EXPECT_FALSE(ReadsAs("kha1i1", "khalia"));
  EXPECT_FALSE(ReadsAs("kha1i1", "khalils"));
  std::vector<std::string> readings;
  ForEachOtherReading("kha1i1", "khaiii", [&](std::string_view r) { readings.emplace_back(r); });
  EXPECT_EQ(readings, (std::vector<std::string>{"khalii", "khaiil", "khalil"}));
}

}  // namespace
}  // namespace tollgate::screening
