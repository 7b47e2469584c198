#include "tollgate/licensing/clock.h"

#include <cstdio>

namespace tollgate::licensing {
namespace chr = std::chrono;

namespace {

constexpr long long kSecondsPerDay = 86400;

long long MidnightOf(Date day) {
  return static_cast<long long>(day.days_since_epoch()) * kSecondsPerDay;
}

}  // namespace

Date Clock::Today() const {
  return Date(static_cast<int>(chr::floor<chr::days>(Now()).time_since_epoch().count()));
}

std::string Clock::Timestamp() const { return FormatTimestamp(Now()); }

chr::sys_seconds SystemClock::Now() const {
  return chr::floor<chr::seconds>(chr::system_clock::now());
}

FixedClock::FixedClock(Date day) : now_(MidnightOf(day)) {}

chr::sys_seconds FixedClock::Now() const { return chr::sys_seconds(chr::seconds(now_.load())); }

void FixedClock::Set(Date day) { now_.store(MidnightOf(day)); }

void FixedClock::AdvanceDays(int days) { now_.fetch_add(days * kSecondsPerDay); }

std::string FormatTimestamp(chr::sys_seconds instant) {
  const auto day = chr::floor<chr::days>(instant);
  const chr::year_month_day ymd(day);
  const chr::hh_mm_ss hms(instant - day);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buffer;
}

}  // namespace tollgate::licensing
