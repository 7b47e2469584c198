#include "tollgate/common/result.h"

namespace tollgate {

// The single table from error kinds to exit codes (sysexits-style 70 for bugs) and
// HTTP statuses. A storage or I/O failure is the server's problem, not the client's:
// 500 and 502 carry no detail beyond the kind (the server logs the message).
int ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kParseError:
    case ErrorCode::kNotFound:
    case ErrorCode::kRefused:
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

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kParseError:
      return 400;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kRefused:
      return 422;
    case ErrorCode::kIoError:
      return 502;
    case ErrorCode::kStorageError:
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
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
    case ErrorCode::kRefused:
      return "refused";
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
