// The statutory clocks of a license application, counted in calendar days from
// registration (day 0), and what is due or overdue on a given date. This backs
// `tollgate applications due [--as-of DATE]`.
//
//   referral to the agencies   day 9                      EO 12981 §5
//   agency recommendations     30 days after referral     EO 12981 §5
//   Operating Committee        14 days after escalation   EO 12981 §6 [check]
//   response to intent to deny 20 days after the notice   §750.6
//   resolution                 day 90                     §750.4(a)
//
// Not modelled: §750.4(b)'s periods that do not count toward the 90 days (e.g. time
// waiting for the applicant) [check which periods apply]; the 90 days run in calendar
// days from registration regardless.
//
// Thread-safety: pure functions.
// Failure: none; an application without a registration date has no clocks running.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/licensing/application.h"

namespace tollgate::licensing {

inline constexpr int kReferralDays = 9;
inline constexpr int kAgencyRecommendationDays = 30;
inline constexpr int kOperatingCommitteeDays = 14;  // [check]
inline constexpr int kIntentToDenyResponseDays = 20;
inline constexpr int kDecisionDays = 90;

enum class DeadlineKind {
  kReferral,
  kAgencyRecommendation,
  kOperatingCommittee,
  kIntentToDenyResponse,
  kDecision,
};
// "referral", "agency_recommendation", "operating_committee", "intent_to_deny_response",
// "decision"
const char* DeadlineKindName(DeadlineKind kind);

struct Deadline {
  DeadlineKind kind = DeadlineKind::kDecision;
  std::optional<Agency> agency;  // kAgencyRecommendation: which agency owes it
  std::string what;              // "Defense recommends", "BIS resolves the application"
  Date due;                      // the last day on which it is on time
  int days_left = 0;             // due - as_of: 0 on the day, negative when overdue
  std::string citation;          // "§750.4(a)", "EO 12981 §5"
  bool check = false;            // the period is not confirmed against the text
  bool overdue() const { return days_left < 0; }
  bool operator==(const Deadline&) const = default;
};

// What is still open for `application` on `as_of`, soonest first: nothing for a draft,
// a submitted application (no clock runs before registration) or a final one.
std::vector<Deadline> DueItems(const Application& application, Date as_of);

// One line of `tollgate applications due`: an application and one of its deadlines.
struct DueLine {
  std::string subject;  // Subject(application): "application D123456"
  std::int64_t application_id = 0;
  ApplicationState state = ApplicationState::kRegistered;
  Deadline deadline;
};

// Every open deadline of `applications` on `as_of`, most overdue first (then by
// subject), so the list reads as a work queue.
std::vector<DueLine> DueAcross(const std::vector<Application>& applications, Date as_of);

}  // namespace tollgate::licensing
