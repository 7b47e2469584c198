// Result<T>: a value or an Error, the way every library function that can fail on
// input reports it. Errors are values passed up with early returns; exceptions are
// caught at the library boundary and turned into an Error.
//
// Thread-safety: plain value types; no shared state.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace tollgate {

// One table (common/error_code.cpp) maps these to CLI exit codes and HTTP statuses.
// Keep the list short: the code says what kind of failure, the message says what and
// where.
enum class ErrorCode {
  kInvalidArgument,   // bad user input: a flag, a date, a name (exit 2)
  kParseError,        // a malformed file: the message names file, line and field (exit 2)
  kNotFound,          // an unknown list version, source or entry (exit 2)
  kConflict,          // a concurrent change won (exit 3)
  kPermissionDenied,  // the actor's role may not do this (exit 6)
  kRefused,           // well-formed, refused by the rules: an illegal step (exit 2, HTTP 422)
  kIoError,           // a file or network operation failed (exit 4)
  kStorageError,      // the database refused (exit 5)
  kInternal,          // a bug: never caused by input (exit 70)
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
};

// Process exit code for a CLI command that failed with `code`.
int ExitCodeFor(ErrorCode code);
// HTTP status for a request that failed with `code` (the server's error bodies).
int HttpStatusFor(ErrorCode code);
// Stable lower-case name, e.g. "parse_error", for JSON error bodies.
const char* ErrorCodeName(ErrorCode code);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    assert(ok());
    return std::get<T>(data_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(data_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(data_));
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<Error>(data_);
  }

 private:
  std::variant<T, Error> data_;
};

// Result<void>: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

inline Error MakeError(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace tollgate
