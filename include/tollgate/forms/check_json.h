// The JSON answer to a determination request, one form for `tollgate check --json` and
// POST /api/check: the determination with its trace (rules::ToJson) and the id of the
// record kept of it (15 CFR 762.2(a): the determination is a record to keep), by which
// the answer can be found again.
//
// Thread-safety: pure function.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "tollgate/rules/determination.h"

namespace tollgate::forms {

nlohmann::json CheckJson(const rules::Determination& determination, std::int64_t record_id);

}  // namespace tollgate::forms
