#include "lists/formats/reader_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tollgate::lists::formats {
namespace {

using ::testing::ElementsAre;

std::string Decoded(std::string_view bytes) {
  Result<std::string> text = DecodeText(bytes, "f.csv", TextEncoding::kUtf8OrWindows1252);
  EXPECT_TRUE(text.ok()) << text.error().message;
  return text.ok() ? *text : "";
}

TEST(DecodeTextTest, ReadsWindows1252AsUtf8) {
  // "JOSÉ" and curly quotes as OFAC's cp1252 files write them.
  EXPECT_EQ(Decoded("JOS\xC9 \x93X\x94 \x80"), "JOSÉ “X” €");
}

TEST(DecodeTextTest, KeepsUtf8AndDropsTheByteOrderMark) {
  EXPECT_EQ(Decoded("\xEF\xBB\xBFM\xC3\xBCller \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"),
            "Müller Москва");
}

TEST(DecodeTextTest, ReadsAFileThatMixesUtf8AndCp1252) {
  // The 2019 CSL sample has UTF-8 "§" and a stray cp1252 byte in one file.
  EXPECT_EQ(Decoded("\xC2\xA7 744.11 and Gui\x92"
                    "an"),
            "§ 744.11 and Gui’an");
}

TEST(DecodeTextTest, RepairsCp1252TextThatWasEncodedTwice) {
  // U+0092 is a control character; it comes from cp1252 0x92 (a right quote) read as
  // Latin-1 and written as UTF-8, as in the CSL sample's "Gui\xC2\x92an".
  EXPECT_EQ(Decoded("Gui\xC2\x92"
                    "an"),
            "Gui’an");
}

TEST(DecodeTextTest, RefusesBytesThatAreTextInNeitherEncoding) {
  Result<std::string> text =
      DecodeText("ok\nfine\nbad \x81 byte", "f.csv", TextEncoding::kUtf8OrWindows1252);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kParseError);
  EXPECT_EQ(text.error().message, "f.csv:3: byte 0x81 is neither UTF-8 nor Windows-1252 text");
}

TEST(DecodeTextTest, RefusesControlBytesOfABinaryFile) {
  Result<std::string> text = DecodeText(std::string_view("a,b\n\0\0\0", 7), "f.csv");
  ASSERT_FALSE(text.ok());
  EXPECT_THAT(text.error().message, ::testing::StartsWith("f.csv:2: byte 0x00 is a control"));
}

TEST(DecodeTextTest, RefusesBytesThatAreNotUtf8WhenTheFormatIsUtf8) {
  // Issue 11: read as Latin-1, "\xFF\xFESHINING PATH" no longer matched SHINING PATH.
  Result<std::string> text = DecodeText("a,b\nx,M\xC3\xBC\xFF\xFESHINING PATH\n", "f.csv");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kParseError);
  EXPECT_EQ(text.error().message,
            "f.csv:2: byte 0xFF at character 5 is not UTF-8 (list files of this format are "
            "read as UTF-8)");
  // A multi-byte sequence cut short (an Arabic letter missing its second byte).
  EXPECT_FALSE(DecodeText("\xD8\xA7\xD9", "f.csv").ok());
  EXPECT_EQ(Decoded("M\xC3\xBC"), *DecodeText("M\xC3\xBC", "f.csv"));
}

TEST(DecodeTextTest, RefusesUtf16Text) {
  // "a," in UTF-16LE after its byte order mark.
  Result<std::string> text = DecodeText(std::string_view("\xFF\xFE"
                                                         "a\0,\0",
                                                         6),
                                        "f.csv");
  ASSERT_FALSE(text.ok());
  EXPECT_THAT(text.error().message, ::testing::StartsWith("f.csv:1: the file is UTF-16 text"));
}

TEST(FirstInvalidUtf8Test, FindsTheFirstByteThatIsNotUtf8) {
  EXPECT_EQ(FirstInvalidUtf8("M\xC3\xBCller"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("M\xFCller"), 1u);
  EXPECT_EQ(FirstInvalidUtf8("ab\xC3"), 2u);        // cut short at the end
  EXPECT_EQ(FirstInvalidUtf8("\xC0\xAF"), 0u);      // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("\xED\xA0\x80"), 0u);  // a surrogate
  EXPECT_EQ(InvalidUtf8What("M\xC3\xBC\xFF", 3), "byte 0xFF at character 3 is not UTF-8");
}

TEST(CleanTextTest, TrimsAndCollapsesWhiteSpace) {
  EXPECT_EQ(CleanText("  ADRIAN \t MANUEL\r\nHERNANDEZ  "), "ADRIAN MANUEL HERNANDEZ");
  EXPECT_EQ(CleanText("EAR.  (See"), "EAR. (See");
  EXPECT_EQ(CleanText("a\xC2\xA0"
                      "b"),
            "a b");
  EXPECT_EQ(CleanText(" \n "), "");
}

TEST(SplitCleanTest, DropsEmptyParts) {
  EXPECT_THAT(SplitClean("IFSR; NPWMD;; ", ";"), ElementsAre("IFSR", "NPWMD"));
  EXPECT_TRUE(SplitClean("", ";").empty());
}

TEST(FederalRegisterTest, SplitsSeveralCitationsInOneString) {
  EXPECT_THAT(SplitFederalRegister("68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06"),
              ElementsAre("68 FR 38290", "71 FR 38843"));
  EXPECT_THAT(SplitFederalRegister("66 FR 24266, 77 FR 58006 (no. 182), 81 FR 64694"),
              ElementsAre("66 FR 24266", "77 FR 58006", "81 FR 64694"));
  EXPECT_THAT(SplitFederalRegister("82 F.R. 61745 12/29/2017,  83F.R. 28801 6/21/2018"),
              ElementsAre("82 FR 61745", "83 FR 28801"));
  EXPECT_THAT(SplitFederalRegister("83 FR 37423; 87 FR 77505"),
              ElementsAre("83 FR 37423", "87 FR 77505"));
  EXPECT_THAT(SplitFederalRegister("84 FR 22961"), ElementsAre("84 FR 22961"));
}

TEST(FederalRegisterTest, KeepsACitationOfAnotherFormWhole) {
  EXPECT_THAT(SplitFederalRegister("Vol. 83, No. 91,  05/10/2018"),
              ElementsAre("Vol. 83, No. 91, 05/10/2018"));
}

TEST(DigestIdTest, IsStableAndSeparatesItsParts) {
  EXPECT_EQ(DigestId({"DPL", "AARON ABRAHAM VILLA", "2022-08-24"}),
            DigestId({"DPL", "AARON ABRAHAM VILLA", "2022-08-24"}));
  EXPECT_EQ(DigestId({"DPL", "X", ""}).size(), 16u);
  EXPECT_NE(DigestId({"AB", "C"}), DigestId({"A", "BC"}));
  // SHA-256 of "a\x1F": pins the scheme so stored ids stay valid across versions.
  EXPECT_EQ(DigestId({"a"}), "69fc94c033d1f48c");
}

TEST(MakeIdsUniqueTest, NumbersRepeatsWithinAListInFileOrder) {
  std::vector<ListEntry> entries(4);
  entries[0].list = entries[1].list = entries[2].list = "DPL";
  entries[3].list = "EL";
  for (ListEntry& e : entries) e.entry_id = "abc";
  MakeIdsUnique(entries);
  EXPECT_EQ(entries[0].entry_id, "abc");
  EXPECT_EQ(entries[1].entry_id, "abc-2");
  EXPECT_EQ(entries[2].entry_id, "abc-3");
  EXPECT_EQ(entries[3].entry_id, "abc");  // another list: no clash
}

TEST(SetCountryTest, ResolvesCodesAndNamesAndKeepsTheWrittenText) {
  Address a;
  SetCountry(a, "China", false);
  EXPECT_EQ(a.country, "CN");
  EXPECT_EQ(a.country_name, "China");
  SetCountry(a, "US", true);
  EXPECT_EQ(a.country, "US");
  SetCountry(a, "Region: Crimea", false);
  EXPECT_EQ(a.country, "");
  EXPECT_EQ(a.country_name, "Region: Crimea");
}

}  // namespace
}  // namespace tollgate::lists::formats
