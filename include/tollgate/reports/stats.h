// The licensing statistics of `tollgate report stats`: how many applications were
// received, registered, referred and processed, how they ended, how long decisions
// took and how many are overdue, all as of a date and rebuilt from the timelines, so a
// past date gives that day's figures. They are aggregates over every application
// (published figures are aggregates only: DOMAIN.md §8), with no applicant named.
//
//   received                 submitted on or before the date
//   registered, referred     of those, registered (day 0, §750.4(a)) / referred to the
//                            agencies (EO 12981 §5) on or before the date
//   processed                BIS has acted on it: approved, notice of intent to deny
//                            sent (§750.6), denied, or returned without action
//   approved                 in whole or in part (approved_in_whole + approved_in_part)
//   intent_to_deny_pending   notice sent, no final decision yet (with or without the
//                            applicant's response)
//   denied, returned_without_action, withdrawn   final states on the date
//   in_review                received, not processed, not withdrawn
//   days to decision         calendar days from registration to BIS's first outcome
//                            (approval, notice of intent to deny, denial or return):
//                            the median (the mean of the two middle values for an even
//                            count) and the 90th percentile (nearest rank)
//   overdue                  applications not final (in review or awaiting the end
//                            of a notice) with at least one statutory deadline passed,
//                            as `applications due` counts them (licensing/clocks.h)
// received = processed + withdrawn + in_review.
//
// Thread-safety: a pure function.
// Failure: none.
#pragma once

#include <optional>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/reports/history.h"

namespace tollgate::reports {

struct Stats {
  Date as_of;
  int received = 0;
  int registered = 0;
  int referred = 0;
  int processed = 0;
  int approved = 0;
  int approved_in_whole = 0;
  int approved_in_part = 0;
  int intent_to_deny_pending = 0;
  int denied = 0;
  int returned_without_action = 0;
  int withdrawn = 0;
  int in_review = 0;
  int decisions_timed = 0;  // how many outcomes the day counts are over
  std::optional<double> median_days_to_decision;
  std::optional<int> p90_days_to_decision;
  int overdue = 0;
  bool operator==(const Stats&) const = default;
};

Stats ComputeStats(const std::vector<ApplicationHistory>& histories, Date as_of);

}  // namespace tollgate::reports
