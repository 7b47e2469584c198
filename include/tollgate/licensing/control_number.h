// The Application Control Number (ACN): a letter and six digits ("D123456"), the
// reference BIS gives an application it receives and the applicant quotes in every
// exchange about it. It is not a license number: a license issued on an approval gets
// its own number.
//
// Numbers are handed out in order: "D000001", "D000002", ... "D999999", then "E000001";
// the store remembers the last one. "000000" is never issued.
//
// Thread-safety: plain value type and pure functions.
// Failure: Parse and Next return kInvalidArgument saying what is wrong with the text.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "tollgate/common/result.h"

namespace tollgate::licensing {

class ControlNumber {
 public:
  // Exactly one upper-case letter A-Z then six digits, not all zero.
  static Result<ControlNumber> Parse(std::string_view text);
  // The first number a new store issues.
  static ControlNumber First() { return ControlNumber('D', 1); }

  // The number after this one; fails after "Z999999".
  Result<ControlNumber> Next() const;
  std::string ToString() const;

  char letter() const { return letter_; }
  int serial() const { return serial_; }
  friend auto operator<=>(const ControlNumber&, const ControlNumber&) = default;

 private:
  ControlNumber(char letter, int serial) : letter_(letter), serial_(serial) {}
  char letter_;
  int serial_;
};

}  // namespace tollgate::licensing
