// Look-alike digits and symbols inside words are read as letters; numbers stay numbers.
#include "screening/evasion.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tollgate/screening/normalize.h"

namespace tollgate::screening {
namespace {

// The canons of `name`'s tokens, one space between.
std::string Read(std::string_view name) {
  std::string out;
  for (const auto& t : TokenizeName(name)) out += (out.empty() ? "" : " ") + t.canon;
  return out;
}

TEST(EvasionTest, ReadsLookAlikeDigitsAndSymbolsInsideWords) {
  EXPECT_EQ(Read("MASJ3D1, Iraj"), "masjedi iraj");
  EXPECT_EQ(Read("H@ssan $amir"), "hassan samir");
  EXPECT_EQ(Read("R0SNEFT"), "rosneft");
  EXPECT_EQ(Read("5AMIR 7ARIQ"), "samir tariq");
  // Two look-alikes in a short word that ends in a letter (issue 16, item 3).
  EXPECT_EQ(Read("PY07R Ivanov"), "pyotr ivanov");
  EXPECT_EQ(Read("75ANG Wai"), "tsang wai");
  EXPECT_EQ(Read("4m1d"), "amid");
  // As many look-alikes as letters, one of them between letters: no designation's shape.
  EXPECT_EQ(Read("M4DH1 Ali"), "madhi ali");
  EXPECT_EQ(Read("S4R4"), "sara");
  EXPECT_EQ(Read("Q0D5 Force"), "qods force");
  // A lone 0 is the initial O.
  EXPECT_EQ(Read("0, Yong Ho"), "o yong ho");
  EXPECT_EQ(TokenizeName("0 Yong").front().token_class, TokenClass::kInitial);
  // A legal form written with a look-alike is still the legal form.
  EXPECT_EQ(Read("Alfa C0MPANY"), "alfa co");
  // As written, for the explanation.
  EXPECT_EQ(TokenizeName("MASJ3D1").front().text, "masj3d1");
  EXPECT_EQ(TokenizeName("MASJ3D1").front().token_class, TokenClass::kWord);
}

TEST(EvasionTest, NumbersAndModelNamesStayNumbers) {
  for (const char* number :
       {"11420", "A320", "B52", "AK47", "SU35", "MIG29", "T72", "3M", "VAN14", "KH55"}) {
    const auto tokens = TokenizeName(number);
    ASSERT_EQ(tokens.size(), 1u) << number;
    EXPECT_EQ(tokens.front().token_class, TokenClass::kNumber) << number;
    EXPECT_EQ(tokens.front().canon, tokens.front().text) << number;
  }
  // A symbol standing alone separates words, as before.
  EXPECT_EQ(Read("Alfa @ Beta"), "alfa beta");
  EXPECT_EQ(Read("Alfa $ 5"), "alfa 5");
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

TEST(EvasionTest, EveryLookAlikeReadForShortLexiconWords) {
  std::string letters;
  EXPECT_TRUE(ReadEveryLookAlike("1lc", true, letters));
  EXPECT_EQ(letters, "llc");
  EXPECT_TRUE(ReadEveryLookAlike("a0", false, letters));
  EXPECT_EQ(letters, "ao");
  EXPECT_TRUE(ReadEveryLookAlike("s4r4", false, letters));
  EXPECT_EQ(letters, "sara");
  // No letter, no look-alike, or a digit that stands for none.
  EXPECT_FALSE(ReadEveryLookAlike("47", false, letters));
  EXPECT_FALSE(ReadEveryLookAlike("llc", false, letters));
  EXPECT_FALSE(ReadEveryLookAlike("mig29", false, letters));
}

}  // namespace
}  // namespace tollgate::screening
