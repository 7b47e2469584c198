// OFAC legacy CSV readers on the shared real files, and on truncated or corrupted
// copies of them written to a temp directory.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "lists/formats/test_files.h"
#include "tollgate/lists/format.h"

namespace tollgate::lists {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using testing::FindEntry;
using ::testing::HasSubstr;
using testing::LineOf;
using testing::MustRead;
using testing::ParseFailure;
using testing::ReadAll;
using testing::SharedList;
using testing::TempDir;

// Each real file is read once for the whole suite: the SDN files are large.
class OfacRealFilesTest : public ::testing::Test {
 protected:
  static const ParsedList& Read(const char* name) {
    static std::map<std::string, ParsedList> cache;
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(name, MustRead(SharedList(name))).first;
    return it->second;
  }
  // Read on first use: ctest runs each test in its own process.
  static const ParsedList& Sdn0501() { return Read("ofac_sdn_2024-05-01.csv"); }
  static const ParsedList& Sdn0503() { return Read("ofac_sdn_2024-05-03.csv"); }
  static const ParsedList& Sdn2021() { return Read("ofac_sdn_2021-07.csv"); }
  static const ParsedList& Cons() { return Read("ofac_cons_prim_2025-12.csv"); }
};

std::size_t CountAliases(const ParsedList& list) {
  std::size_t n = 0;
  for (const ListEntry& e : list.entries) n += e.aliases.size();
  return n;
}

TEST_F(OfacRealFilesTest, ReadsEveryRecordOfTheSdnFiles) {
  EXPECT_EQ(Sdn0503().format, Format::kOfacSdn);
  EXPECT_EQ(Sdn0503().entries.size(), 14965u);
  EXPECT_EQ(Sdn0501().entries.size(), 14966u);
  for (const ListEntry& e : Sdn0503().entries) ASSERT_EQ(e.list, "SDN") << e.entry_id;
  // Without alt.csv and add.csv beside them: warnings, not errors.
  EXPECT_EQ(Sdn0503().files_read.size(), 1u);
  ASSERT_EQ(Sdn0503().warnings.size(), 2u);
  EXPECT_THAT(Sdn0503().warnings[0], HasSubstr("no alias file ofac_alt_2024-05-03.csv"));
  EXPECT_THAT(Sdn0503().warnings[1], HasSubstr("no address file ofac_add_2024-05-03.csv"));
}

TEST_F(OfacRealFilesTest, IdsAreEntNumsSoTwoDaysApartDifferBySevenAddedAndEightRemoved) {
  std::set<std::string> before, after;
  for (const ListEntry& e : Sdn0501().entries) before.insert(e.entry_id);
  for (const ListEntry& e : Sdn0503().entries) after.insert(e.entry_id);
  std::vector<std::string> added, removed;
  for (const std::string& id : after) {
    if (!before.count(id)) added.push_back(id);
  }
  for (const std::string& id : before) {
    if (!after.count(id)) removed.push_back(id);
  }
  EXPECT_THAT(added, ElementsAre("48321", "48323", "48325", "48326", "48328", "48329", "48330"));
  EXPECT_EQ(removed.size(), 8u);
  EXPECT_THAT(removed, Contains("38556"));
}

TEST_F(OfacRealFilesTest, ReadsTypesProgramsAndRemarksOfAnSdnRecord) {
  const ListEntry* e = FindEntry(Sdn0503(), "2676");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "AL ZAWAHIRI, Dr. Ayman");  // "SURNAME, Given" as published
  EXPECT_EQ(e->type, EntryType::kIndividual);
  EXPECT_THAT(e->programs, ElementsAre("SDGT"));
  EXPECT_EQ(e->title, "Operational and Military Leader of JIHAD GROUP");
  EXPECT_THAT(e->dates_of_birth, ElementsAre("1951-06-19"));
  EXPECT_THAT(e->ids, Contains(Identifier{"Passport", "1084010", "EG"}));
  EXPECT_THAT(e->remarks, HasSubstr("POB Giza, Egypt"));
  EXPECT_FALSE(e->start_date.has_value());  // the legacy SDN file states no listing date

  // "SDGT] [IFSR": the legacy file's way of writing two programs.
  std::map<std::size_t, int> program_counts;
  for (const ListEntry& entry : Sdn0503().entries) ++program_counts[entry.programs.size()];
  EXPECT_GT(program_counts[2], 400);
  for (const ListEntry& entry : Sdn0503().entries) {
    for (const std::string& p : entry.programs) {
      ASSERT_EQ(p.find_first_of("[]"), std::string::npos) << entry.entry_id << " " << p;
    }
  }
}

TEST_F(OfacRealFilesTest, WithoutAltCsvAliasesComeFromTheRemarks) {
  const ListEntry* bnc = FindEntry(Sdn0503(), "306");
  ASSERT_NE(bnc, nullptr);
  EXPECT_THAT(bnc->aliases, ElementsAre(Alias{"BNC", AliasKind::kAka}));
}

TEST_F(OfacRealFilesTest, Joins2021AliasesAndAddressesOnEntNum) {
  EXPECT_EQ(Sdn2021().entries.size(), 8976u);
  EXPECT_EQ(CountAliases(Sdn2021()), 11910u);  // every alt.csv row, none from remarks
  EXPECT_EQ(Sdn2021().files_read.size(), 3u);
  EXPECT_TRUE(Sdn2021().warnings.empty());
  std::size_t addresses = 0;
  for (const ListEntry& e : Sdn2021().entries) addresses += e.addresses.size();
  // 13837 add.csv rows, less 2397 that are "-0-" in every column.
  EXPECT_EQ(addresses, 13837u - 2397u);

  const ListEntry* bnc = FindEntry(Sdn2021(), "306");
  ASSERT_NE(bnc, nullptr);
  EXPECT_THAT(bnc->aliases, Contains(Alias{"NATIONAL BANK OF CUBA", AliasKind::kAka}));
  ASSERT_GE(bnc->addresses.size(), 4u);
  EXPECT_EQ(bnc->addresses[0].street, "Zweierstrasse 35");
  EXPECT_EQ(bnc->addresses[0].city, "Zurich CH-8022");
  EXPECT_EQ(bnc->addresses[0].country, "CH");
  EXPECT_EQ(bnc->addresses[2].country, "JP");

  const ListEntry* vessel = FindEntry(Sdn2021(), "4234");
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->type, EntryType::kVessel);
  EXPECT_THAT(vessel->ids, Contains(Identifier{"Call Sign", "CL2685", ""}));
  EXPECT_THAT(vessel->nationalities, ElementsAre("CU"));  // its flag
}

TEST_F(OfacRealFilesTest, ReadsTheNonSdnListWithItsCompanions) {
  EXPECT_EQ(Cons().format, Format::kOfacCons);
  EXPECT_EQ(Cons().entries.size(), 442u);
  EXPECT_EQ(CountAliases(Cons()), 1073u);
  std::size_t addresses = 0;
  for (const ListEntry& e : Cons().entries) addresses += e.addresses.size();
  EXPECT_EQ(addresses, 574u - 52u);  // cons_add.csv rows less those "-0-" throughout
  EXPECT_EQ(Cons().files_read.size(), 3u);
  std::map<std::string, int> lists;
  for (const ListEntry& e : Cons().entries) ++lists[e.list];
  EXPECT_EQ(lists, (std::map<std::string, int>{
                       {"CAP", 1}, {"CMIC", 68}, {"NS-MBS", 9}, {"PLC", 78}, {"SSI", 286}}));
}

TEST_F(OfacRealFilesTest, HuaweiTechnologiesIsOnTheCmicListFromJune2021) {
  const ListEntry* e = FindEntry(Cons(), "30947");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "HUAWEI TECHNOLOGIES CO., LTD.");
  EXPECT_EQ(e->list, "CMIC");
  EXPECT_EQ(e->type, EntryType::kEntity);
  EXPECT_THAT(e->programs, ElementsAre("CMIC-EO13959"));
  ASSERT_TRUE(e->start_date.has_value());
  EXPECT_EQ(e->start_date->ToString(), "2021-06-03");  // "Listing Date (CMIC) 03 Jun 2021"
  EXPECT_THAT(e->ids, ElementsAre(Identifier{"USCC", "914403001922038216", "CN"}));
  EXPECT_THAT(e->aliases,
              ElementsAre(Alias{"HUAWEI INVESTMENT & HOLDING CO LTD", AliasKind::kAka}));
  ASSERT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].street,
            "Huawei Headquarter Office Building, Bantian, Longgang District");
  EXPECT_EQ(e->addresses[0].city, "Guangdong, Shenzhen 518129");
  EXPECT_EQ(e->addresses[0].country, "CN");
  EXPECT_EQ(e->addresses[0].country_name, "China");
  EXPECT_THAT(e->remarks, HasSubstr("Purchase/Sales For Divestment Date (CMIC) 03 Jun 2022"));
}

TEST_F(OfacRealFilesTest, AnSsiEntryDoesNotTakeAnotherProgramsListingDate) {
  // VTB is under UKRAINE-EO13662 (SSI) and RUSSIA-EO14024: the EO 14024 directive dates
  // in its remarks are not the date of its SSI listing.
  const ListEntry* vtb = FindEntry(Cons(), "17013");
  ASSERT_NE(vtb, nullptr);
  EXPECT_EQ(vtb->list, "SSI");
  EXPECT_FALSE(vtb->start_date.has_value());
}

// --- Damaged copies -------------------------------------------------------------

// The SDN file cut in the middle of a line, inside entry 2676's quoted remarks.
TEST(OfacDamagedFilesTest, RefusesAFileTruncatedInsideAQuotedField) {
  std::string sdn = ReadAll(SharedList("ofac_sdn_2024-05-03.csv"));
  std::size_t at = sdn.find("\"DOB 19 Jun 1951; POB Giza");  // entry 2676's remarks
  ASSERT_NE(at, std::string::npos);
  TempDir dir;
  auto cut = dir.Write("ofac_sdn_cut.csv", std::string_view(sdn).substr(0, at + 12));
  EXPECT_EQ(ParseFailure(cut),
            cut.string() + ":" + std::to_string(LineOf(sdn, at)) +
                ": field Remarks: unterminated quoted field (the input ends inside it: "
                "truncated?)");
}

TEST(OfacDamagedFilesTest, RefusesAFileTruncatedBetweenFields) {
  std::string sdn = ReadAll(SharedList("ofac_sdn_2024-05-03.csv"));
  std::size_t line_start = sdn.find("\n2676,") + 1;
  std::size_t program_end = sdn.find("\"SDGT\",", line_start) + 6;  // before the comma
  TempDir dir;
  auto cut = dir.Write("sdn.csv", std::string_view(sdn).substr(0, program_end));
  EXPECT_EQ(ParseFailure(cut, Format::kOfacSdn),
            cut.string() + ":" + std::to_string(LineOf(sdn, line_start)) +
                ": field Title: missing (the record has 4 fields, expected 12)");
}

TEST(OfacDamagedFilesTest, RefusesAFileTruncatedInsideItsLastUnquotedField) {
  // "...,-0- ,-0- " cut to "...,-0- ,-0": still 12 fields, but no final line break.
  std::string sdn = ReadAll(SharedList("ofac_sdn_2024-05-03.csv"));
  std::size_t line_start = sdn.find("\n424,") + 1;
  std::size_t line_end = sdn.find("\r\n", line_start);
  TempDir dir;
  auto cut = dir.Write("sdn.csv", std::string_view(sdn).substr(0, line_end - 2));
  EXPECT_EQ(ParseFailure(cut),
            cut.string() + ":" + std::to_string(LineOf(sdn, line_start)) +
                ": field Remarks: the last record does not end with a line break (truncated "
                "file?)");
}

TEST(OfacDamagedFilesTest, RefusesANonIntegerEntNumAndAnEmptyName) {
  std::string sdn = ReadAll(SharedList("ofac_sdn_2024-05-03.csv"));
  std::size_t line_start = sdn.find("\n306,") + 1;
  int line = LineOf(sdn, line_start);
  TempDir dir;

  std::string bad_num = sdn;
  bad_num.replace(line_start, 3, "3O6");
  EXPECT_EQ(ParseFailure(dir.Write("sdn.csv", bad_num)),
            (dir.path() / "sdn.csv").string() + ":" + std::to_string(line) +
                ": field ent_num: not a whole number: '3O6'");

  std::string no_name = sdn;
  no_name.replace(line_start, std::string("306,\"BANCO NACIONAL DE CUBA\"").size(), "306,\"  \"");
  EXPECT_EQ(ParseFailure(dir.Write("sdn.csv", no_name)),
            (dir.path() / "sdn.csv").string() + ":" + std::to_string(line) +
                ": field SDN_Name: empty primary name");

  std::string duplicate = sdn;
  duplicate.replace(line_start, 3, "173");
  EXPECT_THAT(ParseFailure(dir.Write("sdn.csv", duplicate)),
              HasSubstr(":" + std::to_string(line) +
                        ": field ent_num: duplicate ent_num 173 (first on line 2)"));
}

TEST(OfacDamagedFilesTest, RefusesAnAliasOfAnEntryThatIsNotInThePrimaryFile) {
  TempDir dir;
  dir.Write("ofac_sdn_2021-07.csv", ReadAll(SharedList("ofac_sdn_2021-07.csv")));
  dir.Write("ofac_add_2021-07.csv", ReadAll(SharedList("ofac_add_2021-07.csv")));
  std::string alt = ReadAll(SharedList("ofac_alt_2021-07.csv"));
  ASSERT_EQ(alt.back(), '\x1A');
  alt.insert(alt.size() - 1, "99999999,1,\"aka\",\"NOBODY\",-0- \r\n");
  auto alt_path = dir.Write("ofac_alt_2021-07.csv", alt);
  auto sdn_path = dir.path() / "ofac_sdn_2021-07.csv";
  EXPECT_EQ(ParseFailure(sdn_path), alt_path.string() +
                                        ":11911: field ent_num: 99999999 is not an entry of " +
                                        sdn_path.string());
}

TEST(OfacDamagedFilesTest, RefusesAnUnknownAliasType) {
  TempDir dir;
  dir.Write("sdn.csv",
            "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,"
            "-0- ,-0- ,-0- \r\n");
  auto alt = dir.Write("alt.csv", "36,12,\"also\",\"AERO-CARIBBEAN\",-0- \r\n");
  EXPECT_EQ(
      ParseFailure(dir.path() / "sdn.csv"),
      alt.string() + ":1: field alt_type: unknown alias type 'also': expected aka, fka or nka");
}

TEST(OfacCompanionTest, FindsCompanionsByReplacingTheTokenInTheName) {
  TempDir dir;
  const char* record =
      "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1A";
  dir.Write("SDN.CSV", record);
  dir.Write("ALT.CSV", "36,12,\"aka\",\"AERO-CARIBBEAN\",\"weak alias\"\r\n");
  dir.Write("ADD.CSV", "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n");
  ParsedList list = MustRead(dir.path() / "SDN.CSV");
  ASSERT_EQ(list.entries.size(), 1u);
  EXPECT_EQ(list.files_read.size(), 3u);
  EXPECT_TRUE(list.warnings.empty());
  EXPECT_THAT(list.entries[0].aliases, ElementsAre(Alias{"AERO-CARIBBEAN", AliasKind::kWeak}));
  ASSERT_EQ(list.entries[0].addresses.size(), 1u);
  EXPECT_EQ(list.entries[0].addresses[0].city, "Havana");
  EXPECT_EQ(list.entries[0].addresses[0].country, "CU");

  dir.Write("cons_prim.csv", record);
  dir.Write("cons_alt.csv", "36,12,\"fka\",\"OLD AIRLINE\",-0- \r\n");
  list = MustRead(dir.path() / "cons_prim.csv", Format::kOfacCons);
  ASSERT_EQ(list.entries.size(), 1u);
  EXPECT_THAT(list.entries[0].aliases, ElementsAre(Alias{"OLD AIRLINE", AliasKind::kFka}));
  ASSERT_EQ(list.warnings.size(), 1u);
  EXPECT_THAT(list.warnings[0], HasSubstr("no address file cons_add.csv"));
}

TEST(OfacEncodingTest, DecodesWindows1252Names) {
  // The shared SDN files happen to be pure ASCII, so the accented record is added to
  // a copy of their first lines, in cp1252 as OFAC writes such names.
  std::string sdn = ReadAll(SharedList("ofac_sdn_2024-05-03.csv"));
  std::string head = sdn.substr(0, sdn.find("\n424,") + 1);
  head +=
      "99001,\"MU\xD1OZ PE\xC7"
      "A, Jos\xE9 Mar\xED"
      "a\",\"individual\",\"SDNTK\",-0- ,-0- ,-0- ,"
      "-0- ,-0- ,-0- ,-0- ,\"a.k.a. \x93"
      "EL G\xDC"
      "ERO\x94; nationality Mexico.\"\r\n\x1A";
  TempDir dir;
  ParsedList list = MustRead(dir.Write("sdn.csv", head));
  const ListEntry* e = FindEntry(list, "99001");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "MUÑOZ PEÇA, José María");
  EXPECT_THAT(e->remarks, HasSubstr("“EL GÜERO”"));
  EXPECT_THAT(e->nationalities, ElementsAre("MX"));
}

}  // namespace
}  // namespace tollgate::lists
