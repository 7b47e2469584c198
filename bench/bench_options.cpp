#include "bench_options.h"

#include <cstdlib>

namespace tollgate::bench {
namespace {

bool IsWholeNumber(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

Result<BenchOptions> BenchOptions::Parse(int argc, char** argv,
                                         const std::map<std::string, std::string>& defaults) {
  BenchOptions options;
  options.values_ = defaults;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const std::size_t equals = arg.find('=');
    const std::string name = arg.substr(0, equals);
    if (arg.rfind("--", 0) != 0 || equals == std::string::npos ||
        !options.values_.contains(name.substr(2))) {
      std::string usage = "unknown option \"" + arg + "\"; options (with defaults):";
      for (const auto& [key, value] : options.values_) usage += " --" + key + "=" + value;
      return MakeError(ErrorCode::kInvalidArgument, usage);
    }
    options.values_[name.substr(2)] = arg.substr(equals + 1);
  }
  // An option whose default is a whole number takes only whole numbers.
  for (const auto& [name, value] : options.values_) {
    if (!IsWholeNumber(defaults.at(name)) || IsWholeNumber(value)) continue;
    return MakeError(ErrorCode::kInvalidArgument,
                     "--" + name + " needs a whole number, got \"" + value + "\"");
  }
  return options;
}

std::uint64_t BenchOptions::Number(const std::string& name) const {
  return std::strtoull(values_.at(name).c_str(), nullptr, 10);
}

double BenchOptions::Real(const std::string& name) const {
  return std::strtod(values_.at(name).c_str(), nullptr);
}

}  // namespace tollgate::bench
