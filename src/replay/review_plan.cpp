#include "replay/review_plan.h"

#include <algorithm>
#include <cmath>

#include "replay/reviewer_policy.h"
#include "tollgate/licensing/clocks.h"

namespace tollgate::replay {
namespace {

using licensing::Event;
using licensing::EventKind;
using licensing::Recommendation;
using licensing::Role;
using licensing::User;

constexpr double kReturnedWithoutAction = 0.03;
constexpr double kWithdrawn = 0.02;
constexpr double kReferralMedianDays = 5;
constexpr double kRecommendationMedianDays = 18;
constexpr double kDissent = 0.06;
constexpr double kWithConditions = 0.3;
constexpr double kDecisionPaceDays = 3.5;
constexpr double kResponds = 0.6;
constexpr double kApprovedAfterResponse = 0.2;
constexpr const char* kCondition =
    "SYNTHETIC condition: no reexport or transfer to another party without BIS authorization";

Event Make(EventKind kind, std::string text = {}) {
  Event e;
  e.kind = kind;
  e.text = std::move(text);
  return e;
}

int Days(double value) { return std::max(1, static_cast<int>(std::lround(value))); }

class Planner {
 public:
  Planner(std::size_t filing, Date start) : filing_(filing), at_(start) {}

  // Dates never go backwards within an application (steps are recorded in date order).
  void Add(Date on, const User& user, Event event) {
    at_ = std::max(at_, on);
    steps_.push_back({at_, filing_, static_cast<int>(steps_.size()) + 1, &user, std::move(event)});
  }
  Date at() const { return at_; }
  // Drops the steps dated after `day` (the applicant withdrew first).
  void CutAfter(Date day) {
    std::erase_if(steps_, [&](const PlannedStep& s) { return s.on > day; });
    at_ = steps_.empty() ? at_ : std::max(steps_.back().on, std::min(at_, day));
  }
  std::vector<PlannedStep> Take() { return std::move(steps_); }

 private:
  std::size_t filing_;
  Date at_;
  std::vector<PlannedStep> steps_;
};

struct AgencyView {
  const User* user;
  int delay;
  Recommendation recommendation;
};

}  // namespace

Cast MakeCast() {
  Cast cast;
  for (int i = 1; i <= 4; ++i) {
    cast.officers.push_back(
        {"syn-bis-officer-" + std::to_string(i), Role::kReviewer, "", std::nullopt});
  }
  cast.defense = {"syn-defense-reviewer", Role::kAgency, "", licensing::Agency::kDefense};
  cast.state = {"syn-state-reviewer", Role::kAgency, "", licensing::Agency::kState};
  cast.energy = {"syn-energy-reviewer", Role::kAgency, "", licensing::Agency::kEnergy};
  cast.clock = {"syn-bis-clock", Role::kSystem, "", std::nullopt};
  return cast;
}

std::vector<PlannedStep> PlanReview(Rng& rng, const Cast& cast, const User& applicant,
                                    std::size_t filing, const licensing::Application& form,
                                    Date submitted, const ReviewOptions& options) {
  Planner plan(filing, submitted);
  const User& officer = cast.officers[rng.Below(static_cast<int>(cast.officers.size()))];
  if (options.may_fall_out && rng.Chance(kReturnedWithoutAction)) {
    plan.Add(
        submitted.AddDays(1 + rng.Below(5)), officer,
        Make(EventKind::kReturn,
             "SYNTHETIC reviewer: the end user's statement is missing; returned unregistered"));
    return plan.Take();
  }
  const Date registered = submitted.AddDays(rng.Below(4));
  plan.Add(registered, officer, Make(EventKind::kRegister));
  std::optional<Date> withdraw_on;
  if (options.may_fall_out && rng.Chance(kWithdrawn)) {
    withdraw_on = registered.AddDays(1 + rng.Below(150));
  }

  // EO 12981 §5: referral, then each agency's recommendation within 30 days.
  const Date referred = registered.AddDays(Days(rng.LogNormal(kReferralMedianDays, 0.5)));
  Event refer = Make(EventKind::kRefer);
  refer.agencies = {licensing::Agency::kDefense, licensing::Agency::kState,
                    licensing::Agency::kEnergy};
  plan.Add(referred, officer, refer);
  const Assessment policy = Assess(form);
  std::vector<AgencyView> views;
  bool silent = false;
  bool dissent = false;
  for (const User* agency : {&cast.defense, &cast.state, &cast.energy}) {
    const int delay = Days(rng.LogNormal(kRecommendationMedianDays, 0.35));
    const bool agrees = !(options.may_dissent && rng.Chance(kDissent));
    if (delay > licensing::kAgencyRecommendationDays) {
      silent = true;  // no recommendation: taken to have no objection
      continue;
    }
    dissent = dissent || !agrees;
    const bool approve = policy.approve == agrees;
    const Recommendation r = !approve                      ? Recommendation::kDeny
                             : rng.Chance(kWithConditions) ? Recommendation::kApproveWithConditions
                                                           : Recommendation::kApprove;
    views.push_back({agency, delay, r});
  }
  std::stable_sort(views.begin(), views.end(),
                   [](const AgencyView& a, const AgencyView& b) { return a.delay < b.delay; });
  bool conditions = false;
  for (const AgencyView& view : views) {
    Event recommend =
        Make(EventKind::kRecommend, view.recommendation == Recommendation::kDeny
                                        ? "SYNTHETIC agency reviewer: risk to national security"
                                        : "SYNTHETIC agency reviewer: no objection");
    recommend.recommendation = view.recommendation;
    if (view.recommendation == Recommendation::kApproveWithConditions) {
      recommend.conditions = {kCondition};
      conditions = true;
    }
    plan.Add(referred.AddDays(view.delay), *view.user, recommend);
  }
  Date ready = plan.at().AddDays(1);
  if (silent) ready = std::max(ready, referred.AddDays(licensing::kAgencyRecommendationDays + 1));
  if (dissent) {
    // EO 12981 §6: a disagreement goes to the Operating Committee.
    plan.Add(
        ready.AddDays(rng.Below(3)), officer,
        Make(EventKind::kEscalate, "SYNTHETIC: the agencies disagree; to the Operating Committee"));
    ready = plan.at().AddDays(1);
  }

  const Date decided = options.forced_decision
                           ? *options.forced_decision
                           : std::max(ready, options.hold_until)
                                 .AddDays(static_cast<int>(rng.Exponential(kDecisionPaceDays)));
  if (withdraw_on && *withdraw_on < decided) {
    plan.CutAfter(*withdraw_on);
    plan.Add(*withdraw_on, applicant,
             Make(EventKind::kWithdraw, "SYNTHETIC applicant: no longer needed"));
    return plan.Take();
  }
  if (policy.approve) {
    Event approve = Make(EventKind::kApprove, policy.reasoning);
    approve.criteria = policy.criteria;
    if (conditions) approve.conditions = {kCondition};
    if (policy.in_part) {
      for (std::size_t i : policy.approvable_items) {
        approve.approved_items.push_back({i, form.items[i].quantity});
      }
    }
    plan.Add(decided, officer, approve);
    return plan.Take();
  }
  Event notice = Make(EventKind::kIntentToDeny, policy.reasoning);
  notice.criteria = policy.criteria;
  plan.Add(decided, officer, notice);
  if (rng.Chance(kResponds)) {
    const Date responded = decided.AddDays(3 + rng.Below(15));
    plan.Add(responded, applicant,
             Make(EventKind::kRespond, "SYNTHETIC applicant: the items serve existing devices"));
    const Date final_day = responded.AddDays(Days(rng.LogNormal(20, 0.5)));
    if (rng.Chance(kApprovedAfterResponse)) {
      Event approve = Make(EventKind::kApprove,
                           "SYNTHETIC reviewer: the response shows the items keep existing "
                           "networks and devices working");
      approve.criteria = {"existing_networks_and_devices"};
      plan.Add(final_day, officer, approve);
    } else {
      Event deny = Make(EventKind::kDeny,
                        "SYNTHETIC reviewer: the response does not overcome the presumption of "
                        "denial");
      deny.criteria = policy.criteria;
      plan.Add(final_day, officer, deny);
    }
  } else {
    plan.Add(decided.AddDays(licensing::kIntentToDenyResponseDays + 1 + rng.Below(3)), cast.clock,
             Make(EventKind::kDeny));
  }
  return plan.Take();
}

}  // namespace tollgate::replay
