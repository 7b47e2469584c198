// The replay's reviewer policy decides from the form alone: 5G means a notice, items
// mass-market, shown available abroad or EAR99 mean approval (in part when only some
// are), and controlled items with neither mean a notice.
#include "replay/reviewer_policy.h"

#include <gtest/gtest.h>

#include "replay/synthetic_stream.h"

namespace tollgate::replay {
namespace {

licensing::Application With(std::vector<std::pair<const char*, const char*>> items) {
  licensing::Application a;
  a.end_use = "SYNTHETIC replay record: manufacture of smartphones";
  for (auto [eccn, description] : items) a.items.push_back({eccn, description, 10, "ea", 100, 10});
  return a;
}

TEST(ReviewerPolicy, FiveGItemsGetANoticeWhateverElseTheyAre) {
  auto a = With({{"EAR99", "Radome materials for 5G base-station antennas"}});
  auto verdict = Assess(a);
  EXPECT_FALSE(verdict.approve);
  EXPECT_EQ(verdict.criteria,
            (std::vector<std::string>{"telecom_infrastructure_threat", "presumption_of_denial"}));
  auto by_end_use = With({{"5D992.c", "Operating system licenses (mass-market)"}});
  by_end_use.end_use = "5G network roll-out";
  EXPECT_FALSE(Assess(by_end_use).approve);
}

TEST(ReviewerPolicy, MassMarketAvailableAbroadOrEar99ItemsAreApproved) {
  auto verdict = Assess(With({{"5D992.c", "Operating system licenses (mass-market)"},
                              {"EAR99", "Thermal interface pads"}}));
  EXPECT_TRUE(verdict.approve);
  EXPECT_FALSE(verdict.in_part);
  EXPECT_EQ(verdict.criteria,
            (std::vector<std::string>{"mass_market", "non_sensitive_item", "no_5g_contribution"}));
}

TEST(ReviewerPolicy, OnlyTheApprovableItemsOfAMixedApplicationAreApproved) {
  auto a = With({{"5A002.a", "Carrier core routers with encryption"},
                 {"5A991.c", "Optical transport modules for metro networks"}});
  EXPECT_FALSE(Assess(a).approve) << "controlled, and not shown available abroad";
  a.documents.push_back(ForeignAvailabilityReference(1));
  auto verdict = Assess(a);
  EXPECT_TRUE(verdict.approve);
  EXPECT_TRUE(verdict.in_part);
  EXPECT_EQ(verdict.approvable_items, std::vector<std::size_t>{1});
  EXPECT_EQ(verdict.criteria,
            (std::vector<std::string>{"mass_market", "non_sensitive_item", "no_5g_contribution"}));
}

TEST(ReviewerPolicy, ControlledItemsNotShownAvailableAbroadGetANotice) {
  auto verdict = Assess(With({{"3D991", "Electronic design automation software for chip design"}}));
  EXPECT_FALSE(verdict.approve);
  EXPECT_EQ(verdict.criteria,
            (std::vector<std::string>{"presumption_of_denial", "national_security_risk"}));
}

}  // namespace
}  // namespace tollgate::replay
