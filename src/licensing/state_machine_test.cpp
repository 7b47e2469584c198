#include "tollgate/licensing/state_machine.h"

#include <gtest/gtest.h>

#include <set>

#include "licensing/test_application.h"

namespace tollgate::licensing {
namespace {

using namespace testing;  // NOLINT: test helpers
using S = ApplicationState;

// Applies `event` on `date` and expects it to succeed.
Application Step(const Application& a, const Event& event, const char* date) {
  auto next = Apply(a, event, D(date), Catalog());
  EXPECT_TRUE(next.ok()) << EventName(event.kind) << ": " << next.error().message;
  return next.ok() ? *next : a;
}

// Applies `event` and expects a refusal; returns the message.
std::string Refused(const Application& a, const Event& event, const char* date,
                    ErrorCode code = ErrorCode::kInvalidArgument) {
  auto next = Apply(a, event, D(date), Catalog());
  EXPECT_FALSE(next.ok()) << EventName(event.kind) << " was allowed from " << StateName(a.state);
  if (next.ok()) return "";
  EXPECT_EQ(next.error().code, code) << next.error().message;
  return next.error().message;
}

Application Registered() {
  Application a = Step(CompleteDraft(), Submit("D000042"), "2019-06-01");
  return Step(a, MakeEvent(EventKind::kRegister, System()), "2019-06-03");
}

Application ReferredToAll() {
  return Step(Registered(), Refer({Agency::kDefense, Agency::kState, Agency::kEnergy}),
              "2019-06-10");
}

Application WithNotice() {
  return Step(Registered(),
              Decide(EventKind::kIntentToDeny, {"presumption_of_denial"}, "listed end user"),
              "2019-08-01");
}

#define EXPECT_CONTAINS(text, part) \
  EXPECT_NE(std::string(text).find(part), std::string::npos) << (text)

TEST(StateMachineTest, AnApplicationGoesFromDraftToApprovalThroughTheAgencies) {
  Application a = Step(CompleteDraft(), Submit("D000042"), "2019-06-01");
  EXPECT_EQ(a.state, S::kSubmitted);
  EXPECT_EQ(a.control_number, "D000042");
  EXPECT_EQ(a.review.submitted_on, D("2019-06-01"));

  a = Step(a, MakeEvent(EventKind::kRegister, Reviewer()), "2019-06-03");
  EXPECT_EQ(a.state, S::kRegistered);
  EXPECT_EQ(a.review.registered_on, D("2019-06-03"));

  a = Step(a, Refer({Agency::kDefense, Agency::kState, Agency::kEnergy}), "2019-06-10");
  EXPECT_EQ(a.state, S::kReferred);
  a = Step(a, Recommend(Agency::kDefense, Recommendation::kApprove, "no military end use"),
           "2019-07-01");
  a = Step(a, Recommend(Agency::kState, Recommendation::kApprove, "no concern"), "2019-07-02");
  a = Step(a,
           Recommend(Agency::kEnergy, Recommendation::kApproveWithConditions, "fine",
                     {"no nuclear end use"}),
           "2019-07-03");
  EXPECT_EQ(a.state, S::kReferred);
  ASSERT_EQ(a.review.recommendations.size(), 3u);
  EXPECT_EQ(a.review.recommendations[2].conditions, std::vector<std::string>{"no nuclear end use"});

  Event approve = Decide(EventKind::kApprove, {"mass_market", "non_sensitive_item"},
                         "mass-market software, AT-only");
  approve.conditions = {"no nuclear end use"};
  a = Step(a, approve, "2019-11-20");
  EXPECT_EQ(a.state, S::kApproved);
  ASSERT_TRUE(a.review.decision);
  EXPECT_EQ(a.review.decision->on, D("2019-11-20"));
  EXPECT_EQ(a.review.decision->criteria,
            (std::vector<std::string>{"mass_market", "non_sensitive_item"}));
  EXPECT_TRUE(a.review.decision->approved_items.empty()) << "approved in whole";
  EXPECT_EQ(a.items, CompleteDraft().items) << "the form never changes";
}

TEST(StateMachineTest, AnIllegalTransitionNamesTheStateWhatIsAllowedAndWhatComesFirst) {
  Application submitted = Step(CompleteDraft(), Submit("D123456"), "2019-06-01");
  const std::string message =
      Refused(submitted, Decide(EventKind::kApprove, {"mass_market"}, "ok"), "2019-06-02");
  EXPECT_EQ(message,
            "application D123456: cannot approve from 'submitted': allowed from 'submitted': "
            "register, return, withdraw; approve comes after register");

  // §750.6: no denial without a notice of intent to deny first.
  EXPECT_CONTAINS(Refused(Registered(), Decide(EventKind::kDeny, {"presumption_of_denial"}, "no"),
                          "2019-06-04"),
                  "cannot deny from 'registered': allowed from 'registered': refer, approve, "
                  "intent_to_deny, return, withdraw; deny comes after intent_to_deny");

  Application withdrawn =
      Step(submitted, MakeEvent(EventKind::kWithdraw, Applicant()), "2019-06-02");
  EXPECT_EQ(withdrawn.state, S::kWithdrawn);
  EXPECT_EQ(Refused(withdrawn, MakeEvent(EventKind::kRegister, Reviewer()), "2019-06-03"),
            "application D123456: cannot register from 'withdrawn': it is final");
}

TEST(StateMachineTest, OnlyTheRightRoleMayActAndAnAgencyOnlyForItself) {
  Event self_approval = Decide(EventKind::kApprove, {"mass_market"}, "trust me");
  self_approval.actor = Applicant();
  EXPECT_EQ(Refused(Registered(), self_approval, "2019-06-04", ErrorCode::kPermissionDenied),
            "application D000042: cannot approve as applicant msft-exports: only the reviewer "
            "may");
  EXPECT_CONTAINS(Refused(CompleteDraft(), MakeEvent(EventKind::kSubmit, Reviewer()), "2019-06-01",
                          ErrorCode::kPermissionDenied),
                  "only the applicant may");
  EXPECT_CONTAINS(Refused(Step(CompleteDraft(), Submit(), "2019-06-01"),
                          MakeEvent(EventKind::kRegister, Applicant()), "2019-06-02",
                          ErrorCode::kPermissionDenied),
                  "only the reviewer or the system may");

  Application referred = Step(Registered(), Refer({Agency::kDefense}), "2019-06-10");
  EXPECT_CONTAINS(
      Refused(referred, Recommend(Agency::kEnergy, Recommendation::kDeny, "no"), "2019-06-11"),
      "cannot recommend: it was not referred to energy");
  Event unnamed = Recommend(Agency::kDefense, Recommendation::kDeny, "no");
  unnamed.actor.agency.reset();
  Refused(referred, unnamed, "2019-06-11", ErrorCode::kPermissionDenied);
}

TEST(StateMachineTest, EachRecommendationIsGivenOnceWithItsReasoningAndConditions) {
  Application a = ReferredToAll();
  EXPECT_CONTAINS(
      Refused(a, Recommend(Agency::kState, Recommendation::kApprove, " "), "2019-06-11"),
      "no reasoning given");
  EXPECT_CONTAINS(
      Refused(a, Recommend(Agency::kState, Recommendation::kApproveWithConditions, "ok"),
              "2019-06-11"),
      "needs at least one condition");
  a = Step(a, Recommend(Agency::kState, Recommendation::kApprove, "ok"), "2019-06-11");
  EXPECT_CONTAINS(
      Refused(a, Recommend(Agency::kState, Recommendation::kDeny, "changed my mind"), "2019-06-12"),
      "state already recommended approve on 2019-06-11");
}

TEST(StateMachineTest, BisWaitsThirtyDaysForTheAgenciesThenTakesSilenceAsNoObjection) {
  Application a = ReferredToAll();  // referred 2019-06-10: recommendations due 2019-07-10
  a = Step(a, Recommend(Agency::kDefense, Recommendation::kApprove, "ok"), "2019-06-20");
  const Event approve = Decide(EventKind::kApprove, {"mass_market"}, "retail software");
  EXPECT_CONTAINS(Refused(a, approve, "2019-07-10"),
                  "waiting for the recommendation of state, due by 2019-07-10");
  EXPECT_EQ(Step(a, approve, "2019-07-11").state, S::kApproved);
}

TEST(StateMachineTest, AnAgencyThatDisagreesSendsTheCaseToTheOperatingCommittee) {
  Application a = Step(Registered(), Refer({Agency::kDefense, Agency::kState}), "2019-06-10");
  a = Step(a, Recommend(Agency::kDefense, Recommendation::kDeny, "military end user"),
           "2019-06-20");
  a = Step(a, Recommend(Agency::kState, Recommendation::kApprove, "no concern"), "2019-06-21");
  EXPECT_CONTAINS(Refused(a, Decide(EventKind::kApprove, {"mass_market"}, "ok"), "2019-06-22"),
                  "defense recommended deny: a disagreement goes to the Operating Committee");
  EXPECT_CONTAINS(
      Refused(a, Decide(EventKind::kIntentToDeny, {"presumption_of_denial"}, "no"), "2019-06-22"),
      "state recommended approve");

  Event escalate = MakeEvent(EventKind::kEscalate, AgencyActor(Agency::kDefense));
  EXPECT_CONTAINS(Refused(a, escalate, "2019-06-22"), "say what the dispute is");
  escalate.text = "Defense objects: the end user supplies military programs";
  a = Step(a, escalate, "2019-06-22");
  EXPECT_EQ(a.state, S::kEscalated);
  EXPECT_EQ(a.review.escalated_on, D("2019-06-22"));
  a = Step(a, Decide(EventKind::kIntentToDeny, {"military_end_user_link"}, "OC chair: deny"),
           "2019-07-01");
  EXPECT_EQ(a.state, S::kIntentToDeny);
}

TEST(StateMachineTest, ADenialWaitsTwentyDaysForTheApplicantsResponse) {
  Application a = WithNotice();  // notice 2019-08-01: response due 2019-08-21
  ASSERT_TRUE(a.review.intent_to_deny);
  EXPECT_EQ(a.review.intent_to_deny->response_due, D("2019-08-21"));

  const Event deny = MakeEvent(EventKind::kDeny, System());
  EXPECT_EQ(Refused(a, deny, "2019-08-21"),
            "application D000042: cannot deny: the applicant may respond to the notice of "
            "2019-08-01 until 2019-08-21 (§750.6: 20 days)");
  Application denied = Step(a, deny, "2019-08-22");
  EXPECT_EQ(denied.state, S::kDenied);
  ASSERT_TRUE(denied.review.decision);
  EXPECT_EQ(denied.review.decision->criteria, std::vector<std::string>{"presumption_of_denial"})
      << "a denial without its own words takes the notice's";
  EXPECT_EQ(denied.review.decision->reasoning, "listed end user");
}

TEST(StateMachineTest, TheApplicantMayRespondWithinTwentyDaysAndThenBisDecides) {
  Event respond = MakeEvent(EventKind::kRespond, Applicant());
  respond.text = "The software is mass-market and sold in every store in Shenzhen.";
  EXPECT_CONTAINS(Refused(WithNotice(), respond, "2019-08-22"),
                  "the 20 days to respond to the notice of 2019-08-01 ended on 2019-08-21");
  Application a = Step(WithNotice(), respond, "2019-08-21");
  EXPECT_EQ(a.state, S::kApplicantResponded);

  // After a response BIS may decide at once, either way.
  EXPECT_EQ(
      Step(a, Decide(EventKind::kApprove, {"mass_market"}, "response convinced"), "2019-08-22")
          .state,
      S::kApproved);
  Application denied =
      Step(a, Decide(EventKind::kDeny, {"national_security_risk"}, "response does not change it"),
           "2019-08-22");
  EXPECT_EQ(denied.review.decision->criteria, std::vector<std::string>{"national_security_risk"});
}

TEST(StateMachineTest, DecisionsRecordKnownCriteriaAndReasoning) {
  const Application a = Registered();
  EXPECT_CONTAINS(Refused(a, Decide(EventKind::kApprove, {}, "fine"), "2019-06-04"),
                  "cannot approve: no criteria given");
  EXPECT_CONTAINS(
      Refused(a, Decide(EventKind::kApprove, {"mass_market", "cheap"}, "fine"), "2019-06-04"),
      "criteria/1: unknown criterion 'cheap'");
  EXPECT_CONTAINS(
      Refused(a, Decide(EventKind::kApprove, {"mass_market", "mass_market"}, "fine"), "2019-06-04"),
      "criterion 'mass_market' given twice");
  EXPECT_CONTAINS(Refused(a, Decide(EventKind::kApprove, {"mass_market"}, ""), "2019-06-04"),
                  "no reasoning given");
  EXPECT_CONTAINS(
      Refused(a, Decide(EventKind::kIntentToDeny, {"presumption_of_denial"}, ""), "2019-06-04"),
      "§750.6: the notice states the reasons");
}

TEST(StateMachineTest, AnApprovalInPartNamesItemsAndQuantitiesWithinTheApplication) {
  const Application a = Registered();
  Event partial = Decide(EventKind::kApprove, {"mass_market"}, "Windows only, fewer");
  partial.approved_items = {{0, 600}};
  Application approved = Step(a, partial, "2019-06-04");
  EXPECT_EQ(approved.review.decision->approved_items, (std::vector<ApprovedItem>{{0, 600}}));

  partial.approved_items = {{2, 1}};
  EXPECT_CONTAINS(Refused(a, partial, "2019-06-04"), "approved_items/0: no item 2");
  partial.approved_items = {{0, 1001}};
  EXPECT_CONTAINS(Refused(a, partial, "2019-06-04"),
                  "quantity 1001 must be between 1 and the 1000 applied for");
  partial.approved_items = {{1, 10}, {1, 20}};
  EXPECT_CONTAINS(Refused(a, partial, "2019-06-04"), "approved_items/1: item 1 given twice");
}

TEST(StateMachineTest, SubmissionNeedsACompleteFormAndAControlNumber) {
  Application incomplete = CompleteDraft();
  incomplete.end_use.clear();
  EXPECT_EQ(Refused(incomplete, Submit(), "2019-06-01"),
            "draft application: cannot submit: end_use: missing: state the specific end use");
  EXPECT_CONTAINS(Refused(CompleteDraft(), Submit("42"), "2019-06-01"),
                  "application control number '42': wrong length");
}

TEST(StateMachineTest, ADeficientSubmissionIsReturnedWithoutBeingRegistered) {
  Application a = Step(CompleteDraft(), Submit(), "2019-06-01");
  Event rwa = MakeEvent(EventKind::kReturn, Reviewer());
  EXPECT_CONTAINS(Refused(a, rwa, "2019-06-02"), "no reasons given");
  rwa.text = "technical specifications missing";
  a = Step(a, rwa, "2019-06-02");
  EXPECT_EQ(a.state, S::kReturnedWithoutAction);
  EXPECT_FALSE(a.review.registered_on);
  EXPECT_EQ(a.review.decision->reasoning, "technical specifications missing");
}

TEST(StateMachineTest, StepsAreRecordedInDateOrder) {
  Application a = Step(CompleteDraft(), Submit(), "2019-06-10");
  EXPECT_CONTAINS(Refused(a, MakeEvent(EventKind::kRegister, Reviewer()), "2019-06-09"),
                  "cannot register on 2019-06-09: its last recorded step is dated 2019-06-10");
}

TEST(StateMachineTest, TheTableIsWhole) {
  std::set<std::pair<S, EventKind>> seen;
  std::set<S> reachable = {S::kDraft};
  for (bool grew = true; grew;) {
    grew = false;
    for (const Transition& t : Transitions()) {
      if (reachable.count(t.from) && reachable.insert(t.to).second) grew = true;
    }
  }
  for (const Transition& t : Transitions()) {
    EXPECT_TRUE(seen.insert({t.from, t.event}).second)
        << "two rows for " << StateName(t.from) << " + " << EventName(t.event);
    EXPECT_FALSE(IsFinal(t.from)) << StateName(t.from) << " is final but has a way out";
    EXPECT_NE(t.roles, 0u);
    EXPECT_FALSE(t.needs.empty());
    EXPECT_NE(t.check, nullptr);
  }
  for (int s = 0; s <= static_cast<int>(S::kWithdrawn); ++s) {
    const S state = static_cast<S>(s);
    EXPECT_TRUE(reachable.count(state)) << StateName(state) << " cannot be reached from draft";
    EXPECT_EQ(AllowedFrom(state).empty(), IsFinal(state)) << StateName(state);
  }
}

}  // namespace
}  // namespace tollgate::licensing
