#include "tollgate/common/date.h"

#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace tollgate {
namespace {

namespace chr = std::chrono;

bool ParseInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

std::optional<Date> Ymd(int y, int m, int d) {
  chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)},
                          chr::day{static_cast<unsigned>(d)}};
  if (y < 1000 || y > 9999 || !ymd.ok()) return std::nullopt;
  return Date(static_cast<int>(chr::sys_days{ymd}.time_since_epoch().count()));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<Date> ParseIso(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!ParseInt(s.substr(0, 4), y) || !ParseInt(s.substr(5, 2), m) ||
      !ParseInt(s.substr(8, 2), d)) {
    return std::nullopt;
  }
  return Ymd(y, m, d);
}

std::optional<Date> ParseUs(std::string_view s) {
  auto a = s.find('/');
  if (a == std::string_view::npos) return std::nullopt;
  auto b = s.find('/', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  int m, d, y;
  if (!ParseInt(s.substr(0, a), m) || !ParseInt(s.substr(a + 1, b - a - 1), d) ||
      !ParseInt(s.substr(b + 1), y)) {
    return std::nullopt;
  }
  if (s.size() - b - 1 == 2) y += (y >= 50 ? 1900 : 2000);  // "5/21/19"
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return Ymd(y, m, d);
}

std::optional<Date> ParseDayMonthYear(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  auto a = s.find(' ');
  auto b = s.rfind(' ');
  if (a == std::string_view::npos || a == b) return std::nullopt;
  int d, y;
  if (!ParseInt(s.substr(0, a), d) || !ParseInt(s.substr(b + 1), y)) return std::nullopt;
  std::string mon(s.substr(a + 1, b - a - 1));
  if (mon.size() < 3) return std::nullopt;
  for (auto& c : mon) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; i < 12; ++i) {
    if (mon.compare(0, 3, kMonths[i]) == 0) return Ymd(y, i + 1, d);
  }
  return std::nullopt;
}

}  // namespace

Result<Date> Date::Parse(std::string_view iso) {
  if (auto d = ParseIso(iso)) return *d;
  return MakeError(
      ErrorCode::kInvalidArgument,
      "invalid date '" + std::string(iso) + "': expected a real calendar date as YYYY-MM-DD");
}

std::optional<Date> Date::ParseLenient(std::string_view text) {
  auto s = Trim(text);
  if (auto d = ParseIso(s)) return d;
  if (auto d = ParseUs(s)) return d;
  return ParseDayMonthYear(s);
}

Result<Date> Date::FromYmd(int year, int month, int day) {
  if (auto d = Ymd(year, month, day)) return *d;
  return MakeError(ErrorCode::kInvalidArgument, "invalid date " + std::to_string(year) + "-" +
                                                    std::to_string(month) + "-" +
                                                    std::to_string(day));
}

Date Date::Today() {
  auto now = chr::floor<chr::days>(chr::system_clock::now());
  return Date(static_cast<int>(now.time_since_epoch().count()));
}

std::string Date::ToString() const {
  chr::year_month_day ymd{chr::sys_days{chr::days{days_}}};
  int year = static_cast<int>(ymd.year());
  unsigned month = static_cast<unsigned>(ymd.month());
  unsigned day = static_cast<unsigned>(ymd.day());
  if (year < 0 || year > 9999) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
    return buf;
  }
  // Written digit by digit: the determination trace formats a date per party, and
  // snprintf costs more than the rest of the step.
  std::string out(10, '-');
  out[0] = static_cast<char>('0' + year / 1000);
  out[1] = static_cast<char>('0' + year / 100 % 10);
  out[2] = static_cast<char>('0' + year / 10 % 10);
  out[3] = static_cast<char>('0' + year % 10);
  out[5] = static_cast<char>('0' + month / 10);
  out[6] = static_cast<char>('0' + month % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

int Date::year() const {
  chr::year_month_day ymd{chr::sys_days{chr::days{days_}}};
  return static_cast<int>(ymd.year());
}

}  // namespace tollgate
