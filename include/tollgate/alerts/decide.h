// An analyst's answer to an alert (issue 15, item 3), the one use case behind `tollgate
// alerts decide|assign|show|list` and /api/alerts. Only the organization's own
// applicants see and decide its alerts (the rule of the party master,
// parties/access.h); another organization's alert answers as an unknown one.
//
// Every disposition takes a comment and is written with its audit record in one
// transaction (15 CFR 762.2: the screening and the reasoning on it are export
// records). Four eyes: a true_match blocks the party, so taking it back (any other
// disposition, or reopening it) must be done by someone other than who decided it.
//
// Thread-safety: as the Store (one thread).
// Failure: kInvalidArgument (an unknown disposition, an empty comment, an assignee who
// is no analyst of the organization), kNotFound (no such alert in the organization),
// kPermissionDenied (four eyes), kConflict (a closed alert, or a concurrent change);
// nothing is written then.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "tollgate/alerts/alert.h"
#include "tollgate/common/result.h"
#include "tollgate/storage/store.h"

namespace tollgate::alerts {

// What an analyst does: one of the dispositions, or reopening a decided alert.
enum class Action { kTrueMatch, kFalsePositive, kEscalated, kReopen };
// "true_match", "false_positive", "escalated", "reopen"; `field` names the input.
Result<Action> ParseAction(std::string_view text, std::string_view field = "disposition");

// `organization` is the one the actor works for (parties::MasterOf); `actor` is
// licensing::Describe of the person, "operator" for the CLI without --as.
Result<Alert> ShowAlert(storage::Store& store, const std::string& organization, std::int64_t id);

Result<Alert> DecideAlert(storage::Store& store, const std::string& organization, std::int64_t id,
                          Action action, const std::string& comment,
                          const storage::ChangeStamp& stamp);

// `assignee` a user name ("" to unassign): an applicant of the organization.
Result<Alert> AssignAlert(storage::Store& store, const std::string& organization, std::int64_t id,
                          const std::string& assignee, const storage::ChangeStamp& stamp);

}  // namespace tollgate::alerts
