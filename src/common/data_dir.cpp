#include "tollgate/common/data_dir.h"

#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

namespace tollgate {
namespace {

// The marker of a data folder: the rules every determination needs.
const std::filesystem::path kMarker = std::filesystem::path("data") / "rules";

std::filesystem::path Normal(const std::filesystem::path& path) {
  std::filesystem::path normal = path.lexically_normal();
  return normal.filename().empty() ? normal.parent_path() : normal;  // no trailing '/'
}

bool HoldsData(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir / kMarker, ec);
}

}  // namespace

Result<std::filesystem::path> ExecutablePath() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) {
    return MakeError(ErrorCode::kIoError,
                     "cannot find the running executable (/proc/self/exe: " + ec.message() + ")");
  }
  return exe;
}

Result<std::filesystem::path> DataDir() {
  if (const char* env = std::getenv(kDataDirEnvVar); env != nullptr && *env != '\0') {
    const std::filesystem::path dir(env);
    if (HoldsData(dir)) return dir;
    return MakeError(ErrorCode::kIoError, std::string(kDataDirEnvVar) + "=" + dir.string() +
                                              " holds no " + kMarker.string() +
                                              " (expected the folder with data/ and web/, "
                                              "e.g. an installed PREFIX/share/tollgate)");
  }
  auto exe = ExecutablePath();
  if (!exe.ok()) {
    return MakeError(ErrorCode::kIoError, exe.error().message + "; set " + kDataDirEnvVar);
  }
  const std::filesystem::path bin = exe->parent_path();
  const std::vector<std::filesystem::path> candidates = {
      Normal(bin / ".." / "share" / "tollgate"),
      Normal(bin / ".."),
      Normal(bin / ".." / ".."),
  };
  std::string looked;
  for (const auto& dir : candidates) {
    if (HoldsData(dir)) return dir;
    looked += (looked.empty() ? "" : ", ") + dir.string();
  }
  return MakeError(ErrorCode::kIoError, "no Tollgate data folder: " + std::string(kDataDirEnvVar) +
                                            " is not set and none of " + looked + " holds " +
                                            kMarker.string() + " (looked beside " + exe->string() +
                                            "); install with `make install PREFIX=...` or set " +
                                            kDataDirEnvVar);
}

Result<std::filesystem::path> ShippedPath(std::string_view relative) {
  auto dir = DataDir();
  if (!dir.ok()) return dir.error();
  std::filesystem::path path = *dir / relative;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return path;
  return MakeError(ErrorCode::kIoError, "the shipped " + std::string(relative) +
                                            " is missing from the data folder " + dir->string());
}

}  // namespace tollgate
