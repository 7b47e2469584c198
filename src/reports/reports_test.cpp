// The reports computed from a small built-up history (reports/test_history.h) with
// known figures, on both backends: the stats as of several dates, and the criteria
// report as each kind of viewer sees it.
#include <gtest/gtest.h>

#include "reports/test_history.h"
#include "test_databases.h"
#include "tollgate/reports/criteria_report.h"
#include "tollgate/reports/history.h"
#include "tollgate/reports/stats.h"

namespace tollgate::reports {
namespace {

using licensing::ApplicationState;
using licensing::testing::D;
using namespace reports::testing;  // NOLINT: test helpers

class ReportsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto opened = storage::OpenStore(db_.url());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    ASSERT_NO_FATAL_FAILURE(HistoryBuilder(*store_).Build());
    auto loaded = LoadHistories(*store_);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    histories_ = std::move(loaded).value();
  }

  const ApplicationHistory& Of(const std::string& control_number) const {
    for (const auto& h : histories_) {
      if (h.application.control_number == control_number) return h;
    }
    throw std::runtime_error("no " + control_number);
  }

  tollgate::testing::TestDatabase db_{GetParam()};
  std::unique_ptr<storage::Store> store_;
  std::vector<ApplicationHistory> histories_;
};

TEST_P(ReportsTest, StatsAtTheEndOfTheHistoryCountEveryOutcome) {
  Stats s = ComputeStats(histories_, D("2019-07-31"));
  EXPECT_EQ(s.received, 7);
  EXPECT_EQ(s.registered, 4);  // D000007 registers on 08-01, D000005 was returned unregistered
  EXPECT_EQ(s.referred, 2);
  EXPECT_EQ(s.processed, 4);
  EXPECT_EQ(s.approved, 2);
  EXPECT_EQ(s.approved_in_whole, 1);
  EXPECT_EQ(s.approved_in_part, 1);
  EXPECT_EQ(s.intent_to_deny_pending, 0);
  EXPECT_EQ(s.denied, 1);
  EXPECT_EQ(s.returned_without_action, 1);
  EXPECT_EQ(s.withdrawn, 1);
  EXPECT_EQ(s.in_review, 2);
  EXPECT_EQ(s.received, s.processed + s.withdrawn + s.in_review);
  // 10, 20 and 28 days from registration to the first outcome.
  EXPECT_EQ(s.decisions_timed, 3);
  EXPECT_EQ(s.median_days_to_decision, 20.0);
  EXPECT_EQ(s.p90_days_to_decision, 28);
  EXPECT_EQ(s.overdue, 1) << "Defense's recommendation on D000004 was due 07-14";
}

TEST_P(ReportsTest, StatsAsOfAPastDateShowThatDaysState) {
  Stats s = ComputeStats(histories_, D("2019-07-01"));
  EXPECT_EQ(s.received, 6);
  EXPECT_EQ(s.registered, 4);
  EXPECT_EQ(s.approved, 2) << "D000001 is approved on the day itself";
  EXPECT_EQ(s.intent_to_deny_pending, 1) << "D000002 is denied only on 07-20";
  EXPECT_EQ(s.denied, 0);
  EXPECT_EQ(s.processed, 4);
  EXPECT_EQ(s.in_review, 1);
  EXPECT_EQ(s.overdue, 0);

  Stats early = ComputeStats(histories_, D("2019-06-04"));
  EXPECT_EQ(early.received, 2);
  EXPECT_EQ(early.registered, 2);
  EXPECT_EQ(early.processed, 0);
  EXPECT_EQ(early.decisions_timed, 0);
  EXPECT_FALSE(early.median_days_to_decision);
  EXPECT_FALSE(early.p90_days_to_decision);

  Stats nothing;
  nothing.as_of = D("2019-05-31");
  EXPECT_EQ(ComputeStats(histories_, D("2019-05-31")), nothing);
}

TEST_P(ReportsTest, TheApplicationAsOfADateHasOnlyWhatWasRecordedByThen) {
  const auto& denied = Of("D000002");
  EXPECT_EQ(denied.application.state, ApplicationState::kDenied);
  auto then = AsOf(denied, D("2019-06-30"));
  ASSERT_TRUE(then);
  EXPECT_EQ(then->state, ApplicationState::kIntentToDeny);
  ASSERT_TRUE(then->review.intent_to_deny);
  EXPECT_FALSE(then->review.decision);
  EXPECT_FALSE(AsOf(denied, D("2019-06-01")));
  EXPECT_EQ(StateOn(denied, D("2019-06-03")), ApplicationState::kSubmitted);

  auto referred = AsOf(Of("D000001"), D("2019-06-15"));
  ASSERT_TRUE(referred);
  EXPECT_EQ(referred->state, ApplicationState::kReferred);
  EXPECT_TRUE(referred->review.recommendations.empty()) << "Defense recommends on 06-20";
}

const CriterionTally& Tally(const CriteriaReport& report, const std::string& id) {
  for (const auto& t : report.criteria) {
    if (t.id == id) return t;
  }
  throw std::runtime_error("no tally " + id);
}

TEST_P(ReportsTest, TheCriteriaReportNamesOnlyTheApplicantsTheViewerMaySee) {
  const auto& catalog = licensing::testing::Catalog();
  CriteriaReport report =
      ComputeCriteriaReport(histories_, kQualcomm, catalog, std::nullopt, D("2019-07-31"));
  ASSERT_EQ(report.decisions.size(), 3u);
  EXPECT_EQ(report.decisions[0], (DecidedApplication{"D000003",
                                                     "Qualcomm Incorporated",
                                                     Outcome::kApprovedInPart,
                                                     D("2019-06-15"),
                                                     {"non_sensitive_item"}}));
  EXPECT_EQ(report.decisions[1], (DecidedApplication{kWithheld,
                                                     kWithheld,
                                                     Outcome::kApproved,
                                                     D("2019-07-01"),
                                                     {"mass_market", "no_5g_contribution"}}));
  EXPECT_EQ(report.decisions[2],
            (DecidedApplication{kWithheld,
                                kWithheld,
                                Outcome::kDenied,
                                D("2019-07-20"),
                                {"presumption_of_denial", "telecom_infrastructure_threat"}}))
      << "a denial on the notice's grounds counts the notice's criteria";

  ASSERT_EQ(report.criteria.size(), catalog.all().size());
  EXPECT_EQ(Tally(report, "mass_market").approved, 1);
  EXPECT_EQ(Tally(report, "non_sensitive_item").approved, 1);
  EXPECT_EQ(Tally(report, "presumption_of_denial").denied, 1);
  EXPECT_EQ(Tally(report, "presumption_of_denial").intent_to_deny, 0);
  EXPECT_EQ(Tally(report, "military_end_user_link"),
            (CriterionTally{"military_end_user_link", catalog.Find("military_end_user_link")->text,
                            licensing::Direction::kDenial, 0, 0, 0}));

  CriteriaReport officer =
      ComputeCriteriaReport(histories_, kOfficer, catalog, std::nullopt, D("2019-07-31"));
  EXPECT_EQ(officer.decisions[1].applicant, "Microsoft Corporation");
  EXPECT_EQ(officer.decisions[1].control_number, "D000001");
  EXPECT_EQ(officer.criteria, report.criteria) << "the figures do not depend on the viewer";
}

// The applicant types its own name on the form; oversight's report (and its CSV,
// opened in a spreadsheet) names the organization as registered (issue 11, item 12).
TEST_P(ReportsTest, TheCriteriaReportNamesTheRegisteredOrganizationNotTheTypedName) {
  auto histories = histories_;
  for (auto& h : histories) {
    EXPECT_FALSE(h.organization_name.empty()) << h.application.control_number;
    h.application.applicant.name = "=HYPERLINK(\"http://attacker.example\",\"click\")";
  }
  CriteriaReport officer = ComputeCriteriaReport(histories, kOfficer, licensing::testing::Catalog(),
                                                 std::nullopt, D("2019-07-31"));
  ASSERT_EQ(officer.decisions.size(), 3u);
  EXPECT_EQ(officer.decisions[0].applicant, "Qualcomm Incorporated");
  EXPECT_EQ(officer.decisions[1].applicant, "Microsoft Corporation");
}

TEST_P(ReportsTest, TheCriteriaReportCoversThePeriodAsItStoodAtItsEnd) {
  const auto& catalog = licensing::testing::Catalog();
  CriteriaReport june =
      ComputeCriteriaReport(histories_, kOfficer, catalog, D("2019-06-20"), D("2019-06-30"));
  ASSERT_EQ(june.decisions.size(), 1u) << "D000003 was decided before the period";
  EXPECT_EQ(june.decisions[0].control_number, "D000002");
  EXPECT_EQ(june.decisions[0].outcome, Outcome::kIntentToDeny);
  EXPECT_EQ(Tally(june, "telecom_infrastructure_threat").intent_to_deny, 1);
  EXPECT_EQ(Tally(june, "telecom_infrastructure_threat").denied, 0);
  EXPECT_EQ(Tally(june, "mass_market").approved, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::reports
