#include "tollgate/reports/criteria_report.h"

#include <algorithm>

namespace tollgate::reports {
namespace {

using licensing::EventKind;

// The latest decision on or before `to`, with the criteria it applied.
std::optional<DecidedApplication> LatestDecision(const ApplicationHistory& history, Date to) {
  std::optional<DecidedApplication> decided;
  std::vector<std::string> notice_criteria;
  for (const auto& step : history.timeline) {
    if (step.on > to) break;
    const auto& event = step.event;
    switch (event.kind) {
      case EventKind::kApprove:
        decided = DecidedApplication{
            "", "", event.approved_items.empty() ? Outcome::kApproved : Outcome::kApprovedInPart,
            step.on, event.criteria};
        break;
      case EventKind::kIntentToDeny:
        notice_criteria = event.criteria;
        decided = DecidedApplication{"", "", Outcome::kIntentToDeny, step.on, event.criteria};
        break;
      case EventKind::kDeny:
        decided = DecidedApplication{"", "", Outcome::kDenied, step.on,
                                     event.criteria.empty() ? notice_criteria : event.criteria};
        break;
      default:
        break;
    }
  }
  return decided;
}

CriterionTally& TallyFor(std::vector<CriterionTally>& tallies, const std::string& id) {
  auto found = std::find_if(tallies.begin(), tallies.end(),
                            [&](const CriterionTally& t) { return t.id == id; });
  if (found != tallies.end()) return *found;
  tallies.push_back(
      {id, "(not in the criteria catalog)", licensing::Direction::kApproval, 0, 0, 0});
  return tallies.back();
}

}  // namespace

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kApproved:
      return "approved";
    case Outcome::kApprovedInPart:
      return "approved_in_part";
    case Outcome::kIntentToDeny:
      return "intent_to_deny";
    case Outcome::kDenied:
      return "denied";
  }
  return "unknown";
}

CriteriaReport ComputeCriteriaReport(const std::vector<ApplicationHistory>& histories,
                                     const licensing::User& viewer,
                                     const licensing::CriteriaCatalog& catalog,
                                     std::optional<Date> from, Date to) {
  CriteriaReport report;
  report.from = from;
  report.to = to;
  for (const auto& c : catalog.all())
    report.criteria.push_back({c.id, c.text, c.points_to, 0, 0, 0});
  for (const auto& history : histories) {
    auto decided = LatestDecision(history, to);
    if (!decided || (from && decided->decided_on < *from)) continue;
    const bool visible = licensing::MaySee(viewer, history.application);
    decided->control_number = visible ? history.application.control_number : kWithheld;
    // The organization's registered name: the applicant's own typing is theirs to
    // choose and reaches oversight's spreadsheet (issue 11, item 12).
    const std::string& applicant = history.organization_name.empty()
                                       ? history.application.applicant.name
                                       : history.organization_name;
    decided->applicant = visible ? applicant : kWithheld;
    for (const auto& id : decided->criteria) {
      CriterionTally& tally = TallyFor(report.criteria, id);
      switch (decided->outcome) {
        case Outcome::kApproved:
        case Outcome::kApprovedInPart:
          ++tally.approved;
          break;
        case Outcome::kIntentToDeny:
          ++tally.intent_to_deny;
          break;
        case Outcome::kDenied:
          ++tally.denied;
          break;
      }
    }
    report.decisions.push_back(std::move(*decided));
  }
  std::stable_sort(report.decisions.begin(), report.decisions.end(),
                   [](const DecidedApplication& a, const DecidedApplication& b) {
                     return a.decided_on < b.decided_on;
                   });
  return report;
}

}  // namespace tollgate::reports
