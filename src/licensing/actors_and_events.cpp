#include <array>
#include <utility>

#include "tollgate/licensing/state_machine.h"

namespace tollgate::licensing {
namespace {

constexpr std::array<std::pair<Role, const char*>, 6> kRoleNames = {{
    {Role::kApplicant, "applicant"},
    {Role::kReviewer, "reviewer"},
    {Role::kAgency, "agency"},
    {Role::kSystem, "system"},
    {Role::kOversight, "oversight"},
    {Role::kAdmin, "admin"},
}};

constexpr std::array<std::pair<EventKind, const char*>, 11> kEventNames = {{
    {EventKind::kSubmit, "submit"},
    {EventKind::kRegister, "register"},
    {EventKind::kReturn, "return"},
    {EventKind::kRefer, "refer"},
    {EventKind::kRecommend, "recommend"},
    {EventKind::kEscalate, "escalate"},
    {EventKind::kIntentToDeny, "intent_to_deny"},
    {EventKind::kRespond, "respond"},
    {EventKind::kApprove, "approve"},
    {EventKind::kDeny, "deny"},
    {EventKind::kWithdraw, "withdraw"},
}};

}  // namespace

const char* RoleName(Role role) {
  for (const auto& [r, name] : kRoleNames) {
    if (r == role) return name;
  }
  return "unknown";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [r, n] : kRoleNames) {
    if (name == n) return r;
  }
  return std::nullopt;
}

std::string Describe(const Actor& actor) {
  std::string text = RoleName(actor.role);
  if (actor.role == Role::kAgency && actor.agency) {
    text += std::string(" ") + AgencyName(*actor.agency);
    if (!actor.name.empty()) text += " (" + actor.name + ")";
    return text;
  }
  if (!actor.name.empty()) text += " " + actor.name;
  return text;
}

const char* EventName(EventKind kind) {
  for (const auto& [k, name] : kEventNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<EventKind> ParseEvent(std::string_view name) {
  for (const auto& [k, n] : kEventNames) {
    if (name == n) return k;
  }
  return std::nullopt;
}

}  // namespace tollgate::licensing
