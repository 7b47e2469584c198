// The transition table of the license-application state machine.
#include <array>

#include "licensing/requirements.h"
#include "tollgate/licensing/state_machine.h"

namespace tollgate::licensing {
namespace {

namespace req = requirements;
using S = ApplicationState;
using V = EventKind;

constexpr Roles kApplicant = RoleBit(Role::kApplicant);
constexpr Roles kReviewer = RoleBit(Role::kReviewer);
constexpr Roles kReviewerOrSystem = RoleBit(Role::kReviewer) | RoleBit(Role::kSystem);
constexpr Roles kAgency = RoleBit(Role::kAgency);
constexpr Roles kReviewerOrAgency = RoleBit(Role::kReviewer) | RoleBit(Role::kAgency);

constexpr std::string_view kFormNeeds =
    "a complete form and the control number the store issues (§748: BIS-748P)";
constexpr std::string_view kReturnNeeds = "the reasons it is deficient";
constexpr std::string_view kNoticeNeeds = "criteria and the reasons for denial (§750.6)";
constexpr std::string_view kNoticeAfterReferralNeeds =
    "every recommendation in or 30 days passed (EO 12981 §5), no agency recommending "
    "approval (EO 12981 §6), criteria and the reasons for denial (§750.6)";
constexpr std::string_view kApproveNeeds =
    "criteria, reasoning; optionally conditions and the items approved in part";
constexpr std::string_view kApproveAfterReferralNeeds =
    "every recommendation in or 30 days passed (EO 12981 §5), no agency recommending "
    "denial (EO 12981 §6), criteria, reasoning";
constexpr std::string_view kWithdrawNeeds = "nothing; a reason may be given";

constexpr std::array<Transition, 25> kTransitions = {{
    {S::kDraft, V::kSubmit, S::kSubmitted, kApplicant, kFormNeeds, req::CompleteForm},
    {S::kDraft, V::kWithdraw, S::kWithdrawn, kApplicant, kWithdrawNeeds, req::Nothing},

    {S::kSubmitted, V::kRegister, S::kRegistered, kReviewerOrSystem,
     "nothing: registration starts the 90 days (§750.4(a))", req::Nothing},
    // A deficient application is returned without being registered.
    {S::kSubmitted, V::kReturn, S::kReturnedWithoutAction, kReviewer, kReturnNeeds, req::Reasons},
    {S::kSubmitted, V::kWithdraw, S::kWithdrawn, kApplicant, kWithdrawNeeds, req::Nothing},

    {S::kRegistered, V::kRefer, S::kReferred, kReviewer,
     "the agencies: defense, state, energy (EO 12981 §5: within 9 days)", req::AgenciesToReferTo},
    {S::kRegistered, V::kApprove, S::kApproved, kReviewer, kApproveNeeds, req::Approval},
    {S::kRegistered, V::kIntentToDeny, S::kIntentToDeny, kReviewer, kNoticeNeeds,
     req::NoticeOfIntentToDeny},
    {S::kRegistered, V::kReturn, S::kReturnedWithoutAction, kReviewer, kReturnNeeds, req::Reasons},
    {S::kRegistered, V::kWithdraw, S::kWithdrawn, kApplicant, kWithdrawNeeds, req::Nothing},

    {S::kReferred, V::kRecommend, S::kReferred, kAgency,
     "a referred agency's first recommendation, its reasoning, and conditions with "
     "approve_with_conditions (EO 12981 §5)",
     req::RecommendationFromReferredAgency},
    {S::kReferred, V::kEscalate, S::kEscalated, kReviewerOrAgency,
     "the dispute, stated (EO 12981 §6: the Operating Committee decides)", req::Dispute},
    {S::kReferred, V::kApprove, S::kApproved, kReviewer, kApproveAfterReferralNeeds,
     req::ApprovalAfterReferral},
    {S::kReferred, V::kIntentToDeny, S::kIntentToDeny, kReviewer, kNoticeAfterReferralNeeds,
     req::NoticeAfterReferral},
    {S::kReferred, V::kReturn, S::kReturnedWithoutAction, kReviewer, kReturnNeeds, req::Reasons},
    {S::kReferred, V::kWithdraw, S::kWithdrawn, kApplicant, kWithdrawNeeds, req::Nothing},

    // The Operating Committee chair's decision, recorded by the reviewer.
    {S::kEscalated, V::kApprove, S::kApproved, kReviewer, kApproveNeeds, req::Approval},
    {S::kEscalated, V::kIntentToDeny, S::kIntentToDeny, kReviewer, kNoticeNeeds,
     req::NoticeOfIntentToDeny},
    {S::kEscalated, V::kWithdraw, S::kWithdrawn, kApplicant, kWithdrawNeeds, req::Nothing},

    {S::kIntentToDeny, V::kRespond, S::kApplicantResponded, kApplicant,
     "the response, within 20 days of the notice (§750.6)", req::ResponseInTime},
    {S::kIntentToDeny, V::kDeny, S::kDenied, kReviewerOrSystem,
     "the 20 days to respond ended without a response (§750.6); criteria and reasoning, or "
     "the notice's",
     req::DenialAfterNotice},
    {S::kIntentToDeny, V::kWithdraw, S::kWithdrawn, kApplicant, kWithdrawNeeds, req::Nothing},

    {S::kApplicantResponded, V::kApprove, S::kApproved, kReviewer, kApproveNeeds, req::Approval},
    {S::kApplicantResponded, V::kDeny, S::kDenied, kReviewer,
     "criteria and reasoning, or the notice's, after considering the response (§750.6)",
     req::DenialAfterResponse},
    {S::kApplicantResponded, V::kWithdraw, S::kWithdrawn, kApplicant, kWithdrawNeeds, req::Nothing},
}};

}  // namespace

std::span<const Transition> Transitions() { return kTransitions; }

std::vector<const Transition*> AllowedFrom(ApplicationState state) {
  std::vector<const Transition*> allowed;
  for (const Transition& t : kTransitions) {
    if (t.from == state) allowed.push_back(&t);
  }
  return allowed;
}

}  // namespace tollgate::licensing
