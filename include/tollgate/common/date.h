// Date: a calendar date (no time zone), the unit in which the regulations count
// (effective dates, list start/end dates, statutory clocks in calendar days).
//
// Thread-safety: a plain value type.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "tollgate/common/result.h"

namespace tollgate {

class Date {
 public:
  // Days since 1970-01-01 (negative before).
  constexpr explicit Date(int days_since_epoch = 0) : days_(days_since_epoch) {}

  // Strict ISO 8601 "YYYY-MM-DD"; rejects impossible dates such as 2019-02-30.
  static Result<Date> Parse(std::string_view iso);
  // The date formats of the official list files, tried in this order:
  // "YYYY-MM-DD", "M/D/YYYY" and "M/D/YY" (US, as in BIS and State files),
  // "DD Mon YYYY" (OFAC remarks). Returns nullopt when nothing fits.
  static std::optional<Date> ParseLenient(std::string_view text);
  static Result<Date> FromYmd(int year, int month, int day);
  // Today's date in UTC.
  static Date Today();

  int days_since_epoch() const { return days_; }
  std::string ToString() const;  // "YYYY-MM-DD"
  int year() const;

  Date AddDays(int n) const { return Date(days_ + n); }
  friend int DaysBetween(Date from, Date to) { return to.days_ - from.days_; }
  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  int days_;
};

}  // namespace tollgate
