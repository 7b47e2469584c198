// The rows `make bench` prints at the end: one figure per row with its target and
// whether it was met, appended by each benchmark executable to one TSV file that
// scripts/bench.sh renders as a table.
//
// Thread-safety: a SummaryFile is owned by one thread.
#pragma once

#include <filesystem>
#include <string>

namespace tollgate::bench {

class SummaryFile {
 public:
  // An empty path disables the file; rows are still echoed to stdout.
  explicit SummaryFile(std::filesystem::path path) : path_(std::move(path)) {}

  // `target` is "" when the figure has no target; `met` is then ignored.
  void Add(const std::string& section, const std::string& figure, const std::string& value,
           const std::string& target = "", bool met = true);

 private:
  std::filesystem::path path_;
};

// printf-style formatting into a std::string, for the values above.
std::string Format(const char* format, ...) __attribute__((format(printf, 1, 2)));

}  // namespace tollgate::bench
