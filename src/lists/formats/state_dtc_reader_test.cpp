#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

const ParsedList& Dtc() {
  static const ParsedList list = MustRead(SharedList("state_dtc_debarred_2018-01-24.csv"));
  return list;
}

TEST(StateDtcReaderTest, ReadsEveryDebarredParty) {
  EXPECT_EQ(Dtc().format, Format::kStateDtc);
  ASSERT_EQ(Dtc().entries.size(), 515u);
  for (const ListEntry& e : Dtc().entries) ASSERT_EQ(e.list, "DTC");
  const ListEntry* first = FindByName(Dtc(), "Achurra, Antonio");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->type, EntryType::kIndividual);
  EXPECT_THAT(first->federal_register, ElementsAre("53 FR 27097"));
  EXPECT_EQ(first->start_date->ToString(), "1988-07-18");
}

TEST(StateDtcReaderTest, SplitsAliasesOutOfTheNameColumn) {
  const ListEntry* hukic = FindByName(Dtc(), "Hukic, Bajro");
  ASSERT_NE(hukic, nullptr);
  EXPECT_THAT(hukic->aliases, ElementsAre(Alias{"Bob Hukic", AliasKind::kAka},
                                          Alias{"Bab Hucici", AliasKind::kAka}));
  const ListEntry* fetco = FindByName(Dtc(), "Far East Trading Company, Inc.");
  ASSERT_NE(fetco, nullptr);
  EXPECT_EQ(fetco->type, EntryType::kEntity);  // a comma, but a company
  EXPECT_THAT(fetco->aliases, ElementsAre(Alias{"FETCO, Inc.", AliasKind::kAka}));
}

TEST(StateDtcReaderTest, TellsPersonsFromCompanies) {
  const ListEntry* dob = FindByName(Dtc(), "Mgbobila, Akanonu Fabian");
  ASSERT_NE(dob, nullptr);
  EXPECT_EQ(dob->type, EntryType::kIndividual);
  EXPECT_THAT(dob->dates_of_birth, ElementsAre("November, 1949"));
  EXPECT_EQ(FindByName(Dtc(), "European Defense Associates")->type, EntryType::kEntity);
  EXPECT_EQ(FindByName(Dtc(), "Pan Aviation, Inc.")->type, EntryType::kEntity);
  int individuals = 0;
  for (const ListEntry& e : Dtc().entries) individuals += e.type == EntryType::kIndividual;
  EXPECT_EQ(individuals, 471);
}

TEST(StateDtcReaderTest, RefusesAnEmptyNameAndABadNoticeDate) {
  std::string dtc = ReadAll(SharedList("state_dtc_debarred_2018-01-24.csv"));
  TempDir dir;
  std::string no_name = dtc;
  no_name.replace(no_name.find("\"Anderson, Robert\""), 18, "\"\"");
  auto path = dir.Write("dtc.csv", no_name);
  EXPECT_EQ(ParseFailure(path),
            path.string() + ":3: field Debarred Party Full Name and Alias: empty name");

  std::string bad_date = dtc;
  bad_date.replace(bad_date.find("53 FR 27097,7/18/1988"), 21, "53 FR 27097,7/18/19xx");
  path = dir.Write("dtc.csv", bad_date);
  EXPECT_EQ(ParseFailure(path),
            path.string() + ":2: field Notice Date: not a date (M/D/YYYY): '7/18/19xx'");
}

}  // namespace
}  // namespace tollgate::lists
