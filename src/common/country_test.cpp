#include "tollgate/common/country.h"

#include <gtest/gtest.h>
#include <unicode/uloc.h>

#include <set>
#include <string>

namespace tollgate {
namespace {

std::string CodeOf(std::optional<Country> country) {
  return country ? std::string(country->code) : "<none>";
}

TEST(CountryTest, TableHoldsEveryIsoCodeOnceAndKosovo) {
  std::set<std::string> codes;
  for (const Country& c : AllCountries()) {
    EXPECT_TRUE(codes.insert(std::string(c.code)).second) << c.code;
    EXPECT_FALSE(c.name.empty()) << c.code;
  }
  EXPECT_EQ(codes.size(), 250u);  // 249 ISO 3166-1 codes + XK
  EXPECT_TRUE(codes.count("XK"));

  // ICU's region data is an independent source: every current ISO code it knows must
  // be in the table. ICU also lists withdrawn codes ("AN") and exceptionally reserved
  // ones (DG Diego Garcia, EA Ceuta and Melilla, IC Canary Islands), which are not
  // ISO 3166-1 country codes.
  std::set<std::string> withdrawn = {"AN", "BU", "CS", "DD", "DY", "FX", "HV", "NH", "RH", "SU",
                                     "TP", "UK", "VD", "YD", "YU", "ZR", "DG", "EA", "IC"};
  int from_icu = 0;
  for (const char* const* it = uloc_getISOCountries(); *it != nullptr; ++it) {
    if (withdrawn.count(*it)) continue;
    ++from_icu;
    EXPECT_TRUE(codes.count(*it)) << *it << " is known to ICU but missing";
  }
  EXPECT_GE(from_icu, 249);
}

TEST(CountryTest, ByCodeIgnoresCase) {
  EXPECT_EQ(CodeOf(CountryByCode("cn")), "CN");
  EXPECT_EQ(CountryByCode("CN")->name, "China");
  EXPECT_EQ(CodeOf(CountryByCode("Xx")), "<none>");
  EXPECT_EQ(CodeOf(CountryByCode("CHN")), "<none>");
  EXPECT_EQ(CodeOf(CountryByCode("")), "<none>");
}

TEST(CountryTest, ByNameAcceptsTheSpellingsOfTheListFiles) {
  EXPECT_EQ(CodeOf(CountryByName("China")), "CN");
  EXPECT_EQ(CodeOf(CountryByName("CHina")), "CN");
  EXPECT_EQ(CodeOf(CountryByName("Russia")), "RU");
  EXPECT_EQ(CodeOf(CountryByName("Russian Federation")), "RU");
  EXPECT_EQ(CodeOf(CountryByName("Iran")), "IR");
  EXPECT_EQ(CodeOf(CountryByName("Iran (Islamic Republic of)")), "IR");
  EXPECT_EQ(CodeOf(CountryByName("Korea, North")), "KP");
  EXPECT_EQ(CodeOf(CountryByName("Democratic People's Republic of Korea")), "KP");
  EXPECT_EQ(CodeOf(CountryByName("Korea, South")), "KR");
  EXPECT_EQ(CodeOf(CountryByName("Burma")), "MM");
  EXPECT_EQ(CodeOf(CountryByName("Hong Kong")), "HK");
  EXPECT_EQ(CodeOf(CountryByName("Congo, Democratic Republic of the")), "CD");
  EXPECT_EQ(CodeOf(CountryByName("Democratic Republic of the Congo")), "CD");
  EXPECT_EQ(CodeOf(CountryByName("Congo, Republic of the")), "CG");
  EXPECT_EQ(CodeOf(CountryByName("United Kingdom")), "GB");
  EXPECT_EQ(CodeOf(CountryByName("United Kingdom of Great Britain and Northern Ireland")), "GB");
  EXPECT_EQ(CodeOf(CountryByName("Türkiye")), "TR");
  EXPECT_EQ(CodeOf(CountryByName("Turkey")), "TR");
  EXPECT_EQ(CodeOf(CountryByName("Côte d'Ivoire")), "CI");
  EXPECT_EQ(CodeOf(CountryByName("Cote d Ivoire")), "CI");
  EXPECT_EQ(CodeOf(CountryByName("Palestinian")), "PS");
  EXPECT_EQ(CodeOf(CountryByName("Viet Nam")), "VN");
  EXPECT_EQ(CodeOf(CountryByName("United Republic of Tanzania")), "TZ");
  EXPECT_EQ(CodeOf(CountryByName("St. Kitts & Nevis")), "KN");
  EXPECT_EQ(CodeOf(CountryByName("  saudi   arabia. ")), "SA");
}

TEST(CountryTest, ByNameRejectsCodesAndUnknownNames) {
  // "na" in a UN name column means "not available", not Namibia.
  EXPECT_EQ(CodeOf(CountryByName("na")), "<none>");
  EXPECT_EQ(CodeOf(CountryByName("Kong Kong")), "<none>");
  EXPECT_EQ(CodeOf(CountryByName("")), "<none>");
}

TEST(CountryTest, FindTriesTheCodeThenTheName) {
  EXPECT_EQ(CodeOf(FindCountry("de")), "DE");
  EXPECT_EQ(CodeOf(FindCountry("Germany")), "DE");
  EXPECT_EQ(CodeOf(FindCountry("UK")), "GB");  // not an ISO code; a name variant
  EXPECT_EQ(CodeOf(FindCountry("Atlantis")), "<none>");
}

}  // namespace
}  // namespace tollgate
