// Downloading one URL to a local file with libcurl, for `lists update`. Private to
// src/lists/update.
//
// Follows redirects (to http and https only), enforces a connect and a total timeout,
// and treats an HTTP status >= 400 as a failure. Errors are kIoError with the URL and
// the cause (HTTP status, curl's message, or the file that could not be written); the
// destination may then hold part of the body, and the caller discards it.
//
// Thread-safety: each call uses its own curl handle; safe to call from several threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "tollgate/common/result.h"

namespace tollgate::lists {

struct DownloadLimits {
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(30)};
  std::chrono::milliseconds total_timeout{std::chrono::minutes(10)};
};

// Bytes received so far and the expected total when the server announced it.
using ByteProgress = std::function<void(std::int64_t so_far, std::optional<std::int64_t> total)>;

// Saves the body of `url` to `destination` (created or truncated) and returns the number
// of bytes saved. `progress` may be empty.
Result<std::int64_t> DownloadFile(const std::string& url, const std::filesystem::path& destination,
                                  const DownloadLimits& limits, const ByteProgress& progress = {});

}  // namespace tollgate::lists
