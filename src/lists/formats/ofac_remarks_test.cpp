#include "lists/formats/ofac_remarks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tollgate::lists::formats {
namespace {

using ::testing::ElementsAre;

TEST(OfacRemarksTest, ReadsTheCmicFactsOfHuaweiTechnologies) {
  // Entry 30947 of the Dec 2025 cons_prim.csv, verbatim.
  OfacRemarks r = ParseOfacRemarks(
      "Target Type Private Company; Effective Date (CMIC) 02 Aug 2021; Purchase/Sales For "
      "Divestment Date (CMIC) 03 Jun 2022; Listing Date (CMIC) 03 Jun 2021; Unified Social "
      "Credit Code (USCC) 914403001922038216 (China).");
  ASSERT_EQ(r.ids.size(), 1u);
  EXPECT_EQ(r.ids[0], (Identifier{"USCC", "914403001922038216", "CN"}));
  ASSERT_EQ(r.listing_dates.size(), 1u);
  EXPECT_EQ(r.listing_dates[0].tag, "CMIC");
  EXPECT_EQ(r.listing_dates[0].date.ToString(), "2021-06-03");
  ASSERT_EQ(r.effective_dates.size(), 1u);
  EXPECT_EQ(r.effective_dates[0].date.ToString(), "2021-08-02");
}

TEST(OfacRemarksTest, ReadsPersonalFacts) {
  OfacRemarks r = ParseOfacRemarks(
      "DOB 12 Feb 1961; alt. DOB circa 1955; DOB 1968 to 1969; POB Port-au-Prince, Haiti; "
      "nationality Haiti; citizen Saudi Arabia.; Gender Male; Passport L851940 issued 09 Sep "
      "1998 expires 08 Sep 2003; alt. Passport A06125000 (Nigeria); National ID No. "
      "905396560 (Palestinian)");
  EXPECT_THAT(r.dates_of_birth, ElementsAre("1961-02-12", "circa 1955", "1968 to 1969"));
  EXPECT_THAT(r.nationalities, ElementsAre("HT", "SA"));
  ASSERT_EQ(r.ids.size(), 3u);
  EXPECT_EQ(r.ids[0], (Identifier{"Passport", "L851940", ""}));
  EXPECT_EQ(r.ids[1], (Identifier{"Passport", "A06125000", "NG"}));
  EXPECT_EQ(r.ids[2], (Identifier{"National ID No.", "905396560", "PS"}));
}

TEST(OfacRemarksTest, ReadsVesselAndDirectiveFacts) {
  OfacRemarks r = ParseOfacRemarks(
      "Vessel Registration Identification IMO 9243801; MMSI 273456789; Listing Date (EO 14024 "
      "Directive 3): 24 Feb 2022; Effective Date (EO 14024 Directive)' associated with this "
      "name are prohibited.");
  ASSERT_EQ(r.ids.size(), 2u);
  EXPECT_EQ(r.ids[0], (Identifier{"IMO", "9243801", ""}));
  EXPECT_EQ(r.ids[1], (Identifier{"MMSI", "273456789", ""}));
  ASSERT_EQ(r.listing_dates.size(), 1u);
  EXPECT_EQ(r.listing_dates[0].tag, "EO 14024 Directive 3");
  EXPECT_EQ(r.listing_dates[0].date.ToString(), "2022-02-24");
  EXPECT_TRUE(r.effective_dates.empty());  // prose, not a date
}

TEST(OfacRemarksTest, ReadsAliasesWrittenInTheRemarks) {
  OfacRemarks r = ParseOfacRemarks("a.k.a. 'BNC'; f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'.");
  ASSERT_EQ(r.aliases.size(), 3u);
  EXPECT_EQ(r.aliases[0], (Alias{"BNC", AliasKind::kAka}));
  EXPECT_EQ(r.aliases[1], (Alias{"OLD NAME", AliasKind::kFka}));
  EXPECT_EQ(r.aliases[2], (Alias{"NEW NAME", AliasKind::kNka}));
}

TEST(OfacRemarksTest, LeavesUnknownPhrasesAlone) {
  OfacRemarks r = ParseOfacRemarks("Linked To: VTB BANK; Target Type Financial Institution");
  EXPECT_TRUE(r.ids.empty());
  EXPECT_TRUE(r.aliases.empty());
  EXPECT_TRUE(r.dates_of_birth.empty());
  EXPECT_TRUE(ParseOfacRemarks("").ids.empty());
}

}  // namespace
}  // namespace tollgate::lists::formats
