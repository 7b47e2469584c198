// ScopedTempDir: a fresh, private directory that is removed with everything in it when
// the object goes away, so downloads never outlive the update that made them.
//
// Thread-safety: not shared; one owner at a time (move-only).
#pragma once

#include <filesystem>

#include "tollgate/common/result.h"

namespace tollgate::lists {

class ScopedTempDir {
 public:
  // Creates "<parent>/tollgate-update-XXXXXX" (mode 0700). Fails with kIoError naming
  // the parent.
  static Result<ScopedTempDir> Create(const std::filesystem::path& parent);

  ScopedTempDir(ScopedTempDir&& other) noexcept;
  ScopedTempDir& operator=(ScopedTempDir&& other) noexcept;
  ScopedTempDir(const ScopedTempDir&) = delete;
  ScopedTempDir& operator=(const ScopedTempDir&) = delete;
  ~ScopedTempDir();

  const std::filesystem::path& path() const { return path_; }

 private:
  explicit ScopedTempDir(std::filesystem::path path) : path_(std::move(path)) {}
  void Remove() noexcept;

  std::filesystem::path path_;  // empty once moved from
};

}  // namespace tollgate::lists
