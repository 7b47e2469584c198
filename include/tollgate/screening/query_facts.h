// Reading the secondary facts of a screening query from what a user typed: the CLI's
// `screen --dob --nationality --id`, the API's fields and the batch columns all read
// them here, so that each accepts and refuses the same text with the same message.
//
// Thread-safety: pure functions.
// Failure: a Result error (kInvalidArgument) saying what was expected; never throws.
#pragma once

#include <string>
#include <string_view>

#include "tollgate/common/result.h"
#include "tollgate/screening/screening.h"

namespace tollgate::screening {

// "1960" or "1960-03-04" (a real date, years 1800..2100).
Result<BirthDate> ParseBirthDate(std::string_view text);

// "passport:A1234567", "imo:9243801" or a bare value "A1234567" (any kind). The type is
// kept as written; the value must hold a letter or digit.
Result<QueryIdentifier> ParseQueryIdentifier(std::string_view text);

// An ISO 3166 alpha-2 code or a country name ("IR", "Iran"), as the upper-case code.
Result<std::string> ParseNationality(std::string_view text);

// "1960-03-04", or "1960" for a year alone.
std::string BirthDateText(const BirthDate& date);

}  // namespace tollgate::screening
