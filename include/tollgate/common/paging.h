// The checks of a page request that every paged list shares (the alert queue, the
// party master): pages count from 1, and a page holds between 1 and a list's most.
//
// Thread-safety: pure function.
// Failure: kInvalidArgument naming the field ("per_page: 0 is outside 1..500").
#pragma once

#include <cstdint>

#include "tollgate/common/result.h"

namespace tollgate {

Status ValidatePaging(std::int64_t page, std::int64_t per_page, std::int64_t max_per_page);

}  // namespace tollgate
