// How the simulated users of the 2019 replay take one application through review:
// the dated steps after its submission, drawn from the delays and the policy described
// in tollgate/replay/replay_2019.h. A plan is only data; replay_2019.cpp takes the
// steps of every application in date order through the Workflow.
//
// Thread-safety: pure functions of the Rng they are given.
// Failure: none.
#pragma once

#include <optional>
#include <vector>

#include "replay/rng.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/licensing/state_machine.h"

namespace tollgate::replay {

// The simulated users (all synthetic).
struct Cast {
  std::vector<licensing::User> officers;  // BIS licensing officers (reviewers)
  licensing::User defense;
  licensing::User state;
  licensing::User energy;
  licensing::User clock;  // the system: a notice becomes a denial when its 20 days end
};
Cast MakeCast();

struct PlannedStep {
  Date on;
  std::size_t filing = 0;  // which application
  int order = 0;           // its place among the application's steps
  const licensing::User* user = nullptr;
  licensing::Event event;  // the Workflow fills in the actor
};

struct ReviewOptions {
  Date hold_until;                      // no decision before this day
  std::optional<Date> forced_decision;  // a decision known to have been made that day
  bool may_fall_out = true;             // may be returned without action or withdrawn
  bool may_dissent = true;              // may an agency disagree with the policy
};

// The steps after the submission of `form` on `submitted`, in order, dates never
// decreasing. `applicant` is the filing organization's user.
std::vector<PlannedStep> PlanReview(Rng& rng, const Cast& cast, const licensing::User& applicant,
                                    std::size_t filing, const licensing::Application& form,
                                    Date submitted, const ReviewOptions& options);

}  // namespace tollgate::replay
