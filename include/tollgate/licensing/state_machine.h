// The license-application state machine: which events may move an application from
// which state, who may cause them, and what each requires. The transitions are a table
// (Transitions()), not code paths: the table is what a reviewer reads to know the
// process, and what `tollgate applications show` lists as the next possible steps.
//
// The process it encodes (15 CFR parts 748 and 750, EO 12981 as amended by EO 13020):
//   draft -submit-> submitted -register-> registered (day 0 of §750.4's 90 days)
//   registered -refer-> referred: Defense, State, Energy each recommend (EO 12981 §5)
//   referred -escalate-> escalated: a dispute goes to the Operating Committee (§6)
//   registered | referred | escalated -intent_to_deny-> intent_to_deny (§750.6)
//   intent_to_deny -respond-> applicant_responded; -deny-> denied once 20 days passed
//   registered | referred | escalated | applicant_responded -approve-> approved
//   submitted | registered | referred -return-> returned_without_action
//   any state before a decision -withdraw-> withdrawn (by the applicant)
// A denial always follows a notice of intent to deny: §750.6 gives the applicant the
// chance to answer first.
//
// Apply is a pure function of the application, the event, the date (from a
// licensing::Clock) and the criteria catalog: the store persists what it returns.
//
// Thread-safety: the table is immutable; all functions are pure.
// Failure: Apply returns kInvalidArgument when the event is not allowed from the
// current state (naming the state and what is allowed from it) or lacks what it
// requires, and kPermissionDenied when the actor's role may not cause it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/licensing/application.h"
#include "tollgate/licensing/criteria.h"

namespace tollgate::licensing {

// Oversight staff read everything (reports, criteria) and act on nothing; admins set
// up users, organizations and lists. Neither appears in the transition table, so
// neither may move an application.
enum class Role { kApplicant, kReviewer, kAgency, kSystem, kOversight, kAdmin };
// "applicant", "reviewer", "agency", "system", "oversight", "admin"
const char* RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

// Who causes an event: a role, the user's name, and for an agency actor which agency.
struct Actor {
  Role role = Role::kSystem;
  std::string name;
  std::optional<Agency> agency;  // required for Role::kAgency
  bool operator==(const Actor&) const = default;
};
// "reviewer jdoe", "agency defense (jsmith)", "system".
std::string Describe(const Actor& actor);

enum class EventKind {
  kSubmit,
  kRegister,
  kReturn,
  kRefer,
  kRecommend,
  kEscalate,
  kIntentToDeny,
  kRespond,
  kApprove,
  kDeny,
  kWithdraw,
};
// "submit", "register", "return", "refer", "recommend", "escalate", "intent_to_deny",
// "respond", "approve", "deny", "withdraw".
const char* EventName(EventKind kind);
std::optional<EventKind> ParseEvent(std::string_view name);

// An event with what it carries; each kind reads only its own fields.
struct Event {
  EventKind kind = EventKind::kSubmit;
  Actor actor;
  std::string control_number;                    // submit: issued by the store
  std::vector<Agency> agencies;                  // refer
  std::optional<Recommendation> recommendation;  // recommend (the agency is the actor's)
  std::vector<std::string> criteria;             // intent_to_deny, approve, deny
  // The words of the event: the reasoning of a decision or recommendation, the reasons
  // for a return, an escalation or a notice, the applicant's response.
  std::string text;
  std::vector<std::string> conditions;       // approve; recommend approve_with_conditions
  std::vector<ApprovedItem> approved_items;  // approve in part; empty: in whole
  bool operator==(const Event&) const = default;
};

// Which roles may cause a transition (a set of Role bits).
using Roles = unsigned;
constexpr Roles RoleBit(Role role) { return 1u << static_cast<unsigned>(role); }

struct TransitionContext;
// Checks an event's requirements; returns the reason it falls short, or "" when met.
using Requirement = std::string (*)(const Application&, const Event&, const TransitionContext&);

struct Transition {
  ApplicationState from;
  EventKind event;
  ApplicationState to;
  Roles roles;
  std::string_view needs;  // what the event needs, in words, with its citation
  Requirement check;
};

struct TransitionContext {
  Date today;
  const CriteriaCatalog* criteria = nullptr;  // required by events that cite criteria
};

// The whole table, in process order.
std::span<const Transition> Transitions();
// The transitions allowed from `state`, in table order (empty for a final state).
std::vector<const Transition*> AllowedFrom(ApplicationState state);

// The application after `event` on `today`: the new state and the review record
// updated (dates, referral, recommendations, notice, response, decision). `id`,
// `version` and the form are left as they were; the store owns those.
Result<Application> Apply(const Application& application, const Event& event, Date today,
                          const CriteriaCatalog& criteria);

}  // namespace tollgate::licensing
