#include "tollgate/common/result.h"

namespace tollgate {

// The single table from error kinds to exit codes (sysexits-style 70 for bugs).
int ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kParseError:
    case ErrorCode::kNotFound:
      return 2;
    case ErrorCode::kConflict:
      return 3;
    case ErrorCode::kIoError:
      return 4;
    case ErrorCode::kStorageError:
      return 5;
    case ErrorCode::kPermissionDenied:
      return 6;
    case ErrorCode::kInternal:
      return 70;
  }
  return 70;
}

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kParseError:
      return "parse_error";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kPermissionDenied:
      return "permission_denied";
    case ErrorCode::kIoError:
      return "io_error";
    case ErrorCode::kStorageError:
      return "storage_error";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace tollgate
