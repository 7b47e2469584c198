// SHA-256 digests (OpenSSL), as lower-case hex: file identity for list versions, and
// later the audit chain.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "tollgate/common/result.h"

namespace tollgate {

std::string Sha256Hex(std::string_view bytes);
// Streams the file; fails with kIoError naming the path.
Result<std::string> Sha256OfFile(const std::filesystem::path& path);

}  // namespace tollgate
