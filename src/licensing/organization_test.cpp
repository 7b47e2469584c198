#include "tollgate/licensing/organization.h"

#include <gtest/gtest.h>

#include "licensing/test_application.h"

namespace tollgate::licensing {
namespace {

std::string Problem(const User& user) {
  auto s = ValidateUser(user);
  return s.ok() ? "" : s.error().message;
}

TEST(OrganizationTest, UsersBelongWhereTheirRoleSays) {
  EXPECT_EQ(Problem({"msft-exports", Role::kApplicant, "microsoft", std::nullopt}), "");
  EXPECT_EQ(Problem({"dod.liaison", Role::kAgency, "", Agency::kDefense}), "");
  EXPECT_EQ(Problem({"officer-1", Role::kReviewer, "", std::nullopt}), "");
  EXPECT_EQ(Problem({"msft-exports", Role::kApplicant, "", std::nullopt}),
            "user 'msft-exports': an applicant acts for an organization: name it");
  EXPECT_EQ(Problem({"officer-1", Role::kReviewer, "microsoft", std::nullopt}),
            "user 'officer-1': a reviewer belongs to no applicant organization");
  EXPECT_EQ(Problem({"dod", Role::kAgency, "", std::nullopt}),
            "user 'dod': an agency user names the agency (defense, state, energy)");
  EXPECT_EQ(Problem({"Officer One", Role::kReviewer, "", std::nullopt}),
            "user 'Officer One': the name must be 1 to 64 of a-z, 0-9, '-', '_' and '.'");
  EXPECT_FALSE(ValidateOrganization({"microsoft", " "}).ok());
  EXPECT_FALSE(ValidateOrganization({"Microsoft Corp", "Microsoft"}).ok());
  EXPECT_TRUE(ValidateOrganization({"microsoft", "Microsoft Corporation"}).ok());
}

TEST(OrganizationTest, AnApplicantSeesOnlyItsOwnOrganizationsApplications) {
  Application microsofts = testing::CompleteDraft();  // organization "microsoft"
  EXPECT_TRUE(MaySee({"msft-exports", Role::kApplicant, "microsoft", std::nullopt}, microsofts));
  EXPECT_FALSE(MaySee({"qcom-exports", Role::kApplicant, "qualcomm", std::nullopt}, microsofts));
  EXPECT_TRUE(MaySee({"officer-1", Role::kReviewer, "", std::nullopt}, microsofts));
  EXPECT_TRUE(MaySee({"dod", Role::kAgency, "", Agency::kDefense}, microsofts));
  EXPECT_EQ(ActorFor({"dod", Role::kAgency, "", Agency::kDefense}),
            (Actor{Role::kAgency, "dod", Agency::kDefense}));
}

}  // namespace
}  // namespace tollgate::licensing
