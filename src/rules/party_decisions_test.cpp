// An organization's dispositions of its own parties in a determination (issue 15,
// item 4), over the shipped rules and a real screening index built from entries
// written here: a false_positive clears exactly the entry it was given for, a
// true_match makes a possible match the listed party, and each cites who, when and why.
#include "tollgate/rules/party_decisions.h"

#include <gtest/gtest.h>

#include "rules/determine.h"
#include "rules/shipped_rules_for_tests.h"

namespace tollgate::rules::internal {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

lists::ListEntry Entry(std::string list, std::string id, std::string name, std::string country,
                       Date start, std::string requirement, std::string fr) {
  lists::ListEntry entry;
  entry.list = std::move(list);
  entry.entry_id = std::move(id);
  entry.name = std::move(name);
  entry.addresses.push_back({"", "", "", "", std::move(country), ""});
  entry.start_date = start;
  entry.license_requirement = std::move(requirement);
  entry.license_policy = "Presumption of denial.";
  entry.federal_register = {std::move(fr)};
  return entry;
}

const screening::Index& TestIndex() {
  static const auto index = screening::Index::Build({
      Entry("EL", "el-1", "Huawei Technologies Co., Ltd.", "CN", D("2019-05-16"),
            "For all items subject to the EAR.  (See §744.11 of the EAR)", "84 FR 22961"),
      Entry("EL", "el-2", "Hikvision Digital Technology Co., Ltd.", "CN", D("2019-10-09"),
            "For all items subject to the EAR.  (See §744.11 of the EAR)", "84 FR 54002"),
  });
  return *index;
}

const std::vector<storage::ListVersion>& Versions() {
  static const std::vector<storage::ListVersion> versions = WrittenInTheTestVersions(2);
  return versions;
}

Transaction Tx(std::string party, const char* date) {
  Transaction tx;
  tx.items.push_back({"EAR99", std::nullopt, std::nullopt});
  tx.destination = "CN";
  tx.parties.push_back({PartyRole::kUltimateConsignee, std::move(party), ""});
  tx.date = D(date);
  return tx;
}

Determination Decide(const Transaction& tx, const PartyDecisions* decisions) {
  auto normalized = NormalizeTransaction(ShippedRules(), tx);
  EXPECT_TRUE(normalized.ok()) << normalized.error().message;
  auto step = std::make_shared<const TraceStep>(ListVersionsStep(Versions(), tx.date));
  return DetermineNormalized(ShippedRules(), std::move(normalized).value(),
                             {Versions(), step, ScreenWith(TestIndex())}, {}, decisions);
}

const TraceStep* StepNamed(const Determination& d, const std::string& name) {
  for (const auto& step : d.trace) {
    if (step.step == name) return &step;
  }
  return nullptr;
}

PartyDecision Decided(bool true_match, std::int64_t alert, std::string entry_id,
                      std::string screened_name) {
  PartyDecision d;
  d.true_match = true_match;
  d.alert_id = alert;
  d.party_external_id = "C-9";
  d.party_name = "Huawei Tech";
  d.list = "EL";
  d.entry_id = std::move(entry_id);
  d.entry_name = d.entry_id == "el-1" ? "Huawei Technologies Co., Ltd." : "Hikvision";
  d.screened_name = std::move(screened_name);
  d.decided_by = "applicant maria";
  d.decided_at = "2026-12-07T06:00:00Z";
  d.comment = "checked the address";
  return d;
}

// A name between the thresholds against el-1: REVIEW without a decision.
constexpr const char* kPossible = "Huawei Technologies Holding";

TEST(PartyDecisionsTest, NamesAreComparedAsTheScreeningReadsThem) {
  EXPECT_EQ(PartyNameKey("HUAWEI TECHNOLOGIES CO., LTD."),
            PartyNameKey("Huawei Technologies Co Ltd"));
  EXPECT_NE(PartyNameKey("Huawei Technologies"), PartyNameKey("Huawei Device"));
  PartyDecisions decisions;
  decisions.Add({"Huawei Tech", "HUAWEI TECHNOLOGIES HOLDING"}, "CN", Decided(true, 1, "el-1", ""));
  EXPECT_EQ(decisions.For("Huawei Technologies Holding", "CN").size(), 1u);  // an alias
  EXPECT_EQ(decisions.For("huawei tech", "").size(), 1u);   // no country given: the name decides
  EXPECT_TRUE(decisions.For("Huawei Tech", "DE").empty());  // another country: another party
  EXPECT_TRUE(decisions.For("Huawei", "CN").empty());
}

TEST(PartyDecisionsTest, APossibleMatchIsReviewWithoutADecision) {
  Determination d = Decide(Tx(kPossible, "2020-01-01"), nullptr);
  EXPECT_EQ(d.decision, rules::Decision::kReview);
  ASSERT_NE(StepNamed(d, "possible_match"), nullptr);
  // A decision about another name, or for another entry, changes nothing.
  PartyDecisions elsewhere;
  elsewhere.Add({"Contoso Ltd"}, "CN", Decided(false, 3, "el-1", ""));
  elsewhere.Add({kPossible}, "CN", Decided(false, 4, "el-2", ""));
  EXPECT_EQ(Decide(Tx(kPossible, "2020-01-01"), &elsewhere).decision, rules::Decision::kReview);
}

TEST(PartyDecisionsTest, AFalsePositiveClearsItsEntryAndCitesWhoWhenAndWhy) {
  PartyDecisions decisions;
  decisions.Add({"Huawei Tech", kPossible}, "CN", Decided(false, 12, "el-1", kPossible));
  Determination d = Decide(Tx(kPossible, "2020-01-01"), &decisions);
  EXPECT_EQ(d.decision, rules::Decision::kNoLicenseRequired);
  EXPECT_TRUE(d.review_reasons.empty());
  const TraceStep* cleared = StepNamed(d, "cleared_false_positive");
  ASSERT_NE(cleared, nullptr);
  for (const char* said : {"alert 12", "applicant maria", "2026-12-07T06:00:00Z",
                           "\"checked the address\"", "not the listed party"}) {
    EXPECT_NE(cleared->finding.find(said), std::string::npos) << said << " in " << cleared->finding;
  }
  EXPECT_NE(cleared->citation.find("alert 12: false_positive by applicant maria"),
            std::string::npos);
  ASSERT_EQ(d.matches.size(), 1u);
  EXPECT_EQ(d.matches[0].effect, "none: cleared as a false positive (alert 12)");
  EXPECT_EQ(StepNamed(d, "possible_match"), nullptr);
  EXPECT_EQ(StepNamed(d, "screen_party")->facts.back().value, "C-9");
}

TEST(PartyDecisionsTest, ATrueMatchMakesAPossibleMatchTheListedParty) {
  PartyDecisions decisions;
  decisions.Add({kPossible}, "CN", Decided(true, 7, "el-1", kPossible));
  Determination d = Decide(Tx(kPossible, "2020-01-01"), &decisions);
  EXPECT_EQ(d.decision, rules::Decision::kLicenseRequired);
  const TraceStep* listed = StepNamed(d, "entity_list");
  ASSERT_NE(listed, nullptr);
  EXPECT_NE(listed->finding.find("confirmed a true match by applicant maria"), std::string::npos)
      << listed->finding;
  EXPECT_NE(listed->citation.find("84 FR 22961"), std::string::npos);
  EXPECT_NE(listed->citation.find("alert 7: true_match by applicant maria"), std::string::npos)
      << listed->citation;
  ASSERT_EQ(d.matches.size(), 1u);
  EXPECT_TRUE(d.matches[0].block);
}

TEST(PartyDecisionsTest, ATrueMatchFoundThroughAnAliasHoldsWhenThePartyIsNamedOtherwise) {
  // The master's party is "Longgang Trading Co" (which reaches no entry) with the alias
  // the alert was found with; the determination names it by its master name.
  ASSERT_EQ(Decide(Tx("Longgang Trading Co", "2020-01-01"), nullptr).decision,
            rules::Decision::kNoLicenseRequired);
  PartyDecisions decisions;
  decisions.Add({"Longgang Trading Co", kPossible}, "CN", Decided(true, 8, "el-1", kPossible));
  Determination d = Decide(Tx("Longgang Trading Co", "2020-01-01"), &decisions);
  EXPECT_EQ(d.decision, rules::Decision::kLicenseRequired);
  ASSERT_NE(StepNamed(d, "entity_list"), nullptr);
  // Before the entry was listed (el-1 from 2019-05-16) the confirmation acts on nothing.
  Determination before = Decide(Tx("Longgang Trading Co", "2019-01-01"), &decisions);
  EXPECT_EQ(before.decision, rules::Decision::kNoLicenseRequired)
      << (before.review_reasons.empty() ? "" : before.review_reasons.front());
  const TraceStep* idle = StepNamed(before, "true_match_not_in_force");
  ASSERT_NE(idle, nullptr);
  EXPECT_NE(idle->finding.find("not in force on 2019-01-01"), std::string::npos) << idle->finding;
}

}  // namespace
}  // namespace tollgate::rules::internal
