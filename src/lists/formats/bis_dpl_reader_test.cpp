#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "lists/formats/test_files.h"
#include "tollgate/lists/format.h"

namespace tollgate::lists {
namespace {

using ::testing::ElementsAre;
using testing::FindByName;
using testing::MustRead;
using testing::ParseFailure;
using testing::ReadAll;
using testing::SharedList;
using testing::TempDir;

const ParsedList& Dpl() {
  static const ParsedList list = MustRead(SharedList("bis_dpl_2022-09.txt"));
  return list;
}

TEST(BisDplReaderTest, ReadsEveryRowAsAnEntityOfTheDpl) {
  EXPECT_EQ(Dpl().format, Format::kBisDpl);
  ASSERT_EQ(Dpl().entries.size(), 581u);
  std::set<std::string> ids;
  for (const ListEntry& e : Dpl().entries) {
    EXPECT_EQ(e.list, "DPL");
    EXPECT_EQ(e.type, EntryType::kEntity);
    ids.insert(e.entry_id);
  }
  // Rows of one order with several addresses share name and date; ids stay unique.
  EXPECT_EQ(ids.size(), 581u);
}

TEST(BisDplReaderTest, ReadsNamesDatesAddressesAndEachCitation) {
  const ListEntry* ash = FindByName(Dpl(), "I. ASH");  // " I. ASH" in the file
  ASSERT_NE(ash, nullptr);
  EXPECT_EQ(ash->start_date->ToString(), "2003-06-19");
  EXPECT_EQ(ash->end_date->ToString(), "2056-06-29");
  EXPECT_THAT(ash->federal_register, ElementsAre("68 FR 38290", "71 FR 38843", "72 FR 4236"));
  ASSERT_EQ(ash->addresses.size(), 1u);
  EXPECT_EQ(ash->addresses[0].city, "SEAGOVILLE");
  EXPECT_EQ(ash->addresses[0].state, "TX");
  EXPECT_EQ(ash->addresses[0].postal_code, "75159");
  EXPECT_EQ(ash->addresses[0].country, "US");
  EXPECT_EQ(ash->entry_id.size(), 16u);

  // The id is a digest of list, name and start date: the same on every import.
  ParsedList again = MustRead(SharedList("bis_dpl_2022-09.txt"));
  EXPECT_EQ(FindByName(again, "I. ASH")->entry_id, ash->entry_id);

  const ListEntry* villa = FindByName(Dpl(), "AARON ABRAHAM VILLA");
  ASSERT_NE(villa, nullptr);
  EXPECT_EQ(villa->addresses[0].country, "");  // the file leaves it empty
  EXPECT_THAT(villa->federal_register, ElementsAre("87 FR 52741"));
}

TEST(BisDplReaderTest, RefusesAnInvalidDateAndAMissingColumn) {
  std::string dpl = ReadAll(SharedList("bis_dpl_2022-09.txt"));
  TempDir dir;
  std::string bad = dpl;
  bad.replace(bad.find("\"08/24/2022\""), 12, "\"08/32/2022\"");
  auto path = dir.Write("dpl.txt", bad);
  EXPECT_EQ(ParseFailure(path, Format::kBisDpl),
            path.string() + ":3: field Effective_Date: not a date (MM/DD/YYYY): '08/32/2022'");

  std::string no_column = dpl;
  no_column.replace(no_column.find("\"FR_Citation\""), 13, "\"Citation\"");
  path = dir.Write("dpl.txt", no_column);
  EXPECT_EQ(ParseFailure(path, Format::kBisDpl),
            path.string() + ":1: field FR_Citation: missing column in the header row");

  std::string short_row = dpl;
  std::size_t row = short_row.find("\"AARON ABRAHAM VILLA\"");
  std::size_t last_field = short_row.find("\t\"87 F.R. 52741", row);
  short_row.erase(last_field, short_row.find('\n', row) - last_field);
  path = dir.Write("dpl.txt", short_row);
  EXPECT_EQ(
      ParseFailure(path, Format::kBisDpl),
      path.string() + ":3: field FR_Citation: missing (the record has 11 fields, expected 12)");
}

}  // namespace
}  // namespace tollgate::lists
