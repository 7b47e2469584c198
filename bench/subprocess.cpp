#include "subprocess.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace tollgate::bench {

Result<ProgramRun> RunProgram(const std::vector<std::string>& argv,
                              const std::filesystem::path& stdin_path,
                              const std::filesystem::path& stdout_path) {
  if (argv.empty()) return MakeError(ErrorCode::kInvalidArgument, "RunProgram: empty argv");
  // posix_spawnp takes char* const[] for C's sake; it does not write to the strings.
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  // The peer's progress chatter goes to stdout; stderr is left to the terminal.
  pid_t pid = 0;
  const int spawn_error = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) {
    return MakeError(ErrorCode::kIoError, argv[0] + ": " + std::strerror(spawn_error));
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      return MakeError(ErrorCode::kIoError, argv[0] + ": wait4: " + std::strerror(errno));
    }
  }
  if (!WIFEXITED(status)) {
    return MakeError(ErrorCode::kIoError, argv[0] + ": terminated by a signal");
  }
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return ProgramRun{WEXITSTATUS(status), seconds(usage.ru_utime) + seconds(usage.ru_stime)};
}

Result<TempDir> TempDir::Create(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return MakeError(ErrorCode::kIoError, pattern + ": " + std::strerror(errno));
  }
  return TempDir(std::filesystem::path(pattern));
}

TempDir::TempDir(TempDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace tollgate::bench
