#include "tollgate/licensing/application_json.h"

#include <gtest/gtest.h>

#include "licensing/test_application.h"

namespace tollgate::licensing {
namespace {

using testing::CompleteDraft;

TEST(ApplicationJsonTest, AStoredApplicationRoundTripsWithItsReview) {
  Application a = CompleteDraft();
  a.id = 7;
  a.version = 3;
  a.control_number = "D000007";
  a.state = ApplicationState::kApproved;
  a.intermediate_consignee = Party{"Forwarder Ltd", "Hong Kong", "HK"};
  a.review.submitted_on = testing::D("2019-06-01");
  a.review.registered_on = testing::D("2019-06-03");
  a.review.referred_on = testing::D("2019-06-10");
  a.review.referred_to = {Agency::kDefense, Agency::kState};
  a.review.recommendations = {{Agency::kDefense,
                               Recommendation::kApproveWithConditions,
                               "low risk",
                               {"no resale"},
                               testing::D("2019-06-20")}};
  a.review.intent_to_deny = IntentToDeny{testing::D("2019-07-01"),
                                         testing::D("2019-07-21"),
                                         {"presumption_of_denial"},
                                         "listed end user"};
  a.review.response = ApplicantResponse{testing::D("2019-07-15"), "mass-market only"};
  a.review.decision = Decision{
      testing::D("2019-11-20"), {"mass_market"}, "mass-market software", {"no resale"}, {{0, 600}}};
  auto back = ApplicationFromJson(ToJson(a));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, a);
}

TEST(ApplicationJsonTest, TheFormScopeRefusesWhatBisFillsIn) {
  nlohmann::json form = ToJson(CompleteDraft());
  form.erase("id");
  form.erase("version");
  form.erase("review");
  form.erase("state");
  auto ok = ApplicationFromJson(form, JsonScope::kForm);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(*ok, CompleteDraft());

  form["state"] = "approved";
  auto refused = ApplicationFromJson(form, JsonScope::kForm);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("/state: unknown field"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("set by BIS"), std::string::npos);
}

TEST(ApplicationJsonTest, MistakesNameTheJsonPath) {
  nlohmann::json form = ToJson(CompleteDraft());
  form["items"][1]["quantity"] = "500";
  auto wrong_type = ApplicationFromJson(form);
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_EQ(wrong_type.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(wrong_type.error().message.find("/items/1/quantity: expected an integer"),
            std::string::npos)
      << wrong_type.error().message;

  form = ToJson(CompleteDraft());
  form["purchaser"]["adress"] = "typo";
  auto typo = ApplicationFromJson(form);
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.error().message.find("/purchaser/adress: unknown field"), std::string::npos)
      << typo.error().message;

  form = ToJson(CompleteDraft());
  form["state"] = "pending";
  auto state = ApplicationFromJson(form);
  ASSERT_FALSE(state.ok());
  EXPECT_NE(state.error().message.find("/state: unknown state 'pending'"), std::string::npos)
      << state.error().message;
}

TEST(ApplicationJsonTest, EventsRoundTrip) {
  Event e = testing::Recommend(Agency::kEnergy, Recommendation::kApproveWithConditions, "ok",
                               {"no reexport"});
  auto back = EventFromJson(ToJson(e));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, e);

  Event approve = testing::Decide(EventKind::kApprove, {"mass_market"}, "retail software");
  approve.approved_items = {{1, 200}};
  approve.conditions = {"report shipments"};
  EXPECT_EQ(*EventFromJson(ToJson(approve)), approve);

  auto unknown = EventFromJson({{"event", "appeal"}, {"actor", {{"role", "applicant"}}}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("unknown event 'appeal'"), std::string::npos);
}

}  // namespace
}  // namespace tollgate::licensing
