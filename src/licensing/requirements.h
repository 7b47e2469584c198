// What each transition of the state machine requires, one check per kind of
// requirement (private to src/licensing; the table in transitions.cpp names them).
// Each returns "" when the requirement is met, else the reason it is not, worded to
// follow "cannot <event>: ".
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "tollgate/licensing/state_machine.h"

namespace tollgate::licensing::requirements {

using A = Application;
using E = Event;
using C = TransitionContext;

std::string Nothing(const A&, const E&, const C&);
std::string CompleteForm(const A& app, const E& event, const C&);
std::string Reasons(const A&, const E& event, const C&);
std::string AgenciesToReferTo(const A&, const E& event, const C&);
std::string RecommendationFromReferredAgency(const A& app, const E& event, const C&);
std::string Dispute(const A& app, const E& event, const C&);
std::string NoticeOfIntentToDeny(const A& app, const E& event, const C& context);
std::string NoticeAfterReferral(const A& app, const E& event, const C& context);
std::string ResponseInTime(const A& app, const E& event, const C& context);
std::string Approval(const A& app, const E& event, const C& context);
std::string ApprovalAfterReferral(const A& app, const E& event, const C& context);
std::string DenialAfterNotice(const A& app, const E& event, const C& context);
std::string DenialAfterResponse(const A& app, const E& event, const C& context);

}  // namespace tollgate::licensing::requirements
