#include "tollgate/licensing/issue.h"

#include <gtest/gtest.h>

#include "licensing/test_application.h"
#include "tollgate/licensing/shipment.h"

namespace tollgate::licensing {
namespace {

using testing::D;

Application Approved(std::vector<ApprovedItem> in_part, std::vector<std::string> conditions) {
  Application a = testing::CompleteDraft();
  a.control_number = "D000042";
  a.state = ApplicationState::kApproved;
  a.end_user = Party{"Huawei Device Co., Ltd.", "", "CN"};
  a.review.decision =
      Decision{D("2019-11-20"), {"mass_market"}, "mass-market software", conditions, in_part};
  return a;
}

LicenseTerms ShippedTerms() {
  auto terms = LoadLicenseTerms(ShippedLicenseTermsPath().value());
  EXPECT_TRUE(terms.ok()) << terms.error().message;
  return terms.ok() ? *terms : LicenseTerms{};
}

TEST(IssueTest, TheShippedTermsGiveFourYearsUnder750_7) {
  const LicenseTerms terms = ShippedTerms();
  EXPECT_EQ(terms.validity_years, 4);
  EXPECT_EQ(terms.citation, "15 CFR 750.7(g)");
}

TEST(IssueTest, AnApprovalInWholeLicensesEveryItemPartyAndConditionForFourYears) {
  auto license = LicenseForApproval(Approved({}, {"no reexport to Country Group E"}),
                                    "Microsoft Corporation", ShippedTerms());
  ASSERT_TRUE(license.ok()) << license.error().message;
  EXPECT_EQ(license->holder, "Microsoft Corporation");
  EXPECT_EQ(license->organization, "microsoft");
  EXPECT_EQ(license->application, "D000042");
  EXPECT_EQ(license->destination, "CN");
  EXPECT_EQ(license->valid_from, D("2019-11-20"));
  EXPECT_EQ(license->valid_until, D("2023-11-19"));
  EXPECT_EQ(license->issued_on, "2019-11-20");
  EXPECT_EQ(license->conditions, std::vector<std::string>{"no reexport to Country Group E"});
  ASSERT_EQ(license->parties.size(), 3u);
  EXPECT_EQ(license->parties[0].role, rules::PartyRole::kPurchaser);
  EXPECT_EQ(license->parties[1].role, rules::PartyRole::kUltimateConsignee);
  EXPECT_EQ(license->parties[2].role, rules::PartyRole::kEndUser);
  EXPECT_EQ(license->parties[2].name, "Huawei Device Co., Ltd.");
  ASSERT_EQ(license->items.size(), 2u);
  EXPECT_EQ(license->items[0].quantity, 1000);
  EXPECT_EQ(license->items[0].value_usd, 99500);
  EXPECT_EQ(license->items[1].remaining_value_usd, 60000);
}

TEST(IssueTest, AnApprovalInPartLicensesOnlyTheApprovedQuantitiesAtTheUnitPrice) {
  auto license =
      LicenseForApproval(Approved({{1, 200}}, {}), "Microsoft Corporation", ShippedTerms());
  ASSERT_TRUE(license.ok()) << license.error().message;
  ASSERT_EQ(license->items.size(), 1u);
  EXPECT_EQ(license->items[0].description, "Office suite licenses (mass-market)");
  EXPECT_EQ(license->items[0].quantity, 200);
  EXPECT_EQ(license->items[0].value_usd, 24000);  // 200 x USD 120.00
}

TEST(IssueTest, OnlyAnApprovedApplicationIssuesALicense) {
  Application pending = Approved({}, {});
  pending.state = ApplicationState::kReferred;
  auto license = LicenseForApproval(pending, "Microsoft Corporation", ShippedTerms());
  ASSERT_FALSE(license.ok());
  EXPECT_EQ(license.error().message, "application D000042 is not approved: no license to issue");
}

TEST(IssueTest, ValidityEndsTheDayBeforeTheAnniversary) {
  EXPECT_EQ(ValidityEnd(D("2019-11-20"), 4), D("2023-11-19"));
  EXPECT_EQ(ValidityEnd(D("2020-02-29"), 1), D("2021-02-28"));
  EXPECT_EQ(ValidityEnd(D("2020-02-29"), 4), D("2024-02-28"));
}

TEST(IssueTest, TermsWithoutCitationOrWithAnUnknownFieldAreRefused) {
  auto missing = ParseLicenseTerms(R"({"default_validity": {"years": 4}})", "terms.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "terms.json: /default_validity/citation: missing");
  auto unknown = ParseLicenseTerms(
      R"({"default_validity": {"years": 4, "citation": "x", "months": 2}})", "terms.json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "terms.json: /default_validity/months: unknown field");
}

License Issued() {
  auto license = LicenseForApproval(Approved({}, {}), "Microsoft Corporation", ShippedTerms());
  EXPECT_TRUE(license.ok());
  License l = *license;
  l.number = "D0000001";
  return l;
}

Shipment Ship(const char* date, std::int64_t quantity, std::int64_t value) {
  Shipment s;
  s.license_number = "D0000001";
  s.date = D(date);
  s.items = {{"5D992.c", quantity, value}};
  s.parties = {{rules::PartyRole::kUltimateConsignee, "HUAWEI TECHNOLOGIES CO LTD", ""}};
  return s;
}

TEST(ShipmentTest, AShipmentDrawsDownTheFirstItemItFits) {
  auto after = DrawDown(Issued(), Ship("2020-01-10", 400, 39800));
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_EQ(after->items[0].remaining_quantity, 600);
  EXPECT_EQ(after->items[0].remaining_value_usd, 59700);
  EXPECT_EQ(after->items[1].remaining_quantity, 500);
}

TEST(ShipmentTest, AShipmentBeyondWhatRemainsOutsideTheWindowOrPartiesIsRefusedPrecisely) {
  auto too_many = DrawDown(Issued(), Ship("2020-01-10", 1001, 100));
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(
      too_many.error().message,
      "items/0/quantity: the shipment of 5D992.c asks quantity 1001 but license D0000001 has 1000 "
      "remaining for 5D992.c");
  auto too_dear = DrawDown(Issued(), Ship("2020-01-10", 10, 99501));
  ASSERT_FALSE(too_dear.ok());
  EXPECT_NE(too_dear.error().message.find("asks value (USD) 99501"), std::string::npos);
  auto late = DrawDown(Issued(), Ship("2023-11-20", 1, 1));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().message,
            "date: license D0000001 is valid 2019-11-20..2023-11-19; a shipment on 2023-11-20 is "
            "outside it");
  Shipment stranger = Ship("2020-01-10", 1, 1);
  stranger.parties[0].name = "ZTE Corporation";
  auto refused = DrawDown(Issued(), stranger);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "parties/0: license D0000001 does not name 'ZTE Corporation' as ultimate_consignee");
  License revoked = Issued();
  revoked.status = LicenseStatus::kRevoked;
  auto inactive = DrawDown(revoked, Ship("2020-01-10", 1, 1));
  ASSERT_FALSE(inactive.ok());
  EXPECT_EQ(inactive.error().message,
            "license D0000001 is revoked: only an active license authorizes shipments (15 CFR "
            "750.8)");
  Shipment other_item = Ship("2020-01-10", 1, 1);
  other_item.items[0].eccn = "3A001";
  auto unlisted = DrawDown(Issued(), other_item);
  ASSERT_FALSE(unlisted.ok());
  EXPECT_EQ(unlisted.error().message, "items/0: license D0000001 does not list 3A001");
}

}  // namespace
}  // namespace tollgate::licensing
