#include "tollgate/licensing/workflow.h"

#include <gtest/gtest.h>

#include "licensing/test_application.h"
#include "test_databases.h"
#include "tollgate/audit/verify.h"

namespace tollgate::licensing {
namespace {

using namespace testing;  // NOLINT: test helpers

const User kMicrosoft{"msft-exports", Role::kApplicant, "microsoft", std::nullopt};
const User kQualcomm{"qcom-exports", Role::kApplicant, "qualcomm", std::nullopt};
const User kOfficer{"officer-1", Role::kReviewer, "", std::nullopt};
const User kDefense{"dod", Role::kAgency, "", Agency::kDefense};

class WorkflowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = storage::OpenStore(db_.url());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    const storage::ChangeStamp setup{"system setup", "2019-05-20T00:00:00Z"};
    ASSERT_TRUE(store_->AddOrganization({"microsoft", "Microsoft Corporation"}, setup).ok());
    ASSERT_TRUE(store_->AddOrganization({"qualcomm", "Qualcomm Incorporated"}, setup).ok());
    workflow_ = std::make_unique<Workflow>(*store_, clock_, Catalog());
  }

  Application Filed() {
    auto filed = workflow_->Submit(kMicrosoft, CompleteDraft());
    EXPECT_TRUE(filed.ok()) << filed.error().message;
    return filed.ok() ? *filed : Application{};
  }

  static Event Plain(EventKind kind) { return MakeEvent(kind, Actor{}); }

  tollgate::testing::TestDatabase db_{"sqlite"};
  std::unique_ptr<storage::Store> store_;
  FixedClock clock_{D("2019-06-01")};
  std::unique_ptr<Workflow> workflow_;
};

TEST_F(WorkflowTest, AnApplicantFilesAndGetsAControlNumberDatedByTheClock) {
  Application a = Filed();
  EXPECT_EQ(a.control_number, "D000001");
  EXPECT_EQ(a.state, ApplicationState::kSubmitted);
  EXPECT_EQ(a.organization, "microsoft");
  EXPECT_EQ(a.review.submitted_on, D("2019-06-01"));
  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log->back().timestamp, "2019-06-01T00:00:00Z");
  EXPECT_EQ(log->back().actor, "applicant msft-exports");
  EXPECT_EQ(Filed().control_number, "D000002");
}

TEST_F(WorkflowTest, AFormForAnotherOrganizationOrAnIncompleteOneLeavesNothingBehind) {
  Application other = CompleteDraft();
  other.organization = "qualcomm";
  auto refused = workflow_->Submit(kMicrosoft, other);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  Application incomplete = CompleteDraft();
  incomplete.items.clear();
  EXPECT_EQ(workflow_->Submit(kMicrosoft, incomplete).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(workflow_->Submit(kOfficer, CompleteDraft()).error().code,
            ErrorCode::kPermissionDenied);
  EXPECT_TRUE(store_->ListApplications()->empty());
}

TEST_F(WorkflowTest, AnotherApplicantCannotSeeOrTouchAnApplicationNorLearnItExists) {
  Filed();
  auto hidden = workflow_->Show(kQualcomm, "D000001");
  auto missing = workflow_->Show(kQualcomm, "D000099");
  ASSERT_FALSE(hidden.ok());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(hidden.error().message, "no application D000001");
  EXPECT_EQ(missing.error().message, "no application D000099") << "the same answer either way";
  Event withdraw = MakeEvent(EventKind::kWithdraw, Actor{});
  EXPECT_EQ(workflow_->Transition(kQualcomm, "D000001", withdraw).error().code,
            ErrorCode::kNotFound);
  EXPECT_TRUE(workflow_->List(kQualcomm)->empty());
  EXPECT_EQ(workflow_->List(kMicrosoft)->size(), 1u);
  EXPECT_EQ(workflow_->List(kOfficer)->size(), 1u);
  EXPECT_TRUE(workflow_->Timeline(kQualcomm, "D000001").error().code == ErrorCode::kNotFound);
}

TEST_F(WorkflowTest, TheActorIsTheUserSoRolesCannotBeBorrowed) {
  Filed();
  ASSERT_TRUE(workflow_->Transition(kOfficer, "D000001", Plain(EventKind::kRegister)).ok());
  Event approve = Decide(EventKind::kApprove, {"mass_market"}, "retail software");
  approve.actor = testing::Reviewer();  // ignored: the user acts as who they are
  auto refused = workflow_->Transition(kMicrosoft, "D000001", approve);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  EXPECT_NE(refused.error().message.find("as applicant msft-exports"), std::string::npos)
      << refused.error().message;
}

TEST_F(WorkflowTest, TheProcessRunsOnTheClocksDatesAndAStaleVersionIsRefused) {
  Filed();
  clock_.Set(D("2019-06-03"));
  auto registered = workflow_->Transition(kOfficer, "D000001", Plain(EventKind::kRegister), 2);
  ASSERT_TRUE(registered.ok()) << registered.error().message;
  EXPECT_EQ(registered->review.registered_on, D("2019-06-03"));

  clock_.Set(D("2019-06-10"));
  Event refer = Plain(EventKind::kRefer);
  refer.agencies = {Agency::kDefense};
  auto stale = workflow_->Transition(kOfficer, "D000001", refer, 2);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().message,
            "application D000001 is at version 3, not 2: it changed since you read it; reload "
            "it and try again");
  ASSERT_TRUE(workflow_->Transition(kOfficer, "D000001", refer, 3).ok());

  auto due = workflow_->Due(kOfficer, D("2019-07-15"));
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].deadline.kind, DeadlineKind::kAgencyRecommendation);
  EXPECT_EQ((*due)[0].deadline.days_left, -5);
  EXPECT_TRUE(workflow_->Due(kQualcomm, D("2019-07-15"))->empty());

  clock_.Set(D("2019-06-20"));
  Event recommend = MakeEvent(EventKind::kRecommend, Actor{});
  recommend.recommendation = Recommendation::kApprove;
  recommend.text = "no military end use";
  auto recommended = workflow_->Transition(kDefense, "D000001", recommend);
  ASSERT_TRUE(recommended.ok()) << recommended.error().message;
  EXPECT_EQ(recommended->review.recommendations[0].agency, Agency::kDefense);

  auto timeline = workflow_->Timeline(kMicrosoft, "D000001");
  ASSERT_TRUE(timeline.ok());
  EXPECT_EQ(timeline->size(), 4u);
  EXPECT_TRUE(audit::Verify(*store_->AuditLog()).ok());
}

}  // namespace
}  // namespace tollgate::licensing
