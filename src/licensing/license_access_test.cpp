// licensing/license_access.h: the one rule of who sees what an organization holds,
// one test per role, and the forms of it (MayUse for a license, MaySee for an
// application, VisibleOrganization for a store filter) agreeing with it.
#include "tollgate/licensing/license_access.h"

#include <gtest/gtest.h>

#include "licensing/test_application.h"

namespace tollgate::licensing {
namespace {

License HeldBy(const std::string& organization) {
  License license;
  license.number = "D123456";
  license.organization = organization;
  return license;
}

Application FiledBy(const std::string& organization) {
  Application application = testing::CompleteDraft();
  application.organization = organization;
  return application;
}

// The rule, and that the license, application and filter forms give the same answer.
void ExpectSees(const User& viewer, const std::string& organization, bool sees) {
  SCOPED_TRACE(viewer.name + " looking at " + organization + "'s");
  EXPECT_EQ(MaySeeOrganization(viewer, organization), sees);
  EXPECT_EQ(MayUse(viewer, HeldBy(organization)), sees);
  EXPECT_EQ(MaySee(viewer, FiledBy(organization)), sees);
  const auto filter = VisibleOrganization(viewer);
  EXPECT_EQ(!filter || *filter == organization, sees);
}

TEST(LicenseAccessTest, AnApplicantSeesItsOwnOrganizationsOnly) {
  const User applicant{"msft-exports", Role::kApplicant, "microsoft", std::nullopt};
  ExpectSees(applicant, "microsoft", true);
  ExpectSees(applicant, "qualcomm", false);
  EXPECT_EQ(VisibleOrganization(applicant), std::optional<std::string>("microsoft"));
}

TEST(LicenseAccessTest, AnApplicantWithoutAnOrganizationSeesNone) {
  // ValidateUser refuses such a user; should one exist, it sees nothing, not everything.
  const User applicant{"orphan", Role::kApplicant, "", std::nullopt};
  EXPECT_FALSE(MaySeeOrganization(applicant, "microsoft"));
  EXPECT_FALSE(MaySeeOrganization(applicant, ""));
  EXPECT_FALSE(MayUse(applicant, HeldBy("")));
}

TEST(LicenseAccessTest, AReviewerSeesEveryOrganizations) {
  const User reviewer{"officer-1", Role::kReviewer, "", std::nullopt};
  ExpectSees(reviewer, "microsoft", true);
  ExpectSees(reviewer, "qualcomm", true);
  EXPECT_EQ(VisibleOrganization(reviewer), std::nullopt);
}

TEST(LicenseAccessTest, AnAgencySeesEveryOrganizations) {
  const User agency{"dod", Role::kAgency, "", Agency::kDefense};
  ExpectSees(agency, "microsoft", true);
  ExpectSees(agency, "qualcomm", true);
}

TEST(LicenseAccessTest, OversightSeesEveryOrganizations) {
  const User oversight{"inspector", Role::kOversight, "", std::nullopt};
  ExpectSees(oversight, "microsoft", true);
  ExpectSees(oversight, "qualcomm", true);
}

TEST(LicenseAccessTest, AnAdminSeesEveryOrganizations) {
  const User admin{"admin", Role::kAdmin, "", std::nullopt};
  ExpectSees(admin, "microsoft", true);
  ExpectSees(admin, "qualcomm", true);
}

TEST(LicenseAccessTest, TheSystemSeesEveryOrganizations) {
  const User system{"system", Role::kSystem, "", std::nullopt};
  ExpectSees(system, "microsoft", true);
  ExpectSees(system, "qualcomm", true);
}

}  // namespace
}  // namespace tollgate::licensing
