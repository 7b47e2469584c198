// Runs a peer program (the SimString CLI) with stdin and stdout redirected to files,
// without a shell, so paths need no quoting and the timing holds no shell start-up.
// Also a scoped temporary directory for the peer's database and its input files.
//
// Thread-safety: RunProgram is reentrant; a TempDir is owned by one thread.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tollgate/common/result.h"

namespace tollgate::bench {

struct ProgramRun {
  int exit_code = 0;
  double cpu_seconds = 0;  // user + system time of the program
};

// Runs argv[0] (looked up on PATH) and waits. Fails only when the program could not
// be started or was killed by a signal; a non-zero exit is the caller's to judge.
Result<ProgramRun> RunProgram(const std::vector<std::string>& argv,
                              const std::filesystem::path& stdin_path,
                              const std::filesystem::path& stdout_path);

// A fresh directory under the system temp directory, removed with its contents on
// destruction.
class TempDir {
 public:
  static Result<TempDir> Create(const std::string& prefix);
  ~TempDir();
  TempDir(TempDir&& other) noexcept;
  TempDir& operator=(TempDir&&) = delete;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  explicit TempDir(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

}  // namespace tollgate::bench
