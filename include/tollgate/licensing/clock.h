// Clock: where the licensing workflow gets "now". Statutory clocks count calendar days
// from registration (§750.4), so every transition and every "what is due" question is
// asked at a date that comes from a Clock, never from the system directly: tests and
// the 2019 replay run the same code at any date with a FixedClock.
//
// Thread-safety: SystemClock is stateless; FixedClock may be read and set from any
// thread (its instant is atomic).
// Failure: none; a clock always answers.
#pragma once

#include <atomic>
#include <chrono>
#include <string>

#include "tollgate/common/date.h"

namespace tollgate::licensing {

class Clock {
 public:
  virtual ~Clock() = default;
  // The current instant, UTC, to the second.
  virtual std::chrono::sys_seconds Now() const = 0;
  // The UTC calendar date of Now(): the day a transition counts as taken on.
  Date Today() const;
  // Now() as "YYYY-MM-DDTHH:MM:SSZ", the timestamp form of the store and the audit log.
  std::string Timestamp() const;
};

class SystemClock final : public Clock {
 public:
  std::chrono::sys_seconds Now() const override;
};

// A clock that stands still until told to move: for tests and replays.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::chrono::sys_seconds now) : now_(now.time_since_epoch().count()) {}
  // Midnight UTC at the start of `day`.
  explicit FixedClock(Date day);

  std::chrono::sys_seconds Now() const override;
  void Set(std::chrono::sys_seconds now) { now_.store(now.time_since_epoch().count()); }
  void Set(Date day);
  void AdvanceDays(int days);
  void AdvanceSeconds(long long seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<long long> now_;  // seconds since the Unix epoch
};

// "YYYY-MM-DDTHH:MM:SSZ" for an instant.
std::string FormatTimestamp(std::chrono::sys_seconds instant);

}  // namespace tollgate::licensing
