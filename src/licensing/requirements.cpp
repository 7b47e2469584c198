#include "licensing/requirements.h"

#include <algorithm>
#include <set>

#include "licensing/form_check.h"
#include "tollgate/licensing/clocks.h"
#include "tollgate/licensing/control_number.h"

namespace tollgate::licensing::requirements {
namespace {

bool Blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

bool Referred(const A& app, Agency agency) {
  const auto& to = app.review.referred_to;
  return std::find(to.begin(), to.end(), agency) != to.end();
}

// A decision or notice records the criteria it applied (the criteria report is made of
// them), each from the catalog.
std::string CriteriaProblem(const std::vector<std::string>& criteria, const C& context) {
  if (criteria.empty()) {
    return "no criteria given: a decision records the criteria it applied, from the criteria "
           "catalog";
  }
  if (context.criteria == nullptr) return "no criteria catalog to check the criteria against";
  if (auto s = context.criteria->CheckIds(criteria); !s.ok()) return s.error().message;
  return {};
}

// EO 12981 §5: agencies recommend within 30 days of referral; an agency that has not
// recommended by then is taken to have no objection [check].
std::string RecommendationsOutstanding(const A& app, const C& context) {
  const auto& review = app.review;
  if (!review.referred_on) return "the referral date is missing";
  const Date due = review.referred_on->AddDays(kAgencyRecommendationDays);
  for (Agency agency : review.referred_to) {
    const bool in = std::any_of(review.recommendations.begin(), review.recommendations.end(),
                                [&](const AgencyRecommendation& r) { return r.agency == agency; });
    if (!in && context.today <= due) {
      return std::string("waiting for the recommendation of ") + AgencyName(agency) + ", due by " +
             due.ToString() + " (EO 12981 §5: 30 days after referral)";
    }
  }
  return {};
}

// EO 12981 §6: when an agency disagrees with the outcome, the dispute goes to the
// Operating Committee instead.
std::string Dissent(const A& app, bool approving) {
  for (const auto& r : app.review.recommendations) {
    const bool against = approving ? r.recommendation == Recommendation::kDeny
                                   : r.recommendation != Recommendation::kDeny;
    if (against) {
      return std::string(AgencyName(r.agency)) + " recommended " +
             RecommendationName(r.recommendation) +
             ": a disagreement goes to the Operating Committee (escalate) (EO 12981 §6)";
    }
  }
  return {};
}

std::string ApprovedItemsProblem(const A& app, const E& event) {
  std::set<std::size_t> seen;
  for (std::size_t i = 0; i < event.approved_items.size(); ++i) {
    const ApprovedItem& approved = event.approved_items[i];
    const std::string where = "approved_items/" + std::to_string(i) + ": ";
    if (approved.item >= app.items.size()) {
      return where + "no item " + std::to_string(approved.item) + " (the application has " +
             std::to_string(app.items.size()) + ")";
    }
    if (!seen.insert(approved.item).second) {
      return where + "item " + std::to_string(approved.item) + " given twice";
    }
    const std::int64_t applied = app.items[approved.item].quantity;
    if (approved.quantity <= 0 || approved.quantity > applied) {
      return where + "quantity " + std::to_string(approved.quantity) +
             " must be between 1 and the " + std::to_string(applied) + " applied for";
    }
  }
  return {};
}

std::string DecisionWords(const E& event, const C& context, const char* what) {
  if (auto p = CriteriaProblem(event.criteria, context); !p.empty()) return p;
  if (Blank(event.text)) return std::string("no reasoning given: ") + what;
  return {};
}

// Denial: the criteria and reasoning given, or those of the notice when none are.
std::string DenialWords(const A& app, const E& event, const C& context) {
  if (event.criteria.empty() && Blank(event.text) && app.review.intent_to_deny) return {};
  return DecisionWords(event, context, "a denial says why");
}

}  // namespace

std::string Nothing(const A&, const E&, const C&) { return {}; }

std::string CompleteForm(const A& app, const E& event, const C&) {
  if (!app.control_number.empty()) {
    return "it already has the control number " + app.control_number;
  }
  auto acn = ControlNumber::Parse(event.control_number);
  if (!acn.ok()) return acn.error().message;
  return FormProblem(app);
}

std::string Reasons(const A&, const E& event, const C&) {
  return Blank(event.text) ? "no reasons given" : "";
}

std::string AgenciesToReferTo(const A&, const E& event, const C&) {
  if (event.agencies.empty()) return "no agencies given (defense, state, energy)";
  std::set<Agency> seen;
  for (Agency agency : event.agencies) {
    if (!seen.insert(agency).second) {
      return std::string("agency ") + AgencyName(agency) + " given twice";
    }
  }
  return {};
}

std::string RecommendationFromReferredAgency(const A& app, const E& event, const C&) {
  if (!event.actor.agency) return "the acting agency is not named";
  const Agency agency = *event.actor.agency;
  if (!Referred(app, agency)) {
    return std::string("it was not referred to ") + AgencyName(agency);
  }
  for (const auto& r : app.review.recommendations) {
    if (r.agency == agency) {
      return std::string(AgencyName(agency)) + " already recommended " +
             RecommendationName(r.recommendation) + " on " + r.on.ToString();
    }
  }
  if (!event.recommendation) {
    return "no recommendation given (approve, approve_with_conditions, deny)";
  }
  if (Blank(event.text)) return "no reasoning given: a recommendation says why";
  const bool with_conditions = *event.recommendation == Recommendation::kApproveWithConditions;
  if (with_conditions && event.conditions.empty()) {
    return "approve_with_conditions needs at least one condition";
  }
  if (!with_conditions && !event.conditions.empty()) {
    return "conditions go with approve_with_conditions only";
  }
  return {};
}

std::string Dispute(const A& app, const E& event, const C&) {
  if (event.actor.role == Role::kAgency &&
      (!event.actor.agency || !Referred(app, *event.actor.agency))) {
    return "only an agency the application was referred to may escalate it";
  }
  return Blank(event.text) ? "no reasons given: say what the dispute is" : "";
}

std::string NoticeOfIntentToDeny(const A&, const E& event, const C& context) {
  return DecisionWords(event, context, "§750.6: the notice states the reasons for denial");
}

std::string NoticeAfterReferral(const A& app, const E& event, const C& context) {
  if (auto p = RecommendationsOutstanding(app, context); !p.empty()) return p;
  if (auto p = Dissent(app, /*approving=*/false); !p.empty()) return p;
  return NoticeOfIntentToDeny(app, event, context);
}

std::string ResponseInTime(const A& app, const E& event, const C& context) {
  const auto& notice = app.review.intent_to_deny;
  if (!notice) return "there is no notice of intent to deny to respond to";
  if (context.today > notice->response_due) {
    return "the 20 days to respond to the notice of " + notice->issued_on.ToString() +
           " ended on " + notice->response_due.ToString() + " (§750.6)";
  }
  return Blank(event.text) ? "the response is empty" : "";
}

std::string Approval(const A& app, const E& event, const C& context) {
  if (auto p = DecisionWords(event, context, "an approval says why"); !p.empty()) return p;
  return ApprovedItemsProblem(app, event);
}

std::string ApprovalAfterReferral(const A& app, const E& event, const C& context) {
  if (auto p = RecommendationsOutstanding(app, context); !p.empty()) return p;
  if (auto p = Dissent(app, /*approving=*/true); !p.empty()) return p;
  return Approval(app, event, context);
}

std::string DenialAfterNotice(const A& app, const E& event, const C& context) {
  const auto& notice = app.review.intent_to_deny;
  if (!notice) return "there is no notice of intent to deny";
  if (context.today <= notice->response_due) {
    return "the applicant may respond to the notice of " + notice->issued_on.ToString() +
           " until " + notice->response_due.ToString() + " (§750.6: 20 days)";
  }
  return DenialWords(app, event, context);
}

std::string DenialAfterResponse(const A& app, const E& event, const C& context) {
  return DenialWords(app, event, context);
}

}  // namespace tollgate::licensing::requirements
