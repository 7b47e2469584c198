// Backing off password guessing: failed logins are counted per user name and per
// client address in the store (so every server sharing the database counts together),
// and after `max_failures` failures within `lockout` of each other, logins under that
// key are refused until `lockout` after the last one. An unknown user name is counted
// like a known one, so the answers do not tell which names exist (NIST SP 800-63B
// 5.2.2, "rate limiting": at most 100 consecutive failures per account; we allow 5 per
// 15 minutes).
//
// Thread-safety: free functions over a Store the caller owns on its thread.
// Failure: the store's errors.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/storage/store.h"

namespace tollgate::accounts {

struct ThrottlePolicy {
  std::int64_t max_failures = 5;
  std::chrono::seconds lockout = std::chrono::minutes(15);
};

std::string UserKey(std::string_view user);        // "user NAME"
std::string AddressKey(std::string_view address);  // "address 127.0.0.1"

// When logins under any of `keys` are refused until (the latest such instant), or
// nothing when none is locked at `now`.
Result<std::optional<std::chrono::sys_seconds>> LockedUntil(storage::Store& store,
                                                            const std::vector<std::string>& keys,
                                                            std::chrono::sys_seconds now,
                                                            const ThrottlePolicy& policy = {});

// One more failure under each key at `now`; answers the largest count.
Result<std::int64_t> RecordLoginFailure(storage::Store& store, const std::vector<std::string>& keys,
                                        std::chrono::sys_seconds now,
                                        const ThrottlePolicy& policy = {});

}  // namespace tollgate::accounts
