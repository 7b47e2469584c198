// The criteria report of `tollgate report criteria`: for each application BIS decided
// in a period, the criteria the decision applied and the outcome; and per criterion
// how often it was applied to an approval, a notice of intent to deny and a denial.
// This is the report 15 senators asked for on 21 Nov 2019 ("outlining specific
// criteria for determining whether or not the approval of any license poses a national
// security threat").
//
// A decision is an approval, a notice of intent to deny (§750.6) or a denial, dated in
// [from, to]; an application counts once, with its latest decision dated on or before
// `to` (a notice later made final counts as the denial). A denial that gives no
// criteria of its own applied the notice's (licensing::Apply records it so).
//
// Confidentiality (DOMAIN.md §8): a decision on an application the viewer may not see
// (licensing::MaySee: an applicant sees only its own organization's) is listed with
// its applicant and control number withheld, so the figures stay whole and nobody
// learns whose it was.
//
// Thread-safety: a pure function.
// Failure: none; a criterion id a stored decision names but the catalog no longer has
// is still counted, with the text "(not in the criteria catalog)".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/licensing/criteria.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/reports/history.h"

namespace tollgate::reports {

enum class Outcome { kApproved, kApprovedInPart, kIntentToDeny, kDenied };
// "approved", "approved_in_part", "intent_to_deny", "denied"
const char* OutcomeName(Outcome outcome);

inline constexpr const char* kWithheld = "withheld";

struct DecidedApplication {
  std::string control_number;  // kWithheld when the viewer may not see it
  std::string applicant;       // the applicant's name, or kWithheld
  Outcome outcome = Outcome::kApproved;
  Date decided_on;
  std::vector<std::string> criteria;
  bool operator==(const DecidedApplication&) const = default;
};

struct CriterionTally {
  std::string id;
  std::string text;
  licensing::Direction points_to = licensing::Direction::kApproval;
  int approved = 0;  // in whole or in part
  int intent_to_deny = 0;
  int denied = 0;
  bool operator==(const CriterionTally&) const = default;
};

struct CriteriaReport {
  std::optional<Date> from;  // unset: from the first decision
  Date to;
  std::vector<DecidedApplication> decisions;  // by date, then as stored
  std::vector<CriterionTally> criteria;       // the catalog's order, then unknown ids
  bool operator==(const CriteriaReport&) const = default;
};

CriteriaReport ComputeCriteriaReport(const std::vector<ApplicationHistory>& histories,
                                     const licensing::User& viewer,
                                     const licensing::CriteriaCatalog& catalog,
                                     std::optional<Date> from, Date to);

}  // namespace tollgate::reports
