// The CSL JSON reader on hand-written files in the trade.gov API's form (no JSON sample
// is in the shared data); the records mirror rows of the shared CSV samples.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lists/formats/test_files.h"
#include "tollgate/lists/format.h"

namespace tollgate::lists {
namespace {

using ::testing::ElementsAre;
using testing::FindEntry;
using testing::MustRead;
using testing::ParseFailure;
using ::testing::StartsWith;
using testing::TempDir;

constexpr std::string_view kHuawei = R"json({
    "source": "Entity List (EL) - Bureau of Industry and Security",
    "entity_number": null,
    "type": null,
    "programs": [],
    "name": "Huawei Technologies Co., Ltd.",
    "alt_names": ["Huawei"],
    "addresses": [{"address": "Bantian, Longgang District", "city": "Shenzhen",
                   "state": null, "postal_code": "518129", "country": "CN"}],
    "federal_register_notice": "84 FR 22961",
    "start_date": "2019-05-21",
    "end_date": null,
    "license_requirement": "For all items subject to the EAR.  (See §744.11 of the EAR)",
    "license_policy": "Presumption of denial",
    "ids": [],
    "source_list_url": "http://bit.ly/1L47xrV"
  })json";

constexpr std::string_view kRim = R"json({
    "_id": "52291",
    "source": "Specially Designated Nationals (SDN) - Treasury Department",
    "entity_number": 52291,
    "type": "Individual",
    "programs": ["NPWMD"],
    "name": "RIM, Ryong Nam",
    "addresses": [{"address": null, "city": "Pyongyang", "state": null,
                   "postal_code": null, "country": "KP"}],
    "nationalities": ["KP"],
    "dates_of_birth": ["1978-12-05"],
    "ids": [{"type": "Passport", "number": "836238033", "country": "KP",
             "issue_date": null, "expiration_date": null}]
  })json";

std::string ApiForm(std::string_view a, std::string_view b) {
  return "{\"total\": 2, \"sources\": [], \"results\": [\n  " + std::string(a) + ",\n  " +
         std::string(b) + "\n]}\n";
}

TEST(CslJsonReaderTest, ReadsTheApiForm) {
  TempDir dir;
  ParsedList list = MustRead(dir.Write("csl.json", ApiForm(kHuawei, kRim)));
  EXPECT_EQ(list.format, Format::kCslJson);
  ASSERT_EQ(list.entries.size(), 2u);

  const ListEntry& huawei = list.entries[0];
  EXPECT_EQ(huawei.list, "EL");
  EXPECT_EQ(huawei.type, EntryType::kEntity);
  EXPECT_EQ(huawei.name, "Huawei Technologies Co., Ltd.");
  EXPECT_THAT(huawei.aliases, ElementsAre(Alias{"Huawei", AliasKind::kAka}));
  EXPECT_THAT(huawei.addresses, ElementsAre(Address{"Bantian, Longgang District", "Shenzhen", "",
                                                    "518129", "CN", "CN"}));
  EXPECT_THAT(huawei.federal_register, ElementsAre("84 FR 22961"));
  EXPECT_EQ(huawei.start_date->ToString(), "2019-05-21");
  EXPECT_EQ(huawei.license_requirement,
            "For all items subject to the EAR. (See §744.11 of the EAR)");
  EXPECT_EQ(huawei.entry_id.size(), 16u);

  const ListEntry* rim = FindEntry(list, "52291");  // entity_number, given as a number
  ASSERT_NE(rim, nullptr);
  EXPECT_EQ(rim->type, EntryType::kIndividual);
  EXPECT_THAT(rim->ids, ElementsAre(Identifier{"Passport", "836238033", "KP"}));
  EXPECT_THAT(rim->nationalities, ElementsAre("KP"));
  EXPECT_THAT(rim->dates_of_birth, ElementsAre("1978-12-05"));
}

TEST(CslJsonReaderTest, ReadsABareArrayTheSameWay) {
  TempDir dir;
  ParsedList api = MustRead(dir.Write("api.json", ApiForm(kHuawei, kRim)));
  ParsedList bare =
      MustRead(dir.Write("bare.json", "[" + std::string(kHuawei) + "," + std::string(kRim) + "]"));
  EXPECT_EQ(bare.entries, api.entries);
}

TEST(CslJsonReaderTest, RefusesATruncatedFileNamingTheLine) {
  TempDir dir;
  std::string json = ApiForm(kHuawei, kRim);
  auto path = dir.Write("csl.json", json.substr(0, json.find("\"RIM, Ryong Nam\"") + 5));
  int line = testing::LineOf(json, json.find("\"RIM, Ryong Nam\""));
  EXPECT_THAT(ParseFailure(path), StartsWith(path.string() + ":" + std::to_string(line) +
                                             ": field name: invalid JSON: "));
}

TEST(CslJsonReaderTest, RefusesABadFieldNamingTheRecord) {
  TempDir dir;
  std::string bad_date(kRim);
  bad_date.replace(bad_date.find("\"name\""), 6, "\"start_date\": \"2019-02-30\", \"name\"");
  auto path = dir.Write("csl.json", ApiForm(kHuawei, bad_date));
  EXPECT_EQ(ParseFailure(path), path.string() +
                                    ": results[1]: field start_date: not a date (YYYY-MM-DD): "
                                    "'2019-02-30'");

  std::string bad_type(kHuawei);
  bad_type.replace(bad_type.find("\"programs\": []"), 14, "\"programs\": 5");
  path = dir.Write("csl.json", ApiForm(bad_type, kRim));
  EXPECT_EQ(ParseFailure(path),
            path.string() + ": results[0]: field programs: expected an array of strings");

  std::string bad_address(kRim);
  bad_address.replace(bad_address.find("\"city\": \"Pyongyang\""), 19, "\"city\": [1]");
  path = dir.Write("csl.json", ApiForm(kHuawei, bad_address));
  EXPECT_EQ(ParseFailure(path),
            path.string() + ": results[1]: field addresses[0].city: expected a string");

  path = dir.Write("csl.json", "{\"total\": 0}");
  EXPECT_EQ(
      ParseFailure(path, Format::kCslJson),
      path.string() + ":1: field results: expected {\"results\": [...]} or an array of entries");
}

}  // namespace
}  // namespace tollgate::lists
