// The history's pure parts (issue 15, item 6): a query's filters as the store takes them,
// who sees which records, a screening's outcome and the retention's cutoff.
#include "tollgate/history/history.h"

#include <gtest/gtest.h>

namespace tollgate::history {
namespace {

TEST(HistoryFilterTest, DatesBecomeAHalfOpenRangeOfTimestampsWithTheLastDayIncluded) {
  HistoryQuery query;
  query.from = "2024-02-28";
  query.to = "2024-02-29";
  query.party = "Huawei Technologies Co., Ltd.";
  query.outcome = "license_required";
  auto filter = ParseHistoryFilter(query, Kind::kDeterminations, 100, 1000, "");
  ASSERT_TRUE(filter.ok()) << filter.error().message;
  EXPECT_EQ(filter->from, "2024-02-28T00:00:00Z");
  EXPECT_EQ(filter->before, "2024-03-01T00:00:00Z");
  EXPECT_EQ(filter->party, "huawei technologies co ltd");
  EXPECT_EQ(filter->outcome, "LICENSE_REQUIRED");
  EXPECT_EQ(filter->limit, 100);
  EXPECT_FALSE(filter->organization);
}

TEST(HistoryFilterTest, BadInputNamesTheFieldWithTheAdaptersPrefix) {
  HistoryQuery query;
  query.to = "2019-02-30";
  std::string field;
  auto filter = ParseHistoryFilter(query, Kind::kScreenings, 100, 1000, "--", &field);
  ASSERT_FALSE(filter.ok());
  EXPECT_EQ(field, "to");
  EXPECT_EQ(filter.error().message.rfind("--to: ", 0), 0u) << filter.error().message;
  query = {};
  query.outcome = "LICENSE_REQUIRED";  // a decision is no screening outcome
  EXPECT_FALSE(ParseHistoryFilter(query, Kind::kScreenings, 100, 1000, "").ok());
  query = {};
  query.limit = "1001";
  EXPECT_FALSE(ParseHistoryFilter(query, Kind::kScreenings, 100, 1000, "").ok());
}

TEST(HistoryAccessTest, AnApplicantIsHeldToItsOrganizationAndAnAgencyRefused) {
  licensing::User applicant{"msft", licensing::Role::kApplicant, "microsoft", std::nullopt};
  storage::HistoryFilter filter;
  ASSERT_TRUE(RestrictToViewer(&applicant, filter).ok());
  EXPECT_EQ(filter.organization, "microsoft");
  storage::HistoryFilter other;
  other.organization = "qualcomm";
  EXPECT_EQ(RestrictToViewer(&applicant, other).error().code, ErrorCode::kPermissionDenied);
  licensing::User agency{"dod", licensing::Role::kAgency, "", licensing::Agency::kDefense};
  storage::HistoryFilter any;
  EXPECT_EQ(RestrictToViewer(&agency, any).error().code, ErrorCode::kPermissionDenied);
  licensing::User auditor{"auditor", licensing::Role::kOversight, "", std::nullopt};
  ASSERT_TRUE(RestrictToViewer(&auditor, other).ok());
  EXPECT_EQ(other.organization, "qualcomm");  // as asked
  ASSERT_TRUE(RestrictToViewer(nullptr, any).ok());
  EXPECT_FALSE(any.organization);
}

TEST(HistoryOutcomeTest, TheBlockBandIsAHitAndNothingSearchedIsNoNoHit) {
  std::vector<storage::ListVersion> searched(1);
  EXPECT_EQ(ScreeningOutcome({}, {}), "nothing_screened");
  EXPECT_EQ(ScreeningOutcome(searched, {}), "no_hit");
  std::vector<screening::Match> matches(2);
  matches[0].score = 0.90;
  matches[1].score = 0.93;
  EXPECT_EQ(ScreeningOutcome(searched, matches), "review");
  matches[1].score = 0.95;
  EXPECT_EQ(ScreeningOutcome(searched, matches), "hit");
}

TEST(RetentionTest, FiveYearsBackAndNeverFewer) {
  EXPECT_EQ(*RetentionCutoff(*Date::Parse("2026-12-07"), 5), "2021-12-07T00:00:00Z");
  EXPECT_EQ(*RetentionCutoff(*Date::Parse("2028-02-29"), 5), "2023-02-28T00:00:00Z");
  EXPECT_EQ(*RetentionCutoff(*Date::Parse("2026-12-07"), 7), "2019-12-07T00:00:00Z");
  auto short_one = RetentionCutoff(*Date::Parse("2026-12-07"), 4);
  ASSERT_FALSE(short_one.ok());
  EXPECT_NE(short_one.error().message.find("762.6"), std::string::npos);
}

}  // namespace
}  // namespace tollgate::history
