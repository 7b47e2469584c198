#include "tollgate/reports/stats.h"

#include <algorithm>

#include "tollgate/licensing/clocks.h"

namespace tollgate::reports {
namespace {

using licensing::ApplicationState;
using licensing::EventKind;

// BIS's first outcome for the application (the end of "days to decision").
const storage::TimelineEntry* FirstOutcome(const ApplicationHistory& history, Date as_of) {
  for (const auto& step : history.timeline) {
    if (step.on > as_of) break;
    switch (step.event.kind) {
      case EventKind::kApprove:
      case EventKind::kIntentToDeny:
      case EventKind::kDeny:
      case EventKind::kReturn:
        return &step;
      default:
        break;
    }
  }
  return nullptr;
}

bool Overdue(const ApplicationHistory& history, Date as_of) {
  auto then = AsOf(history, as_of);
  if (!then) return false;
  const auto due = licensing::DueItems(*then, as_of);
  return std::any_of(due.begin(), due.end(),
                     [](const licensing::Deadline& d) { return d.overdue(); });
}

void SetDayFigures(std::vector<int> days, Stats& stats) {
  stats.decisions_timed = static_cast<int>(days.size());
  if (days.empty()) return;
  std::sort(days.begin(), days.end());
  const std::size_t n = days.size();
  stats.median_days_to_decision = n % 2 == 1 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
  const std::size_t rank = (9 * n + 9) / 10;  // ceil(0.9 n), 1-based
  stats.p90_days_to_decision = days[rank - 1];
}

}  // namespace

Stats ComputeStats(const std::vector<ApplicationHistory>& histories, Date as_of) {
  Stats stats;
  stats.as_of = as_of;
  std::vector<int> days;
  for (const auto& history : histories) {
    const auto state = StateOn(history, as_of);
    if (!state) continue;
    ++stats.received;
    const auto* registered = FirstStep(history, EventKind::kRegister, as_of);
    if (registered != nullptr) ++stats.registered;
    if (FirstStep(history, EventKind::kRefer, as_of) != nullptr) ++stats.referred;
    switch (*state) {
      case ApplicationState::kApproved: {
        const auto* approval = FirstStep(history, EventKind::kApprove, as_of);
        const bool in_part = approval != nullptr && !approval->event.approved_items.empty();
        ++(in_part ? stats.approved_in_part : stats.approved_in_whole);
        ++stats.approved;
        break;
      }
      case ApplicationState::kIntentToDeny:
      case ApplicationState::kApplicantResponded:
        ++stats.intent_to_deny_pending;
        break;
      case ApplicationState::kDenied:
        ++stats.denied;
        break;
      case ApplicationState::kReturnedWithoutAction:
        ++stats.returned_without_action;
        break;
      case ApplicationState::kWithdrawn:
        ++stats.withdrawn;
        break;
      default:
        ++stats.in_review;
        break;
    }
    if (!licensing::IsFinal(*state) && Overdue(history, as_of)) ++stats.overdue;
    const auto* outcome = FirstOutcome(history, as_of);
    if (registered != nullptr && outcome != nullptr && outcome->on >= registered->on) {
      days.push_back(DaysBetween(registered->on, outcome->on));
    }
  }
  stats.processed =
      stats.approved + stats.intent_to_deny_pending + stats.denied + stats.returned_without_action;
  SetDayFigures(std::move(days), stats);
  return stats;
}

}  // namespace tollgate::reports
