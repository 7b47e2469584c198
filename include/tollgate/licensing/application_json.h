// The JSON forms of an application and of a state-machine event: what the CLI reads
// (`applications submit FILE`) and prints, what the store keeps, and what the audit
// log records as "before" and "after". Keys are snake_case field names; dates are
// "YYYY-MM-DD"; enums use their names (StateName, AgencyName, ...); absent optional
// parts are left out.
//
// Readers are strict: an unknown key, a wrong type or an unknown name is an error, so
// a misspelt field never disappears silently.
//
// Thread-safety: pure functions.
// Failure: the readers return kInvalidArgument with the JSON path
// ("/items/0/quantity: expected an integer").
#pragma once

#include <nlohmann/json.hpp>

#include "tollgate/common/result.h"
#include "tollgate/licensing/application.h"
#include "tollgate/licensing/state_machine.h"

namespace tollgate::licensing {

nlohmann::json ToJson(const Application& application);

enum class JsonScope {
  // Everything ToJson writes: id, version, control number, state and review included.
  kStored,
  // Only what the applicant writes on the form: id, version, control_number, state and
  // review are refused (BIS fills them in).
  kForm,
};
Result<Application> ApplicationFromJson(const nlohmann::json& value,
                                        JsonScope scope = JsonScope::kStored);

nlohmann::json ToJson(const Event& event);
Result<Event> EventFromJson(const nlohmann::json& value);

}  // namespace tollgate::licensing
