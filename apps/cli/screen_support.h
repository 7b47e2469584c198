// Shared by the single and batch screening commands: building the index over the
// lists in force on a date, validating --country, and the JSON form of a match.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/screening/screening.h"
#include "tollgate/storage/store.h"

namespace tollgate::cli {

// Warns on stderr when no list version is in force on the date (nothing to screen
// against is not the same as "no match").
Result<std::shared_ptr<const screening::Index>> BuildIndexInForce(storage::Store& store,
                                                                  Date as_of);

// Upper-cased ISO alpha-2 code, or an error naming the flag.
Result<std::string> ValidateCountryFlag(const std::string& value);

nlohmann::json MatchJson(const screening::Match& match);

}  // namespace tollgate::cli
