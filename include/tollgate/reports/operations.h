// What an operator watches on a running installation, as data: the list versions in
// force, the applications in each state, and the statutory deadlines overdue
// (licensing/clocks.h: §750.4(a)'s 90 days, EO 12981's referral and recommendation
// periods, §750.6's 20 days after an intent to deny). The server's /metrics renders it.
//
// Thread-safety: as the Store passed (one per thread).
// Failure: the store's errors.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/storage/store.h"

namespace tollgate::reports {

struct Operations {
  std::vector<storage::ListVersion> lists_in_force;           // by feed
  std::map<std::string, std::int64_t> applications_by_state;  // every state, 0 included
  std::map<std::string, std::int64_t> overdue_by_deadline;    // every kind, 0 included
};

// The figures on `today` (every application counts: the operator's view).
Result<Operations> TakeOperations(storage::Store& store, Date today);

}  // namespace tollgate::reports
