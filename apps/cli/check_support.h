// The human-readable rendering of a determination for `tollgate check` (one
// transaction). Finding the rules (rules/locate.h), the record kept
// (rules/determination_record.h) and the JSON form (rules/determination.h) are the
// library's, shared with the server.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <ostream>

#include "tollgate/rules/determination.h"

namespace tollgate::cli {

void PrintDetermination(std::ostream& out, const rules::Determination& determination);

}  // namespace tollgate::cli
