#include "tollgate/lists/entry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace tollgate::lists {
namespace {

using nlohmann::json;

Date D(const char* iso) { return Date::Parse(iso).value(); }

ListEntry HuaweiAffiliate() {
  ListEntry e;
  e.list = "EL";
  e.entry_id = "0123456789abcdef";
  e.type = EntryType::kEntity;
  e.name = "Guian New District Huawei Investment Co., Ltd., Guiyang, Guizhou";
  e.aliases = {{"Huawei Guian", AliasKind::kAka}, {"Old Name", AliasKind::kFka}};
  e.addresses = {{"", "Guiyang", "Guizhou", "", "CN", "China"}};
  e.programs = {"EAR"};
  e.federal_register = {"84 FR 22961"};
  e.start_date = D("2019-05-21");
  e.license_requirement = "For all items subject to the EAR. (See §744.11 of the EAR)";
  e.license_policy = "Presumption of denial";
  e.ids = {{"USCC", "914403001922038216", "CN"}};
  e.nationalities = {"CN"};
  e.dates_of_birth = {"1987"};
  e.title = "Affiliate";
  e.remarks = "Remark";
  e.source_url = "http://bit.ly/1L47xrV";
  return e;
}

TEST(EntryTest, TypeAndAliasKindNamesRoundTrip) {
  for (EntryType t :
       {EntryType::kEntity, EntryType::kIndividual, EntryType::kVessel, EntryType::kAircraft}) {
    EXPECT_EQ(ParseEntryType(EntryTypeName(t)), t);
  }
  EXPECT_EQ(ParseEntryType("Individual"), EntryType::kIndividual);
  EXPECT_EQ(ParseEntryType(" VESSEL "), EntryType::kVessel);
  EXPECT_EQ(ParseEntryType("-0-"), std::nullopt);
  EXPECT_EQ(ParseEntryType(""), std::nullopt);

  for (AliasKind k : {AliasKind::kAka, AliasKind::kFka, AliasKind::kNka, AliasKind::kWeak}) {
    EXPECT_EQ(ParseAliasKind(AliasKindName(k)), k);
  }
  EXPECT_EQ(ParseAliasKind("f.k.a."), AliasKind::kFka);
  EXPECT_EQ(ParseAliasKind("Good"), AliasKind::kAka);
  EXPECT_EQ(ParseAliasKind("Low"), AliasKind::kWeak);
  EXPECT_EQ(ParseAliasKind("maybe"), std::nullopt);
}

TEST(EntryTest, InForceOnIncludesBothEndsAndAllowsOpenEnds) {
  ListEntry e;
  EXPECT_TRUE(InForceOn(e, D("1990-01-01")));
  e.start_date = D("2019-05-21");
  EXPECT_FALSE(InForceOn(e, D("2019-05-20")));
  EXPECT_TRUE(InForceOn(e, D("2019-05-21")));
  EXPECT_TRUE(InForceOn(e, D("2030-01-01")));
  e.end_date = D("2020-10-13");
  EXPECT_TRUE(InForceOn(e, D("2020-10-13")));
  EXPECT_FALSE(InForceOn(e, D("2020-10-14")));
}

TEST(EntryTest, JsonUsesTheFieldNamesIsoDatesAndNullForMissingDates) {
  json j = ToJson(HuaweiAffiliate());
  EXPECT_EQ(j["list"], "EL");
  EXPECT_EQ(j["type"], "entity");
  EXPECT_EQ(j["start_date"], "2019-05-21");
  EXPECT_TRUE(j["end_date"].is_null());
  EXPECT_EQ(j["aliases"][1]["kind"], "fka");
  EXPECT_EQ(j["addresses"][0]["postal_code"], "");
  EXPECT_EQ(j["addresses"][0]["country_name"], "China");
  EXPECT_EQ(j["ids"][0]["value"], "914403001922038216");
  EXPECT_EQ(j["federal_register"][0], "84 FR 22961");
  EXPECT_EQ(j.size(), 18u);  // one key per ListEntry field
}

TEST(EntryTest, JsonRoundTripsEveryField) {
  ListEntry original = HuaweiAffiliate();
  original.end_date = D("2024-01-31");
  Result<ListEntry> back = EntryFromJson(ToJson(original));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, original);

  // Through text too, as the store and the CLI's --json use it.
  back = EntryFromJson(json::parse(ToJson(original).dump()));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, original);
}

TEST(EntryTest, FromJsonAcceptsAMinimalEntry) {
  Result<ListEntry> e =
      EntryFromJson(json{{"list", "SDN"}, {"entry_id", "36"}, {"name", "AEROCARIBBEAN AIRLINES"}});
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, EntryType::kEntity);
  EXPECT_TRUE(e->aliases.empty());
  EXPECT_FALSE(e->start_date.has_value());
}

std::string ErrorFor(json j) {
  Result<ListEntry> e = EntryFromJson(j);
  if (e.ok()) return "<ok>";
  EXPECT_EQ(e.error().code, ErrorCode::kInvalidArgument);
  return e.error().message;
}

TEST(EntryTest, FromJsonReportsTheFirstBadField) {
  json good = ToJson(HuaweiAffiliate());

  json j = good;
  j.erase("entry_id");
  EXPECT_EQ(ErrorFor(j), "list entry: field entry_id: missing");

  j = good;
  j["name"] = "";
  EXPECT_EQ(ErrorFor(j), "list entry: field name: must not be empty");

  j = good;
  j["type"] = "company";
  EXPECT_EQ(ErrorFor(j), "list entry: field type: unknown entry type 'company'");

  j = good;
  j["start_date"] = "2019-02-30";
  j["end_date"] = 5;  // also bad, but later in the order: not reported
  EXPECT_THAT(ErrorFor(j), ::testing::StartsWith("list entry: field start_date: invalid date"));

  j = good;
  j["aliases"][1]["kind"] = "alias";
  EXPECT_EQ(ErrorFor(j), "list entry: field aliases[1].kind: unknown alias kind 'alias'");

  j = good;
  j["programs"][0] = 7;
  EXPECT_EQ(ErrorFor(j), "list entry: field programs[0]: expected a string");

  j = good;
  j["ids"][0].erase("value");
  EXPECT_EQ(ErrorFor(j), "list entry: field ids[0].value: missing");

  j = good;
  j["addresses"][0]["zip"] = "1";
  EXPECT_EQ(ErrorFor(j), "list entry: field addresses[0].zip: unknown field");

  j = good;
  j["start_dat"] = "2019-05-21";
  EXPECT_EQ(ErrorFor(j), "list entry: field start_dat: unknown field");

  EXPECT_EQ(ErrorFor(json::array()), "list entry: expected a JSON object");
}

}  // namespace
}  // namespace tollgate::lists
