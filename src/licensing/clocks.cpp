#include "tollgate/licensing/clocks.h"

#include <algorithm>

namespace tollgate::licensing {
namespace {

std::string AgencyTitle(Agency agency) {
  switch (agency) {
    case Agency::kDefense:
      return "Defense";
    case Agency::kState:
      return "State";
    case Agency::kEnergy:
      return "Energy";
  }
  return "an agency";
}

Deadline Make(DeadlineKind kind, std::string what, Date due, Date as_of, std::string citation,
              bool check = false) {
  Deadline d;
  d.kind = kind;
  d.what = std::move(what);
  d.due = due;
  d.days_left = DaysBetween(as_of, due);
  d.citation = std::move(citation);
  d.check = check;
  return d;
}

bool HasRecommended(const Review& review, Agency agency) {
  return std::any_of(review.recommendations.begin(), review.recommendations.end(),
                     [&](const AgencyRecommendation& r) { return r.agency == agency; });
}

}  // namespace

const char* DeadlineKindName(DeadlineKind kind) {
  switch (kind) {
    case DeadlineKind::kReferral:
      return "referral";
    case DeadlineKind::kAgencyRecommendation:
      return "agency_recommendation";
    case DeadlineKind::kOperatingCommittee:
      return "operating_committee";
    case DeadlineKind::kIntentToDenyResponse:
      return "intent_to_deny_response";
    case DeadlineKind::kDecision:
      return "decision";
  }
  return "unknown";
}

std::vector<Deadline> DueItems(const Application& application, Date as_of) {
  std::vector<Deadline> due;
  const Review& review = application.review;
  if (IsFinal(application.state) || !review.registered_on) return due;
  const Date day0 = *review.registered_on;

  switch (application.state) {
    case ApplicationState::kRegistered:
      due.push_back(Make(DeadlineKind::kReferral, "BIS refers it to the reviewing agencies",
                         day0.AddDays(kReferralDays), as_of, "EO 12981 §5"));
      break;
    case ApplicationState::kReferred:
      if (review.referred_on) {
        for (Agency agency : review.referred_to) {
          if (HasRecommended(review, agency)) continue;
          Deadline d =
              Make(DeadlineKind::kAgencyRecommendation, AgencyTitle(agency) + " recommends",
                   review.referred_on->AddDays(kAgencyRecommendationDays), as_of, "EO 12981 §5");
          d.agency = agency;
          due.push_back(std::move(d));
        }
      }
      break;
    case ApplicationState::kEscalated:
      if (review.escalated_on) {
        due.push_back(Make(DeadlineKind::kOperatingCommittee,
                           "the Operating Committee chair decides the dispute",
                           review.escalated_on->AddDays(kOperatingCommitteeDays), as_of,
                           "EO 12981 §6", /*check=*/true));
      }
      break;
    case ApplicationState::kIntentToDeny:
      if (review.intent_to_deny) {
        due.push_back(Make(DeadlineKind::kIntentToDenyResponse,
                           "the applicant may respond to the notice of intent to deny",
                           review.intent_to_deny->response_due, as_of, "§750.6"));
      }
      break;
    default:
      break;
  }
  due.push_back(Make(DeadlineKind::kDecision, "BIS resolves the application",
                     day0.AddDays(kDecisionDays), as_of, "§750.4(a)"));
  std::stable_sort(due.begin(), due.end(),
                   [](const Deadline& a, const Deadline& b) { return a.due < b.due; });
  return due;
}

std::vector<DueLine> DueAcross(const std::vector<Application>& applications, Date as_of) {
  std::vector<DueLine> lines;
  for (const Application& application : applications) {
    for (Deadline& deadline : DueItems(application, as_of)) {
      lines.push_back(
          {Subject(application), application.id, application.state, std::move(deadline)});
    }
  }
  std::stable_sort(lines.begin(), lines.end(), [](const DueLine& a, const DueLine& b) {
    if (a.deadline.days_left != b.deadline.days_left) {
      return a.deadline.days_left < b.deadline.days_left;
    }
    return a.subject < b.subject;
  });
  return lines;
}

}  // namespace tollgate::licensing
