#include "tollgate/accounts/login_throttle.h"

#include <algorithm>
#include <cstdio>

#include "tollgate/licensing/clock.h"

namespace tollgate::accounts {
namespace {

// "YYYY-MM-DDTHH:MM:SSZ" as written by licensing::FormatTimestamp; nothing for
// anything else (a damaged row then locks nothing rather than everything).
std::optional<std::chrono::sys_seconds> ParseTimestamp(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (text.size() != 20 ||
      std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s) != 6) {
    return std::nullopt;
  }
  const std::chrono::year_month_day day{std::chrono::year(y), std::chrono::month(mo),
                                        std::chrono::day(d)};
  if (!day.ok()) return std::nullopt;
  return std::chrono::sys_days(day) + std::chrono::hours(h) + std::chrono::minutes(mi) +
         std::chrono::seconds(s);
}

}  // namespace

std::string UserKey(std::string_view user) { return "user " + std::string(user); }
std::string AddressKey(std::string_view address) { return "address " + std::string(address); }

Result<std::optional<std::chrono::sys_seconds>> LockedUntil(storage::Store& store,
                                                            const std::vector<std::string>& keys,
                                                            std::chrono::sys_seconds now,
                                                            const ThrottlePolicy& policy) {
  std::optional<std::chrono::sys_seconds> until;
  for (const auto& key : keys) {
    auto failures = store.LoginFailuresOf(key);
    if (!failures.ok()) return failures.error();
    if (failures->failures < policy.max_failures) continue;
    const auto last = ParseTimestamp(failures->last_failure);
    if (!last || *last + policy.lockout <= now) continue;
    until = std::max(until.value_or(*last + policy.lockout), *last + policy.lockout);
  }
  return until;
}

Result<std::int64_t> RecordLoginFailure(storage::Store& store, const std::vector<std::string>& keys,
                                        std::chrono::sys_seconds now,
                                        const ThrottlePolicy& policy) {
  // Failures further apart than the lockout do not add up: a user who mistypes now and
  // then is never locked out.
  const std::string at = licensing::FormatTimestamp(now);
  const std::string restart_before = licensing::FormatTimestamp(now - policy.lockout);
  std::int64_t most = 0;
  for (const auto& key : keys) {
    auto count = store.AddLoginFailure(key, at, restart_before);
    if (!count.ok()) return count.error();
    most = std::max(most, *count);
  }
  return most;
}

}  // namespace tollgate::accounts
