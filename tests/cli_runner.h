// Runs the real `tollgate` binary (built beside the tests) in a fresh temporary folder
// with its own database, capturing exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "test_paths.h"

namespace tollgate::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class CliSandbox {
 public:
  // `db_url`: the database the CLI uses; by default a SQLite file in the sandbox.
  explicit CliSandbox(std::string db_url = "") : db_(std::move(db_url)) {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("tollgate-cli-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    if (db_.empty()) db_ = (dir_ / "tollgate.db").string();
  }
  ~CliSandbox() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  CliSandbox(const CliSandbox&) = delete;
  CliSandbox& operator=(const CliSandbox&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  const std::string& db() const { return db_; }

  // `args` is appended to "tollgate --db DB" as shell words; quote them yourself.
  CliResult Run(const std::string& args) const {
    return Exec(std::string("'") + TOLLGATE_CLI_PATH + "' --db '" + db() + "' " + args);
  }

  // `args` alone after "tollgate" (no --db, $TOLLGATE_DB unset): global options where
  // the test puts them.
  CliResult RunBare(const std::string& args) const {
    return Exec(std::string("env -u TOLLGATE_DB '") + TOLLGATE_CLI_PATH + "' " + args);
  }

  // Runs a shell command line, its stderr captured to a file of the sandbox.
  CliResult Exec(const std::string& command_line) const {
    auto err_path = dir_ / "stderr.txt";
    std::string command = command_line + " 2>'" + err_path.string() + "'";
    CliResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return result;
    char buffer[4096];
    std::size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
    int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(err_path);
    std::stringstream ss;
    ss << err.rdbuf();
    result.err = ss.str();
    return result;
  }

  std::filesystem::path Write(const std::string& name, const std::string& content) const {
    auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

 private:
  std::filesystem::path dir_;
  std::string db_;
};

inline std::string SharedList(const std::string& name) {
  return std::string(TOLLGATE_SHARED_DATA) + "/lists/" + name;
}
inline std::string ShippedList(const std::string& name) {
  return std::string(TOLLGATE_SOURCE_DIR) + "/data/lists/" + name;
}

}  // namespace tollgate::testing
