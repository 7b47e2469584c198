#include "tollgate/licensing/license.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace tollgate::licensing {
namespace {

nlohmann::json MicrosoftLicense() {
  return nlohmann::json::parse(R"({
    "number": "D000001", "holder": "Microsoft Corporation", "destination": "cn",
    "parties": [{"role": "ultimate_consignee", "name": "Huawei Technologies Co., Ltd.", "country": "CN"}],
    "items": [{"eccn": "5d992.C", "description": "mass-market software", "quantity": 1000, "value": 500000}],
    "valid_from": "2019-11-20", "valid_until": "2023-11-19", "conditions": ["no reexport"]
  })");
}

TEST(LicenseTest, RoundTripsAndFillsRemainingAmounts) {
  auto license = LicenseFromJson(MicrosoftLicense());
  ASSERT_TRUE(license.ok()) << license.error().message;
  EXPECT_EQ(license->destination, "CN");
  EXPECT_EQ(license->items[0].eccn, "5D992.c");
  EXPECT_EQ(license->items[0].remaining_quantity, 1000);
  EXPECT_EQ(license->items[0].remaining_value_usd, 500000);
  EXPECT_EQ(license->status, LicenseStatus::kActive);
  auto again = LicenseFromJson(ToJson(*license));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, *license);
}

TEST(LicenseTest, RefusesIncompleteOrInconsistentLicensesNamingTheField) {
  struct Case {
    const char* pointer;
    nlohmann::json value;
    const char* message;
  };
  const Case cases[] = {
      {"/number", "", "license number: missing"},
      {"/destination", "XX", "license destination: 'XX' is not an ISO 3166-1 alpha-2"},
      {"/parties", nlohmann::json::array(), "license parties: a license names at least one party"},
      {"/parties/0/role", "consignee", "license parties/0/role: missing or unknown role"},
      {"/items/0/eccn", "5Z992", "license items/0/eccn: '5Z992' is not an ECCN"},
      {"/items/0/remaining_value", 600000, "license items/0/remaining_value: exceeds the licensed"},
      {"/items/0/quantity", -1, "license items/0/quantity: must not be negative"},
      {"/valid_until", "2019-11-19", "license valid_until: 2019-11-19 is before valid_from"},
      {"/valid_from", "2019-11-31", "license valid_from: invalid date '2019-11-31'"},
      {"/items/0/price", 1, "license items/0/price: unknown field"},
  };
  for (const auto& c : cases) {
    nlohmann::json json = MicrosoftLicense();
    json[nlohmann::json::json_pointer(c.pointer)] = c.value;
    auto license = LicenseFromJson(json);
    ASSERT_FALSE(license.ok()) << c.pointer;
    EXPECT_EQ(license.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(license.error().message.find(c.message), std::string::npos)
        << c.pointer << ": " << license.error().message;
  }
}

TEST(LicenseTest, PartyNamesFoldCasePunctuationAndSpacingOnly) {
  EXPECT_EQ(FoldPartyName("Huawei Technologies Co., Ltd."),
            FoldPartyName("HUAWEI TECHNOLOGIES CO LTD"));
  EXPECT_NE(FoldPartyName("Huawei Technologies Co., Ltd."),
            FoldPartyName("Huawei Device Co., Ltd."));
  EXPECT_EQ(FoldPartyName("  --  "), "");
}

}  // namespace
}  // namespace tollgate::licensing
