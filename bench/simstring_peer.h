// The SimString peer (Debian's simstring CLI, character 3-gram similarity search): the
// same names go into its database and the same queries through its query mode, so
// its rate and its hits sit beside Tollgate's in one run.
//
// Thread-safety: immutable after Build; Query starts one process per call.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tollgate/common/result.h"

namespace tollgate::bench {

struct SimStringRun {
  double wall_seconds = 0;            // the query process from start to exit, DB open included
  double cpu_seconds = 0;             // user + system time of the query process
  double reported_seconds = 0;        // the sum of SimString's own per-query timings
  std::vector<double> query_seconds;  // SimString's own timing, per query
  std::vector<std::vector<std::string>> results;  // strings retrieved, per query
};

class SimStringPeer {
 public:
  // Writes `strings` (one per line; callers pass folded names without line breaks) and
  // builds the database in `directory`. Fails when the program is missing or fails.
  static Result<SimStringPeer> Build(const std::vector<std::string>& strings,
                                     const std::filesystem::path& directory);

  // Queries with cosine similarity >= threshold, one process for all queries.
  Result<SimStringRun> Query(const std::vector<std::string>& queries, double threshold) const;

  double build_seconds() const { return build_seconds_; }

 private:
  SimStringPeer(std::filesystem::path directory, double build_seconds)
      : directory_(std::move(directory)), build_seconds_(build_seconds) {}
  std::filesystem::path directory_;
  double build_seconds_ = 0;
};

// Parses the query-mode output: "\t<string>" per hit, then one
// "<n> strings retrieved (<t> sec)" line per query. Fails on anything else.
Result<SimStringRun> ParseSimStringOutput(const std::string& output);

}  // namespace tollgate::bench
