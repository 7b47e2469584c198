// The determination core over the shipped rules and a real screening index built from
// entries written here. The store-backed Engine and the 2019 story run in
// tests/determination_golden_test.cpp; this file covers the rules around them:
// exceptions, embargoes, license limits, and the answers that must never be a pass.
#include "rules/determine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "rules/shipped_rules_for_tests.h"

namespace tollgate::rules::internal {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

const RuleSet& Rules() { return ShippedRules(); }

lists::ListEntry Entry(std::string list, std::string id, std::string name, std::string country,
                       std::optional<Date> start, std::string requirement = "",
                       std::vector<std::string> fr = {}) {
  lists::ListEntry entry;
  entry.list = std::move(list);
  entry.entry_id = std::move(id);
  entry.name = std::move(name);
  entry.addresses.push_back({"", "", "", "", country, ""});
  entry.start_date = start;
  entry.license_policy = requirement.empty() ? "" : "Presumption of denial.";
  entry.license_requirement = std::move(requirement);
  entry.federal_register = std::move(fr);
  return entry;
}

const screening::Index& TestIndex() {
  static const auto index = screening::Index::Build({
      Entry("EL", "el-1", "Huawei Technologies Co., Ltd.", "CN", D("2019-05-16"),
            "For all items subject to the EAR.  (See §744.11 of the EAR)", {"84 FR 22961"}),
      Entry("EL", "el-2", "Gulf Gate Shipping Co. LLC", "AE", D("2016-06-21"),
            "For all items subject to the EAR having a classification other than EAR99",
            {"81 FR 40174"}),
      Entry("DPL", "dpl-1", "Aaron Abraham Villa", "US", D("2022-08-24")),
      Entry("SDN", "sdn-1", "Banco Nacional de Cuba", "CU", std::nullopt),
  });
  return *index;
}

const std::vector<storage::ListVersion>& Versions() {
  static const std::vector<storage::ListVersion> versions = WrittenInTheTestVersions(4);
  return versions;
}

Transaction Tx(std::string eccn, std::string to, std::string party, const char* date,
               std::string activity = "") {
  Transaction tx;
  tx.exporter = "Example Exporter Inc.";
  tx.items.push_back({std::move(eccn), std::nullopt, std::nullopt});
  tx.destination = std::move(to);
  tx.parties.push_back({PartyRole::kUltimateConsignee, std::move(party), ""});
  tx.activity = std::move(activity);
  tx.date = D(date);
  return tx;
}

Determination Decide(const Transaction& tx, const std::vector<licensing::License>& licenses = {}) {
  auto d = Determine(Rules(), tx, TestIndex(), Versions(), licenses);
  EXPECT_TRUE(d.ok()) << d.error().message;
  return d.ok() ? *d : Determination();
}

// The finding of the first step named `step` in the item's trace, or "".
std::string Finding(const ItemDetermination& item, const std::string& step) {
  for (const auto& s : item.trace) {
    if (s.step == step) return s.finding;
  }
  return "";
}

TEST(DetermineTest, EncAuthorizesEncryptionSoftwareToJapanWithItsConditions) {
  Determination d = Decide(Tx("5D002", "JP", "Sony Group Corporation", "2021-03-01"));
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.decision, Decision::kAuthorized);
  ASSERT_EQ(d.items[0].authorized_by.size(), 1u);
  EXPECT_EQ(d.items[0].authorized_by[0].id, "ENC b(1)");
  // 15 CFR 774 Supp. 1, 5D002 (eCFR 2026-09-24): NS1 for the entire entry; EI only for
  // some paragraphs, so not a requirement for 5D002 given alone.
  EXPECT_EQ(d.items[0].authorized_by[0].covers, (std::vector<std::string>{"NS1"}));
  EXPECT_FALSE(d.conditions.empty());
}

TEST(DetermineTest, EntityListBarsEncEvenWhereTheChartAloneWouldAllowIt) {
  Determination d = Decide(Tx("5D002", "CN", "Huawei Technologies Co., Ltd.", "2019-06-01"));
  EXPECT_EQ(d.decision, Decision::kLicenseRequired);
  const auto& item = d.items[0];
  EXPECT_TRUE(item.authorized_by.empty());
  bool barred = false;
  for (const auto& s : item.trace) {
    barred = barred || (s.step == "license_exceptions" && s.citation == "15 CFR 744.16(b)");
  }
  EXPECT_TRUE(barred);
  // The chart (NS1; EI covers only some paragraphs of 5D002) and the Entity List each
  // require a license.
  EXPECT_EQ(item.requirements.size(), 2u);
}

TEST(DetermineTest, EmbargoRequiresALicenseForEar99AndExceptionsDoNotHelp) {
  Determination cuba = Decide(Tx("EAR99", "CU", "Empresa Ejemplo", "2019-06-01"));
  EXPECT_EQ(cuba.decision, Decision::kLicenseRequired);
  EXPECT_EQ(cuba.items[0].requirements.at(0).citation, "15 CFR 746.2(a)");
  Determination iran = Decide(Tx("5D002", "IR", "Example Trading", "2019-06-01"));
  EXPECT_EQ(iran.decision, Decision::kLicenseRequired);
  EXPECT_NE(Finding(iran.items[0], "license_exceptions").find("do not overcome the embargo"),
            std::string::npos);
}

TEST(DetermineTest, RussiaCclEmbargoFollowsItsEffectiveDate) {
  EXPECT_EQ(Decide(Tx("5A991", "RU", "Example OOO", "2021-06-01")).decision,
            Decision::kNoLicenseRequired);
  EXPECT_EQ(Decide(Tx("5A991", "RU", "Example OOO", "2022-03-01")).decision,
            Decision::kLicenseRequired);
  // EAR99 is outside §746.8(a)(1), but the HTS-based lists of part 746 Supps. 2, 4 and 6
  // are not in the data: REVIEW, never NO_LICENSE_REQUIRED (issue 12).
  EXPECT_EQ(Decide(Tx("EAR99", "RU", "Example OOO", "2022-03-01")).decision, Decision::kReview);
}

TEST(DetermineTest, TsuSoftwareUpdateNeedsTheDeclaredActivity) {
  EXPECT_EQ(Decide(Tx("4D994", "IR", "Example Trading", "2019-06-01", "software_update")).decision,
            Decision::kLicenseRequired);  // embargo: TSU does not reach it
  Determination plain = Decide(Tx("5D002", "CN", "Example Software Ltd", "2019-06-01"));
  EXPECT_EQ(plain.decision, Decision::kAuthorized);  // ENC, not TSU
  Determination update =
      Decide(Tx("3A001", "CN", "Example Software Ltd", "2019-06-01", "software_update"));
  EXPECT_EQ(update.decision, Decision::kLicenseRequired);  // 3A001 is not software
}

TEST(DetermineTest, TglNeverCoversCountryGroupEDestinations) {
  Transaction tx = Tx("5D992.c", "SY", "Huawei Technologies Co., Ltd.", "2019-06-01",
                      "existing_handset_support");
  tx.parties[0].role = PartyRole::kPurchaser;  // no destination country sent to screening
  Determination d = Decide(tx);
  EXPECT_EQ(d.decision, Decision::kLicenseRequired);
  EXPECT_NE(Finding(d.items[0], "general_license")
                .find("never covers destinations in Country "
                      "Group E:1 (Syria)"),
            std::string::npos)
      << Finding(d.items[0], "general_license");
}

TEST(DetermineTest, AStatedEndUseIsRecordedAsNotWeighed) {
  Transaction tx = Tx("EAR99", "DE", "Example GmbH", "2019-06-01");
  tx.end_use = "civil aircraft maintenance";
  Determination d = Decide(tx);
  auto step = std::find_if(d.trace.begin(), d.trace.end(),
                           [](const TraceStep& s) { return s.step == "end_use"; });
  ASSERT_NE(step, d.trace.end());
  EXPECT_NE(step->finding.find("not modelled"), std::string::npos);
}

TEST(DetermineTest, CanadaNeedsNoEncryptionLicense) {
  // 5D002.a.1: NS1 (Canada's row marks none) and EI, all destinations but Canada
  // (15 CFR 742.15(a)).
  Determination d = Decide(Tx("5D002.a.1", "CA", "Example Canada Ltd", "2019-06-01"));
  EXPECT_EQ(d.decision, Decision::kNoLicenseRequired);
  // 5D002 alone could be 5D002.z.1.a, controlled for RS to any destination worldwide.
  EXPECT_EQ(Decide(Tx("5D002", "CA", "Example Canada Ltd", "2019-06-01")).decision,
            Decision::kReview);
}

licensing::License HuaweiLicense() {
  licensing::License license;
  license.number = "T-1";
  license.holder = "Example Exporter Inc.";
  license.destination = "CN";
  license.parties = {{PartyRole::kUltimateConsignee, "HUAWEI TECHNOLOGIES CO LTD", "CN"}};
  license.items = {{"5D992", "software", 10, 1000, 4, 400}};
  license.valid_from = D("2019-11-20");
  license.valid_until = D("2023-11-19");
  return license;
}

TEST(DetermineTest, LicenseCoversParagraphsWithinRemainingAmountsOnly) {
  Transaction tx = Tx("5D992.c", "CN", "Huawei Technologies Co., Ltd.", "2019-11-21");
  tx.items[0].quantity = 4;
  tx.items[0].value_usd = 400;
  EXPECT_EQ(Decide(tx, {HuaweiLicense()}).decision, Decision::kAuthorized);
  tx.items[0].quantity = 5;
  Determination over = Decide(tx, {HuaweiLicense()});
  EXPECT_EQ(over.decision, Decision::kLicenseRequired);
  EXPECT_NE(Finding(over.items[0], "specific_license").find("has 4 quantity remaining"),
            std::string::npos);
  // Amounts not stated: authorized, with the limit as a condition.
  tx.items[0].quantity.reset();
  tx.items[0].value_usd.reset();
  Determination unstated = Decide(tx, {HuaweiLicense()});
  EXPECT_EQ(unstated.decision, Decision::kAuthorized);
  ASSERT_GE(unstated.conditions.size(), 2u);
  EXPECT_NE(unstated.conditions[0].text.find("remaining quantity of 4"), std::string::npos);
}

TEST(DetermineTest, LicenseMustNameEveryPartyAndBeActiveAndHeldByTheExporter) {
  Transaction tx = Tx("5D992.c", "CN", "Huawei Technologies Co., Ltd.", "2019-11-21");
  tx.parties.push_back({PartyRole::kEndUser, "Someone Else Ltd", ""});
  EXPECT_EQ(Decide(tx, {HuaweiLicense()}).decision, Decision::kLicenseRequired);
  tx.parties.pop_back();
  licensing::License suspended = HuaweiLicense();
  suspended.status = licensing::LicenseStatus::kSuspended;
  EXPECT_EQ(Decide(tx, {suspended}).decision, Decision::kLicenseRequired);
  tx.exporter = "Another Exporter";
  EXPECT_EQ(Decide(tx, {HuaweiLicense()}).decision, Decision::kLicenseRequired);
  tx.date = D("2019-11-19");
  tx.exporter = "Example Exporter Inc.";
  EXPECT_EQ(Decide(tx, {HuaweiLicense()}).decision, Decision::kLicenseRequired);  // not yet valid
}

TEST(DetermineTest, EntityListTextTheEngineCannotApplyGivesReview) {
  // The chart has no row for the United States: the check is refused before screening.
  auto refused =
      Determine(Rules(), Tx("EAR99", "US", "x", "2019-06-01"), TestIndex(), Versions(), {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("destination US (United States"), std::string::npos)
      << refused.error().message;
  Transaction tx = Tx("EAR99", "DE", "Gulf Gate Shipping Co. LLC", "2019-06-01");
  tx.parties[0].role = PartyRole::kPurchaser;
  Determination review = Decide(tx);
  EXPECT_EQ(review.decision, Decision::kReview);
  ASSERT_EQ(review.review_reasons.size(), 1u);
  EXPECT_NE(review.review_reasons[0].find("Entity List requirement to read"), std::string::npos);
}

TEST(DetermineTest, OtherListsAndMissingListsNeverPass) {
  Transaction tx = Tx("EAR99", "DE", "Banco Nacional de Cuba", "2019-06-01");
  tx.parties[0].role = PartyRole::kPurchaser;
  EXPECT_EQ(Decide(tx).decision, Decision::kReview);
  auto unscreened =
      Determine(Rules(), Tx("EAR99", "DE", "Anyone GmbH", "2019-06-01"), TestIndex(), {}, {});
  ASSERT_TRUE(unscreened.ok());
  EXPECT_EQ(unscreened->decision, Decision::kReview);
  EXPECT_NE(unscreened->review_reasons.at(0).find("no restricted list in force"),
            std::string::npos);
}

TEST(DetermineTest, DeniedExporterIsProhibitedButAnEntityListedExporterIsNotAffected) {
  Transaction tx = Tx("EAR99", "DE", "Anyone GmbH", "2023-01-10");
  tx.exporter = "Aaron Abraham Villa";
  EXPECT_EQ(Decide(tx).decision, Decision::kProhibited);
  tx.exporter = "Huawei Technologies Co., Ltd.";
  Determination d = Decide(tx);
  EXPECT_EQ(d.decision, Decision::kNoLicenseRequired);
  ASSERT_EQ(d.matches.size(), 1u);
  EXPECT_EQ(d.matches[0].effect.rfind("none: EL applies to", 0), 0u) << d.matches[0].effect;
}

TEST(DetermineTest, BadInputIsRefusedWithWhatAndWhere) {
  struct Case {
    Transaction tx;
    const char* message;
  };
  Transaction no_party = Tx("EAR99", "CN", "x", "2019-06-01");
  no_party.parties.clear();
  Transaction blank = Tx("EAR99", "CN", "   ", "2019-06-01");
  std::vector<Case> cases = {
      {Tx("9Z999", "CN", "x", "2019-06-01"), "item 1: ECCN '9Z999' is malformed"},
      {Tx("5D993", "CN", "x", "2019-06-01"), "item 1: unknown ECCN '5D993'"},
      {Tx("EAR99", "XX", "x", "2019-06-01"), "unknown country code: destination 'XX'"},
      {Tx("EAR99", "CN", "x", "2019-06-01", "lunch"), "unknown activity 'lunch'"},
      {no_party, "at least one party with its role"},
      {blank, "party 1 (ultimate_consignee) has no name"},
  };
  for (const auto& c : cases) {
    auto d = Determine(Rules(), c.tx, TestIndex(), Versions(), {});
    ASSERT_FALSE(d.ok()) << c.message;
    EXPECT_EQ(d.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(d.error().message.find(c.message), std::string::npos) << d.error().message;
  }
}

}  // namespace
}  // namespace tollgate::rules::internal
