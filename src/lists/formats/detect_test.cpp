#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lists/formats/test_files.h"
#include "tollgate/lists/format.h"

namespace tollgate::lists {
namespace {

using ::testing::HasSubstr;
using testing::ReadAll;
using testing::SharedList;
using testing::TempDir;

std::string Detected(const std::filesystem::path& path) {
  Result<Format> format = DetectFormat(path);
  return format.ok() ? FormatName(*format) : "error: " + format.error().message;
}

TEST(DetectFormatTest, RecognizesEverySharedListFile) {
  EXPECT_EQ(Detected(SharedList("csl_sample_2019.csv")), "csl-csv");
  EXPECT_EQ(Detected(SharedList("csl_sample_2025.csv")), "csl-csv");
  EXPECT_EQ(Detected(SharedList("ofac_sdn_2024-05-03.csv")), "ofac-sdn");
  EXPECT_EQ(Detected(SharedList("ofac_sdn_2024-05-01.csv")), "ofac-sdn");
  EXPECT_EQ(Detected(SharedList("ofac_sdn_2021-07.csv")), "ofac-sdn");
  EXPECT_EQ(Detected(SharedList("ofac_cons_prim_2025-12.csv")), "ofac-cons");
  EXPECT_EQ(Detected(SharedList("un_consolidated_2026-02.xml")), "un-xml");
  EXPECT_EQ(Detected(SharedList("bis_dpl_2022-09.txt")), "bis-dpl");
  EXPECT_EQ(Detected(SharedList("state_isn_2019.csv")), "state-isn");
  EXPECT_EQ(Detected(SharedList("state_dtc_debarred_2018-01-24.csv")), "state-dtc");
}

TEST(DetectFormatTest, PointsFromOfacCompanionFilesToTheirPrimaryFile) {
  EXPECT_THAT(Detected(SharedList("ofac_alt_2021-07.csv")),
              HasSubstr("looks like an OFAC alias file"));
  EXPECT_THAT(Detected(SharedList("ofac_cons_add_2025-12.csv")),
              HasSubstr("looks like an OFAC address file"));
}

TEST(DetectFormatTest, TellsTheNonSdnFileByItsProgramsNotItsName) {
  TempDir dir;
  auto renamed = dir.Write("list.csv", ReadAll(SharedList("ofac_cons_prim_2025-12.csv")));
  EXPECT_EQ(Detected(renamed), "ofac-cons");
  std::string sdn = ReadAll(SharedList("ofac_sdn_2024-05-03.csv"));
  EXPECT_EQ(Detected(dir.Write("download.csv", sdn.substr(0, 20000))), "ofac-sdn");
  // With nothing in the content to tell, the name breaks the tie.
  EXPECT_EQ(Detected(dir.Write("cons_prim.csv", sdn.substr(0, sdn.find("\n173,") + 1))),
            "ofac-cons");
}

TEST(DetectFormatTest, DetectsJsonAndRefusesWhatItDoesNotKnow) {
  TempDir dir;
  EXPECT_EQ(Detected(dir.Write("a.json", "\xEF\xBB\xBF  {\"results\": []}")), "csl-json");
  EXPECT_EQ(Detected(dir.Write("b.json", "[]")), "csl-json");
  EXPECT_THAT(Detected(dir.Write("c.xml", "<?xml version=\"1.0\"?><sdnList/>")),
              HasSubstr("XML root <sdnList> is not CONSOLIDATED_LIST"));
  // Found by list_reader_fuzz: a root name that is not UTF-8 made the message itself
  // unwritable as JSON (the API's error body threw).
  std::string refused =
      Detected(dir.Write("f.xml", "<?xml version=\"1.0\"?><CONSOL_ID\xFF\xFFT a=\"1\"/>"));
  EXPECT_THAT(refused, HasSubstr("XML root <CONSOL_ID\\xFF\\xFFT> is not CONSOLIDATED_LIST"));
  EXPECT_NO_THROW((void)nlohmann::json(refused).dump());
  EXPECT_THAT(Detected(dir.Write("d.csv", "a,b,c\n1,2,3\n")),
              HasSubstr("unknown list format: the first line matches no known header"));
  EXPECT_THAT(Detected(dir.Write("e.csv", "")), HasSubstr("the file is empty"));
  Result<Format> missing = DetectFormat(dir.path() / "missing.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kIoError);
}

TEST(DetectFormatTest, ExplicitFormatOverridesDetection) {
  TempDir dir;
  auto path = dir.Write("list.csv", ReadAll(SharedList("ofac_cons_prim_2025-12.csv")));
  Result<ParsedList> as_sdn = ReadListFile(path, Format::kOfacSdn);
  ASSERT_TRUE(as_sdn.ok()) << as_sdn.error().message;
  EXPECT_EQ(as_sdn->entries.front().list, "SDN");
}

TEST(FormatNamesTest, RoundTripAndNameTheirFeed) {
  for (Format f : {Format::kCslCsv, Format::kCslJson, Format::kOfacSdn, Format::kOfacCons,
                   Format::kUnXml, Format::kBisDpl, Format::kStateIsn, Format::kStateDtc}) {
    Result<Format> parsed = ParseFormat(FormatName(f));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, f);
  }
  EXPECT_STREQ(FeedOf(Format::kCslJson), "csl");
  EXPECT_STREQ(FeedOf(Format::kUnXml), "un");
  EXPECT_STREQ(FeedOf(Format::kOfacCons), "ofac-cons");
  Result<Format> bad = ParseFormat("sdn");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(bad.error().message, HasSubstr("expected one of csl-csv, csl-json, ofac-sdn"));
}

}  // namespace
}  // namespace tollgate::lists
