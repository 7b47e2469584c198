#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
using ::testing::StartsWith;
using testing::TempDir;

const ParsedList& UnList() {
  static const ParsedList list = MustRead(SharedList("un_consolidated_2026-02.xml"));
  return list;
}

TEST(UnXmlReaderTest, ReadsEveryIndividualAndEntity) {
  const ParsedList& un = UnList();
  EXPECT_EQ(un.format, Format::kUnXml);
  int individuals = 0, entities = 0;
  for (const ListEntry& e : un.entries) {
    ASSERT_EQ(e.list, "UN");
    (e.type == EntryType::kIndividual ? individuals : entities) += 1;
  }
  EXPECT_EQ(individuals, 730);
  EXPECT_EQ(entities, 273);
  ASSERT_TRUE(un.file_date.has_value());
  EXPECT_EQ(un.file_date->ToString(), "2026-02-27");
}

TEST(UnXmlReaderTest, ReadsAnIndividual) {
  const ListEntry* e = FindEntry(UnList(), "CDi.001");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "ERIC BADEGE");
  EXPECT_EQ(e->type, EntryType::kIndividual);
  EXPECT_THAT(e->programs, ElementsAre("DRC"));
  EXPECT_EQ(e->start_date->ToString(), "2012-12-31");
  EXPECT_THAT(e->nationalities, ElementsAre("CD"));  // "Democratic Republic of the Congo"
  EXPECT_THAT(e->dates_of_birth, ElementsAre("1971"));
  ASSERT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].country, "RW");
  EXPECT_TRUE(e->aliases.empty());  // the file's empty alias element means none
  EXPECT_THAT(e->remarks, StartsWith("He fled to Rwanda in March 2013"));
}

TEST(UnXmlReaderTest, MapsAliasQualityDocumentsAndDates) {
  const ListEntry* low = FindEntry(UnList(), "CDi.003");
  ASSERT_NE(low, nullptr);
  EXPECT_THAT(low->aliases, Contains(Alias{"Rumuli", AliasKind::kWeak}));

  const ListEntry* documented = FindEntry(UnList(), "CDi.019");
  ASSERT_NE(documented, nullptr);
  EXPECT_THAT(documented->ids,
              Contains(Identifier{"National Identification Number", "1-78-09-44621-80", ""}));

  const ListEntry* between = FindEntry(UnList(), "CDi.030");
  ASSERT_NE(between, nullptr);
  EXPECT_THAT(between->dates_of_birth, Contains("1973 to 1974"));

  // "2015-04-07-04:00": an xs:date with a time zone.
  EXPECT_EQ(FindEntry(UnList(), "QDi.352")->start_date->ToString(), "2015-04-07");

  // "na" (not available) is not part of the name.
  EXPECT_EQ(FindEntry(UnList(), "TAi.153")->name, "FAIZULLAH KHAN NOORZAI");

  const ListEntry* saddam = FindEntry(UnList(), "IQi.001");
  ASSERT_NE(saddam, nullptr);
  EXPECT_THAT(saddam->aliases, Contains(Alias{"صدام حسين التكريتي", AliasKind::kAka}));
}

TEST(UnXmlReaderTest, ReadsAnEntity) {
  const ListEntry* adf = FindEntry(UnList(), "CDe.001");
  ASSERT_NE(adf, nullptr);
  EXPECT_EQ(adf->name, "ADF");
  EXPECT_EQ(adf->type, EntryType::kEntity);
  EXPECT_THAT(adf->aliases, Contains(Alias{"Allied Democratic Forces", AliasKind::kAka}));
  EXPECT_THAT(adf->aliases, Contains(Alias{"NALU", AliasKind::kFka}));
  ASSERT_EQ(adf->addresses.size(), 1u);
  EXPECT_EQ(adf->addresses[0].state, "North Kivu");
  EXPECT_EQ(adf->addresses[0].country, "CD");
}

TEST(UnXmlReaderTest, RefusesATruncatedFile) {
  std::string xml = ReadAll(SharedList("un_consolidated_2026-02.xml"));
  TempDir dir;
  auto cut = dir.Write("un.xml", std::string_view(xml).substr(0, xml.size() / 2));
  EXPECT_THAT(ParseFailure(cut), StartsWith(cut.string() + ":"));
  EXPECT_THAT(ParseFailure(cut), HasSubstr("XML error"));
}

TEST(UnXmlReaderTest, RefusesAnInvalidListingDateAndAMissingReference) {
  std::string xml = ReadAll(SharedList("un_consolidated_2026-02.xml"));
  TempDir dir;

  std::string bad_date = xml;
  std::size_t at = bad_date.find("<LISTED_ON>2012-12-31</LISTED_ON>");
  ASSERT_NE(at, std::string::npos);
  bad_date.replace(at, 33, "<LISTED_ON>2012-13-31</LISTED_ON>");
  auto path = dir.Write("un.xml", bad_date);
  EXPECT_EQ(ParseFailure(path), path.string() + ":" + std::to_string(LineOf(xml, at)) +
                                    ": field LISTED_ON: not a date: '2012-13-31'");

  std::string no_ref = xml;
  at = no_ref.find("<REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>");
  no_ref.replace(at, 43, "<REFERENCE_NUMBER> </REFERENCE_NUMBER>");
  std::size_t individual = xml.rfind("<INDIVIDUAL>", at);
  path = dir.Write("un.xml", no_ref);
  EXPECT_EQ(ParseFailure(path), path.string() + ":" + std::to_string(LineOf(xml, individual)) +
                                    ": field REFERENCE_NUMBER: missing or empty");
}

}  // namespace
}  // namespace tollgate::lists
