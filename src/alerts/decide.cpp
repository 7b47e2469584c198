#include "tollgate/alerts/decide.h"

#include "tollgate/storage/unit_of_work.h"

namespace tollgate::alerts {

Result<Action> ParseAction(std::string_view text, std::string_view field) {
  if (text == "reopen") return Action::kReopen;
  if (!text.empty()) {
    auto disposition = ParseDisposition(text, field);
    if (disposition.ok()) {
      switch (*disposition) {
        case Disposition::kTrueMatch:
          return Action::kTrueMatch;
        case Disposition::kFalsePositive:
          return Action::kFalsePositive;
        case Disposition::kEscalated:
          return Action::kEscalated;
        case Disposition::kNone:
          break;
      }
    }
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string(field) + ": '" + std::string(text) +
                       "' is not a disposition (true_match, false_positive, escalated, reopen)");
}

Result<Alert> ShowAlert(storage::Store& store, const std::string& organization, std::int64_t id) {
  auto alert = store.GetAlert(id);
  // Another organization's alert is unknown to this one: not even its existence shows.
  if (!alert.ok() || alert->organization != organization) {
    if (!alert.ok() && alert.error().code != ErrorCode::kNotFound) return alert.error();
    return MakeError(ErrorCode::kNotFound,
                     "no alert " + std::to_string(id) + " in organization " + organization);
  }
  return alert;
}

Result<Alert> DecideAlert(storage::Store& store, const std::string& organization, std::int64_t id,
                          Action action, const std::string& comment,
                          const storage::ChangeStamp& stamp) {
  if (comment.find_first_not_of(" \t\r\n") == std::string::npos) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "comment: a disposition says why (give --comment TEXT)");
  }
  auto unit = storage::UnitOfWork::Begin(store);
  if (!unit.ok()) return unit.error();
  auto before = ShowAlert(store, organization, id);
  if (!before.ok()) return before.error();
  if (before->state == State::kClosed) {
    return MakeError(ErrorCode::kConflict, "alert " + std::to_string(id) +
                                               " is closed: its entry left the list, there is "
                                               "nothing to decide");
  }
  const bool was_true_match =
      before->state == State::kDecided && before->disposition == Disposition::kTrueMatch;
  if (was_true_match && action != Action::kTrueMatch && before->decided_by == stamp.actor) {
    return MakeError(ErrorCode::kPermissionDenied,
                     "four eyes: " + stamp.actor + " decided alert " + std::to_string(id) +
                         " a true_match; another person must release or reopen it");
  }
  if (action == Action::kReopen && before->state == State::kOpen) {
    return MakeError(ErrorCode::kConflict, "alert " + std::to_string(id) + " is already open");
  }
  Alert after = *before;
  after.comment = comment;
  after.decided_by = stamp.actor;
  after.decided_at = stamp.timestamp;
  after.changed = nullptr;
  switch (action) {
    case Action::kTrueMatch:
      after.state = State::kDecided;
      after.disposition = Disposition::kTrueMatch;
      break;
    case Action::kFalsePositive:
      after.state = State::kDecided;
      after.disposition = Disposition::kFalsePositive;
      break;
    case Action::kEscalated:
      after.state = State::kOpen;
      after.disposition = Disposition::kEscalated;
      break;
    case Action::kReopen:
      after.state = State::kOpen;
      after.disposition = Disposition::kNone;
      break;
  }
  auto written = store.WriteAlerts(
      {{after, action == Action::kReopen ? "alert.reopen" : "alert.decide", *before}}, stamp);
  if (!written.ok()) return written.error();
  if (auto c = unit->Commit(); !c.ok()) return c.error();
  return std::move(written->front());
}

Result<Alert> AssignAlert(storage::Store& store, const std::string& organization, std::int64_t id,
                          const std::string& assignee, const storage::ChangeStamp& stamp) {
  if (!assignee.empty()) {
    auto user = store.GetUser(assignee);
    if (!user.ok() && user.error().code != ErrorCode::kNotFound) return user.error();
    if (!user.ok() || user->role != licensing::Role::kApplicant ||
        user->organization != organization) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "assignee: '" + assignee + "' is no applicant of organization " +
                           organization + " (only they see its alerts)");
    }
  }
  auto unit = storage::UnitOfWork::Begin(store);
  if (!unit.ok()) return unit.error();
  auto before = ShowAlert(store, organization, id);
  if (!before.ok()) return before.error();
  Alert after = *before;
  after.assignee = assignee;
  auto written = store.WriteAlerts({{after, "alert.assign", *before}}, stamp);
  if (!written.ok()) return written.error();
  if (auto c = unit->Commit(); !c.ok()) return c.error();
  return std::move(written->front());
}

}  // namespace tollgate::alerts
