#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "lists/formats/test_files.h"
#include "tollgate/lists/format.h"

namespace tollgate::lists {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using testing::FindByName;
using testing::MustRead;
using testing::ParseFailure;
using testing::ReadAll;
using testing::SharedList;
using testing::TempDir;

const ParsedList& Isn() {
  static const ParsedList list = MustRead(SharedList("state_isn_2019.csv"));
  return list;
}

TEST(StateIsnReaderTest, ReadsEveryRowWithItsProgramAndDate) {
  EXPECT_EQ(Isn().format, Format::kStateIsn);
  ASSERT_EQ(Isn().entries.size(), 213u);
  std::set<std::string> ids;
  int khan = 0;
  for (const ListEntry& e : Isn().entries) {
    EXPECT_EQ(e.list, "ISN");
    EXPECT_TRUE(e.start_date.has_value());
    ids.insert(e.entry_id);
    if (e.name == "Abdul Qadeer Khan") ++khan;
  }
  EXPECT_EQ(ids.size(), 213u);
  EXPECT_EQ(khan, 3);  // one row per statute he is sanctioned under

  const ListEntry* first = FindByName(Isn(), "150th Aircraft Repair Plant (ARZ) (Kaliningrad)");
  ASSERT_NE(first, nullptr);
  EXPECT_THAT(first->programs, ElementsAre("INKSNA"));
  EXPECT_EQ(first->start_date->ToString(), "2016-06-28");
  EXPECT_THAT(first->federal_register, ElementsAre("Vol. 81, No. 128, 07/05/16"));
  ASSERT_EQ(first->addresses.size(), 1u);
  EXPECT_EQ(first->addresses[0].country, "RU");
  EXPECT_EQ(first->source_url, "http://www.state.gov/t/isn/c15231.htm");
}

TEST(StateIsnReaderTest, SplitsAlternativeNamesAndFormerNames) {
  const ListEntry* citc = FindByName(Isn(), "Center for Innovation and Technology Cooperation");
  ASSERT_NE(citc, nullptr);
  EXPECT_THAT(citc->aliases, Contains(Alias{"CITC", AliasKind::kAka}));
  EXPECT_THAT(citc->aliases,
              Contains(Alias{"Presidency Office of Scientific and Industrial Studies (POSIS)",
                             AliasKind::kFka}));
  EXPECT_EQ(citc->aliases.size(), 6u);
}

TEST(StateIsnReaderTest, RefusesAnInvalidEffectiveDate) {
  std::string isn = ReadAll(SharedList("state_isn_2019.csv"));
  isn.replace(isn.find(",6/28/2016,"), 11, ",6/31/2016,");
  TempDir dir;
  auto path = dir.Write("isn.csv", isn);
  EXPECT_EQ(ParseFailure(path),
            path.string() + ":2: field Effective Date: not a date (M/D/YYYY): '6/31/2016'");
}

}  // namespace
}  // namespace tollgate::lists
