// Command-line options of the benchmark executables: "--name=value" pairs with
// defaults, so `make bench` needs no arguments and a profiling run can shrink sizes.
//
// Thread-safety: plain value type.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "tollgate/common/result.h"

namespace tollgate::bench {

class BenchOptions {
 public:
  // Accepts only the names in `defaults`; an unknown one fails with a message that lists
  // them all. A value must be a whole number when its default is one.
  static Result<BenchOptions> Parse(int argc, char** argv,
                                    const std::map<std::string, std::string>& defaults);

  const std::string& Text(const std::string& name) const { return values_.at(name); }
  std::uint64_t Number(const std::string& name) const;
  double Real(const std::string& name) const;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace tollgate::bench
