#include "tollgate/common/paging.h"

#include <string>

namespace tollgate {

Status ValidatePaging(std::int64_t page, std::int64_t per_page, std::int64_t max_per_page) {
  if (page < 1) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "page: " + std::to_string(page) + " is not a page number (1, 2, ...)");
  }
  if (per_page < 1 || per_page > max_per_page) {
    return MakeError(
        ErrorCode::kInvalidArgument,
        "per_page: " + std::to_string(per_page) + " is outside 1.." + std::to_string(max_per_page));
  }
  return {};
}

}  // namespace tollgate
