#include "tollgate/licensing/clocks.h"

#include <gtest/gtest.h>

#include "licensing/test_application.h"

namespace tollgate::licensing {
namespace {

using namespace testing;  // NOLINT: test helpers

Application At(ApplicationState state) {
  Application a = CompleteDraft();
  a.control_number = "D000001";
  a.state = state;
  a.review.submitted_on = D("2019-06-01");
  a.review.registered_on = D("2019-06-03");
  return a;
}

TEST(ClocksTest, NoClockRunsBeforeRegistrationOrAfterTheEnd) {
  Application a = At(ApplicationState::kSubmitted);
  a.review.registered_on.reset();
  EXPECT_TRUE(DueItems(a, D("2019-12-01")).empty());
  EXPECT_TRUE(DueItems(At(ApplicationState::kApproved), D("2019-12-01")).empty());
  EXPECT_TRUE(DueItems(At(ApplicationState::kWithdrawn), D("2019-12-01")).empty());
}

TEST(ClocksTest, ARegisteredApplicationOwesAReferralByDayNineAndADecisionByDayNinety) {
  auto due = DueItems(At(ApplicationState::kRegistered), D("2019-06-10"));
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].kind, DeadlineKind::kReferral);
  EXPECT_EQ(due[0].due, D("2019-06-12"));
  EXPECT_EQ(due[0].days_left, 2);
  EXPECT_EQ(due[0].citation, "EO 12981 §5");
  EXPECT_EQ(due[1].kind, DeadlineKind::kDecision);
  EXPECT_EQ(due[1].due, D("2019-09-01")) << "90 calendar days after 2019-06-03";
  EXPECT_EQ(due[1].citation, "§750.4(a)");

  auto late = DueItems(At(ApplicationState::kRegistered), D("2019-06-15"));
  EXPECT_EQ(late[0].days_left, -3);
  EXPECT_TRUE(late[0].overdue());
  EXPECT_EQ(DueItems(At(ApplicationState::kRegistered), D("2019-06-12"))[0].days_left, 0)
      << "due today is not overdue";
}

TEST(ClocksTest, EachReferredAgencyOwesItsRecommendationUntilItGivesIt) {
  Application a = At(ApplicationState::kReferred);
  a.review.referred_on = D("2019-06-10");
  a.review.referred_to = {Agency::kDefense, Agency::kState, Agency::kEnergy};
  a.review.recommendations = {
      {Agency::kState, Recommendation::kApprove, "ok", {}, D("2019-06-20")}};
  auto due = DueItems(a, D("2019-07-15"));
  ASSERT_EQ(due.size(), 3u);
  EXPECT_EQ(due[0].agency, Agency::kDefense);
  EXPECT_EQ(due[0].due, D("2019-07-10"));
  EXPECT_EQ(due[0].days_left, -5);
  EXPECT_EQ(due[0].what, "Defense recommends");
  EXPECT_EQ(due[1].agency, Agency::kEnergy);
  EXPECT_EQ(due[2].kind, DeadlineKind::kDecision);
}

TEST(ClocksTest, TheNoticeOfIntentToDenyGivesTwentyDaysAndTheNinetyStillRun) {
  Application a = At(ApplicationState::kIntentToDeny);
  a.review.intent_to_deny =
      IntentToDeny{D("2019-11-19"), D("2019-12-09"), {"presumption_of_denial"}, "listed"};
  auto due = DueItems(a, D("2019-11-20"));
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].kind, DeadlineKind::kDecision) << "day 90 (2019-09-01) passed: soonest first";
  EXPECT_EQ(due[0].days_left, -80);
  EXPECT_EQ(due[1].kind, DeadlineKind::kIntentToDenyResponse);
  EXPECT_EQ(due[1].days_left, 19);
  EXPECT_EQ(due[1].citation, "§750.6");
}

TEST(ClocksTest, TheOperatingCommitteePeriodIsMarkedForChecking) {
  Application a = At(ApplicationState::kEscalated);
  a.review.escalated_on = D("2019-07-01");
  auto due = DueItems(a, D("2019-07-01"));
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].kind, DeadlineKind::kOperatingCommittee);
  EXPECT_EQ(due[0].due, D("2019-07-15"));
  EXPECT_TRUE(due[0].check);
  EXPECT_FALSE(due[1].check);
}

TEST(ClocksTest, AcrossApplicationsTheMostOverdueComesFirst) {
  Application late = At(ApplicationState::kRegistered);  // referral due 2019-06-12
  late.control_number = "D000002";
  Application fresh = At(ApplicationState::kRegistered);
  fresh.control_number = "D000003";
  fresh.review.registered_on = D("2019-06-20");  // referral due 2019-06-29
  Application draft = CompleteDraft();
  auto lines = DueAcross({fresh, draft, late}, D("2019-06-20"));
  ASSERT_EQ(lines.size(), 4u) << "two deadlines each; none for a draft";
  EXPECT_EQ(lines[0].subject, "application D000002");
  EXPECT_EQ(lines[0].deadline.kind, DeadlineKind::kReferral);
  EXPECT_EQ(lines[0].deadline.days_left, -8);
  EXPECT_EQ(lines[1].subject, "application D000003");
  EXPECT_EQ(lines[1].deadline.days_left, 9);
  EXPECT_EQ(lines[3].deadline.kind, DeadlineKind::kDecision);
  EXPECT_EQ(lines[3].subject, "application D000003");
}

}  // namespace
}  // namespace tollgate::licensing
