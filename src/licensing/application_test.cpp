#include "tollgate/licensing/application.h"

#include <gtest/gtest.h>

#include "licensing/test_application.h"

namespace tollgate::licensing {
namespace {

using testing::CompleteDraft;

std::string SubmissionProblem(const Application& a) {
  auto s = ValidateForSubmission(a);
  return s.ok() ? "" : s.error().message;
}

TEST(ApplicationTest, ACompleteFormIsAccepted) {
  EXPECT_EQ(SubmissionProblem(CompleteDraft()), "");
  EXPECT_EQ(TotalValueUsd(CompleteDraft()), 159500);
}

TEST(ApplicationTest, AnIncompleteFormNamesTheFieldAndWhy) {
  struct Case {
    void (*damage)(Application&);
    const char* expected;
  };
  const Case cases[] = {
      {[](Application& a) { a.applicant.name = " "; },
       "draft application: applicant/name: missing"},
      {[](Application& a) { a.contact.phone = a.contact.email = ""; },
       "contact: give a phone number or an e-mail address"},
      {[](Application& a) { a.ultimate_consignee.country = "cn"; },
       "ultimate_consignee/country: 'cn' is not an ISO 3166-1 alpha-2 country code"},
      {[](Application& a) {
         a.end_user = Party{"Huawei Device Co.", "", "XX"};
       },
       "end_user/country: 'XX'"},
      {[](Application& a) { a.end_use = ""; }, "end_use: missing"},
      {[](Application& a) { a.destination = "China"; }, "destination: 'China'"},
      {[](Application& a) { a.items.clear(); }, "items: at least one item is needed"},
      {[](Application& a) { a.items[1].eccn = "5D992c"; }, "items/1/eccn: '5D992c' is not an ECCN"},
      {[](Application& a) { a.items[0].quantity = 0; }, "items/0/quantity: must be above 0"},
      {[](Application& a) { a.items[0].value_usd = 9950; },
       "items/0/value_usd: 9950 is not quantity x unit price (1000 x 9950 cents)"},
      {[](Application& a) { a.documents.push_back(""); }, "documents/1: empty reference"},
  };
  for (const Case& c : cases) {
    Application a = CompleteDraft();
    c.damage(a);
    const std::string problem = SubmissionProblem(a);
    EXPECT_NE(problem.find(c.expected), std::string::npos)
        << "expected '" << c.expected << "' in '" << problem << "'";
  }
}

TEST(ApplicationTest, TheTotalPriceMayBeRoundedToTheDollar) {
  Application a = CompleteDraft();
  a.items[0] = {"EAR99", "rubber gaskets", 3, "ea", 33, 1};  // 0.99 rounds to 1
  EXPECT_EQ(SubmissionProblem(a), "");
  a.items[0].value_usd = 2;
  EXPECT_NE(SubmissionProblem(a), "");
}

TEST(ApplicationTest, EccnsHaveCategoryGroupNumberAndParagraphs) {
  for (const char* good : {"5D992", "5D992.c", "3A001.a.1", "EAR99", "0A999.b.2.a"}) {
    EXPECT_TRUE(IsWellFormedEccn(good)) << good;
  }
  for (const char* bad :
       {"", "5D99", "5F992", "D5992", "5D992.", "5D992..c", "5D992.C", "ear99", "5d992"}) {
    EXPECT_FALSE(IsWellFormedEccn(bad)) << bad;
  }
}

TEST(ApplicationTest, TheSubjectIsTheControlNumberOnceThereIsOne) {
  Application a = CompleteDraft();
  EXPECT_EQ(Subject(a), "draft application");
  a.id = 12;
  EXPECT_EQ(Subject(a), "application #12");
  a.control_number = "D123456";
  EXPECT_EQ(Subject(a), "application D123456");
}

TEST(ApplicationTest, NamesRoundTripAndUnknownNamesAreRefused) {
  for (ApplicationState s :
       {ApplicationState::kDraft, ApplicationState::kSubmitted, ApplicationState::kRegistered,
        ApplicationState::kReturnedWithoutAction, ApplicationState::kReferred,
        ApplicationState::kEscalated, ApplicationState::kIntentToDeny,
        ApplicationState::kApplicantResponded, ApplicationState::kApproved,
        ApplicationState::kDenied, ApplicationState::kWithdrawn}) {
    EXPECT_EQ(ParseState(StateName(s)), s);
  }
  EXPECT_EQ(ParseState("returned_without_action"), ApplicationState::kReturnedWithoutAction);
  EXPECT_EQ(ParseState("Approved"), std::nullopt);
  EXPECT_EQ(ParseAgency("energy"), Agency::kEnergy);
  EXPECT_EQ(ParseAgency("commerce"), std::nullopt);
  EXPECT_EQ(ParseRecommendation("approve_with_conditions"), Recommendation::kApproveWithConditions);
  EXPECT_TRUE(IsFinal(ApplicationState::kReturnedWithoutAction));
  EXPECT_FALSE(IsFinal(ApplicationState::kIntentToDeny));
}

}  // namespace
}  // namespace tollgate::licensing
