#include "tollgate/licensing/criteria.h"

#include <gtest/gtest.h>

namespace tollgate::licensing {
namespace {

std::string ParseProblem(const std::string& json) {
  auto catalog = ParseCriteria(json, "criteria.json");
  if (catalog.ok()) return "";
  EXPECT_EQ(catalog.error().code, ErrorCode::kParseError);
  return catalog.error().message;
}

constexpr const char* kOne =
    R"({"id": "mass_market", "text": "t", "points_to": "approval", "source": "s"})";

TEST(CriteriaTest, TheShippedCatalogLoadsWithTheCriteriaTheSenatorsAskedAbout) {
  auto catalog = LoadCriteria(ShippedCriteriaPath().value());
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  for (const char* id : {"mass_market", "no_5g_contribution", "military_end_user_link",
                         "presumption_of_denial", "national_security_risk"}) {
    EXPECT_NE(catalog->Find(id), nullptr) << id;
  }
  const Criterion* presumption = catalog->Find("presumption_of_denial");
  ASSERT_NE(presumption, nullptr);
  EXPECT_EQ(presumption->points_to, Direction::kDenial);
  EXPECT_NE(presumption->source.find("§744.16(c)"), std::string::npos);
  EXPECT_TRUE(catalog->Find("no_5g_contribution")->check) << "not in the regulation";
}

TEST(CriteriaTest, AWellFormedCatalogParses) {
  auto catalog = ParseCriteria(
      std::string(R"({"criteria": [)") + kOne +
          R"(, {"id": "x1", "text": "t", "points_to": "denial", "source": "s", "check": true,
               "note": "verify"}]})",
      "criteria.json");
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  ASSERT_EQ(catalog->all().size(), 2u);
  EXPECT_EQ(catalog->all()[1].points_to, Direction::kDenial);
  EXPECT_EQ(catalog->all()[1].note, "verify");
  EXPECT_EQ(catalog->Find("nope"), nullptr);
}

TEST(CriteriaTest, MistakesAreNamedByFileAndPath) {
  EXPECT_EQ(ParseProblem(std::string(R"({"criteria": [)") + kOne + "," + kOne + "]}"),
            "criteria.json: /criteria/1/id: duplicate id 'mass_market' (first at /criteria/0)");
  EXPECT_EQ(ParseProblem(R"({"criteria": [{"id": "a", "text": "t", "points_to": "approval",
                                           "source": "s", "sorce": "typo"}]})"),
            "criteria.json: /criteria/0/sorce: unknown field");
  EXPECT_EQ(ParseProblem(R"({"criteria": [{"id": "a", "text": "t", "points_to": "maybe",
                                           "source": "s"}]})"),
            "criteria.json: /criteria/0/points_to: 'maybe' is neither \"approval\" nor \"denial\"");
  EXPECT_EQ(ParseProblem(R"({"criteria": [{"id": "Mass Market", "text": "t",
                                           "points_to": "approval", "source": "s"}]})"),
            "criteria.json: /criteria/0/id: 'Mass Market' may hold only lower-case letters, "
            "digits and '_'");
  EXPECT_EQ(ParseProblem(R"({"criteria": [{"id": "a", "text": "t", "points_to": "approval",
                                           "source": "s", "check": true}]})"),
            "criteria.json: /criteria/0/note: required when check is true: say what must be "
            "verified");
  EXPECT_EQ(ParseProblem(R"({"criteria": [{"id": "a", "points_to": "approval", "source": "s"}]})"),
            "criteria.json: /criteria/0/text: missing");
  EXPECT_EQ(ParseProblem(R"({"criteria": []})"), "criteria.json: /criteria: the catalog is empty");
  EXPECT_EQ(ParseProblem(R"({"criterion": []})"), "criteria.json: /criteria: missing");
  EXPECT_NE(ParseProblem("{").find("criteria.json: not valid JSON"), std::string::npos);
}

TEST(CriteriaTest, AMissingFileIsAnIoError) {
  auto catalog = LoadCriteria("/nonexistent/criteria.json");
  ASSERT_FALSE(catalog.ok());
  EXPECT_EQ(catalog.error().code, ErrorCode::kIoError);
  EXPECT_NE(catalog.error().message.find("/nonexistent/criteria.json"), std::string::npos);
}

}  // namespace
}  // namespace tollgate::licensing
