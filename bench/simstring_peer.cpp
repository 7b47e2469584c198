#include "simstring_peer.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "subprocess.h"

namespace tollgate::bench {
namespace {

constexpr const char* kProgram = "simstring";

Status WriteLines(const std::vector<std::string>& lines, const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  for (const std::string& line : lines) out << line << '\n';
  out.close();
  if (!out) return MakeError(ErrorCode::kIoError, path.string() + ": write failed");
  return {};
}

Result<std::string> ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, path.string() + ": cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

double Seconds(std::chrono::steady_clock::duration duration) {
  return std::chrono::duration<double>(duration).count();
}

}  // namespace

Result<SimStringPeer> SimStringPeer::Build(const std::vector<std::string>& strings,
                                           const std::filesystem::path& directory) {
  const auto names_path = directory / "names.txt";
  if (Status written = WriteLines(strings, names_path); !written) return written.error();
  const auto start = std::chrono::steady_clock::now();
  Result<ProgramRun> program = RunProgram({kProgram, "-b", "-d", (directory / "names.db").string()},
                                          names_path, directory / "build.log");
  const double seconds = Seconds(std::chrono::steady_clock::now() - start);
  if (!program.ok()) return program.error();
  if (program->exit_code != 0) {
    return MakeError(ErrorCode::kIoError, std::string(kProgram) + " -b exited with " +
                                              std::to_string(program->exit_code));
  }
  return SimStringPeer(directory, seconds);
}

Result<SimStringRun> SimStringPeer::Query(const std::vector<std::string>& queries,
                                          double threshold) const {
  const auto queries_path = directory_ / "queries.txt";
  const auto output_path = directory_ / "results.txt";
  if (Status written = WriteLines(queries, queries_path); !written) return written.error();
  char threshold_text[32];
  std::snprintf(threshold_text, sizeof threshold_text, "%g", threshold);
  const auto start = std::chrono::steady_clock::now();
  Result<ProgramRun> program = RunProgram(
      {kProgram, "-d", (directory_ / "names.db").string(), "-t", threshold_text, "-s", "cosine"},
      queries_path, output_path);
  const double wall = Seconds(std::chrono::steady_clock::now() - start);
  if (!program.ok()) return program.error();
  if (program->exit_code != 0) {
    return MakeError(ErrorCode::kIoError, std::string(kProgram) + " -d exited with " +
                                              std::to_string(program->exit_code));
  }
  Result<std::string> output = ReadAll(output_path);
  if (!output.ok()) return output.error();
  Result<SimStringRun> run = ParseSimStringOutput(*output);
  if (!run.ok()) return run.error();
  if (run->results.size() != queries.size()) {
    return MakeError(ErrorCode::kParseError, "simstring answered " +
                                                 std::to_string(run->results.size()) + " of " +
                                                 std::to_string(queries.size()) + " queries");
  }
  run->wall_seconds = wall;
  run->cpu_seconds = program->cpu_seconds;
  return run;
}

Result<SimStringRun> ParseSimStringOutput(const std::string& output) {
  SimStringRun run;
  std::vector<std::string> current;
  std::istringstream lines(output);
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(lines, line)) {
    ++line_number;
    if (!line.empty() && line[0] == '\t') {
      current.push_back(line.substr(1));
      continue;
    }
    unsigned long count = 0;
    double seconds = 0;
    int consumed = 0;
    if (std::sscanf(line.c_str(), "%lu strings retrieved (%lf sec)%n", &count, &seconds,
                    &consumed) == 2 &&
        consumed == static_cast<int>(line.size()) && count == current.size()) {
      run.reported_seconds += seconds;
      run.query_seconds.push_back(seconds);
      run.results.push_back(std::move(current));
      current.clear();
      continue;
    }
    return MakeError(ErrorCode::kParseError,
                     "simstring output line " + std::to_string(line_number) + ": \"" + line + "\"");
  }
  if (!current.empty()) {
    return MakeError(ErrorCode::kParseError, "simstring output ends inside a query's hits");
  }
  return run;
}

}  // namespace tollgate::bench
