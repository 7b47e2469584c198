#include "lists/update/temp_dir.h"

// mkdtemp is POSIX: <stdlib.h> declares it, <cstdlib> need not.
#include <stdlib.h>  // NOLINT(modernize-deprecated-headers)

#include <cerrno>
#include <cstring>
#include <string>

namespace tollgate::lists {

Result<ScopedTempDir> ScopedTempDir::Create(const std::filesystem::path& parent) {
  std::string pattern = (parent / "tollgate-update-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return MakeError(ErrorCode::kIoError, "cannot create a temporary directory in " +
                                              parent.string() + ": " + std::strerror(errno));
  }
  return ScopedTempDir(std::filesystem::path(pattern));
}

ScopedTempDir::ScopedTempDir(ScopedTempDir&& other) noexcept : path_(std::move(other.path_)) {
  other.path_.clear();
}

ScopedTempDir& ScopedTempDir::operator=(ScopedTempDir&& other) noexcept {
  if (this != &other) {
    Remove();
    path_ = std::move(other.path_);
    other.path_.clear();
  }
  return *this;
}

ScopedTempDir::~ScopedTempDir() { Remove(); }

void ScopedTempDir::Remove() noexcept {
  if (path_.empty()) return;
  // Best effort: a leftover temporary directory is not worth failing an update for.
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
  path_.clear();
}

}  // namespace tollgate::lists
