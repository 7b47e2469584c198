#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "lists/formats/csl_common.h"
#include "lists/formats/test_files.h"
#include "tollgate/lists/format.h"

namespace tollgate::lists {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using testing::FindByName;
using testing::FindEntry;
using testing::MustRead;
using testing::ParseFailure;
using testing::ReadAll;
using testing::SharedList;
using testing::TempDir;

const ParsedList& Csl2019() {
  static const ParsedList list = MustRead(SharedList("csl_sample_2019.csv"));
  return list;
}

const ParsedList& Csl2025() {
  static const ParsedList list = MustRead(SharedList("csl_sample_2025.csv"));
  return list;
}

TEST(CslCsvReaderTest, MapsEverySourceToItsListCode) {
  EXPECT_EQ(Csl2019().format, Format::kCslCsv);
  ASSERT_EQ(Csl2019().entries.size(), 115u);
  std::map<std::string, int> lists;
  for (const ListEntry& e : Csl2019().entries) ++lists[e.list];
  EXPECT_EQ(lists, (std::map<std::string, int>{{"CAP", 1},
                                               {"DPL", 8},
                                               {"DTC", 10},
                                               {"EL", 22},
                                               {"ISN", 3},
                                               {"PLC", 13},
                                               {"SDN", 28},
                                               {"SSI", 26},
                                               {"UVL", 4}}));
}

TEST(CslCsvReaderTest, ReadsTheHuaweiAffiliateAddedBy84Fr22961) {
  // "Gui\xC2\x92an" in the file: cp1252's right quote encoded twice, repaired.
  const ListEntry* e =
      FindByName(Csl2019(), "Gui’an New District Huawei Investment Co., Ltd., Guiyang, Guizhou");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->list, "EL");
  EXPECT_EQ(e->type, EntryType::kEntity);
  EXPECT_THAT(e->federal_register, ElementsAre("84 FR 22961"));
  EXPECT_EQ(e->start_date->ToString(), "2019-05-21");
  EXPECT_FALSE(e->end_date.has_value());
  EXPECT_EQ(e->license_requirement, "For all items subject to the EAR. (See §744.11 of the EAR)");
  EXPECT_EQ(e->license_policy, "Presumption of denial");
  ASSERT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].city, "Guiyang");
  EXPECT_EQ(e->addresses[0].country, "CN");
  EXPECT_EQ(e->entry_id.size(), 16u);  // no entity_number: a stable digest
}

TEST(CslCsvReaderTest, TrimsNamesAndSplitsAddresses) {
  const ListEntry* dpl = FindByName(Csl2019(), "ADRIAN MANUEL HERNANDEZ");  // " ADRIAN ..."
  ASSERT_NE(dpl, nullptr);
  EXPECT_EQ(dpl->list, "DPL");
  EXPECT_EQ(dpl->end_date->ToString(), "2020-10-13");
  EXPECT_THAT(dpl->federal_register, ElementsAre("82 FR 48792"));
  ASSERT_EQ(dpl->addresses.size(), 1u);
  EXPECT_EQ(dpl->addresses[0], (Address{"3037 S. 69TH DRIVE", "PHONEIX", "AZ", "85043", "", ""}));

  const ListEntry* sdn = FindEntry(Csl2019(), "20264");
  ASSERT_NE(sdn, nullptr);
  EXPECT_EQ(sdn->name, "200G PSA HOLDINGS LLC");
  EXPECT_THAT(sdn->programs, ElementsAre("SDNTK"));
  EXPECT_EQ(sdn->addresses[0],
            (Address{"80 SW 8th Street Suite 2000", "Miami", "FL", "33130", "US", "US"}));
  // The 2019 export writes ids value first: "US, 80-0890696, Tax ID No.".
  EXPECT_THAT(sdn->ids, ElementsAre(Identifier{"Tax ID No.", "80-0890696", "US"}));

  const ListEntry* vessel = FindEntry(Csl2019(), "27304");
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->type, EntryType::kVessel);
  EXPECT_THAT(vessel->ids, Contains(Identifier{"IMO", "9116412", ""}));
  EXPECT_THAT(vessel->aliases, ElementsAre(Alias{"GRACE 1", AliasKind::kAka}));
}

TEST(CslCsvReaderTest, ReadsThe29ColumnExportWithIds) {
  ASSERT_EQ(Csl2025().entries.size(), 13u);
  const ListEntry* isn =
      FindEntry(Csl2025(), "233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b");  // the _id
  ASSERT_NE(isn, nullptr);
  EXPECT_EQ(isn->list, "ISN");
  EXPECT_THAT(isn->federal_register, ElementsAre("Vol. 88, No. 151, 08/08/2023"));

  const ListEntry* rim = FindEntry(Csl2025(), "52291");
  ASSERT_NE(rim, nullptr);
  EXPECT_EQ(rim->type, EntryType::kIndividual);
  EXPECT_THAT(rim->nationalities, ElementsAre("KP"));
  EXPECT_THAT(rim->dates_of_birth, ElementsAre("1978-12-05"));
  // The current export writes ids type first; phrases that identify nothing
  // ("Gender, Male", "Secondary sanctions risk:, ...") are not ids.
  EXPECT_THAT(rim->ids, ElementsAre(Identifier{"Passport", "836238033", "KP"}));
  ASSERT_EQ(rim->addresses.size(), 2u);
  EXPECT_EQ(rim->addresses[1].city, "Pyongyang");
  EXPECT_EQ(rim->addresses[1].country, "KP");
}

TEST(CslCsvReaderTest, ListCodesComeFromTheSourceName) {
  using formats::CslListCode;
  EXPECT_EQ(CslListCode("Entity List (EL) - Bureau of Industry and Security"), "EL");
  EXPECT_EQ(CslListCode("Military End User (MEU) List - Bureau of Industry and Security"), "MEU");
  EXPECT_EQ(CslListCode("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"),
            "NS-MBS");
  EXPECT_EQ(CslListCode("Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - "
                        "Treasury Department"),
            "CMIC");
  EXPECT_EQ(CslListCode("DTC"), "DTC");
  EXPECT_EQ(CslListCode("Some List (XYZ)"), std::nullopt);
}

TEST(CslCsvReaderTest, RefusesAnUnknownSourceABadDateAndAMissingColumn) {
  std::string csl = ReadAll(SharedList("csl_sample_2019.csv"));
  TempDir dir;

  std::string bad_source = csl;
  bad_source.replace(bad_source.find("Capta List (CAP)"), 16, "Capta List (CAPX)");
  auto path = dir.Write("csl.csv", bad_source);
  std::size_t line = 1 + std::count(csl.begin(), csl.begin() + csl.find("Capta List"), '\n');
  EXPECT_EQ(ParseFailure(path), path.string() + ":" + std::to_string(line) +
                                    ": field source: unknown source list 'Capta List (CAPX) - "
                                    "Treasury Department'");

  std::string bad_date = csl;
  bad_date.replace(bad_date.find(",2017-10-16,"), 12, ",2017-10-36,");
  path = dir.Write("csl.csv", bad_date);
  EXPECT_EQ(ParseFailure(path),
            path.string() + ":2: field start_date: not a date (YYYY-MM-DD): '2017-10-36'");

  std::string no_name = csl;
  no_name.replace(no_name.find(",name,"), 6, ",label,");
  path = dir.Write("csl.csv", no_name);
  EXPECT_EQ(ParseFailure(path, Format::kCslCsv),
            path.string() + ":1: field name: missing column in the header row");
}

}  // namespace
}  // namespace tollgate::lists
