#include "tollgate/licensing/control_number.h"

#include <cstdio>

namespace tollgate::licensing {
namespace {

constexpr int kLastSerial = 999999;

Error Invalid(std::string_view text, const char* why) {
  return MakeError(ErrorCode::kInvalidArgument, "application control number '" + std::string(text) +
                                                    "': " + why +
                                                    " (expected a letter and six digits, "
                                                    "e.g. D123456)");
}

}  // namespace

Result<ControlNumber> ControlNumber::Parse(std::string_view text) {
  if (text.size() != 7) return Invalid(text, "wrong length");
  if (text[0] < 'A' || text[0] > 'Z') return Invalid(text, "must start with a capital letter");
  int serial = 0;
  for (char c : text.substr(1)) {
    if (c < '0' || c > '9') return Invalid(text, "the last six characters must be digits");
    serial = serial * 10 + (c - '0');
  }
  if (serial == 0) return Invalid(text, "000000 is never issued");
  return ControlNumber(text[0], serial);
}

Result<ControlNumber> ControlNumber::Next() const {
  if (serial_ < kLastSerial) return ControlNumber(letter_, serial_ + 1);
  if (letter_ == 'Z') {
    return MakeError(ErrorCode::kInvalidArgument,
                     "application control numbers are exhausted after Z999999");
  }
  return ControlNumber(static_cast<char>(letter_ + 1), 1);
}

std::string ControlNumber::ToString() const {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%c%06d", letter_, serial_);
  return buffer;
}

}  // namespace tollgate::licensing
