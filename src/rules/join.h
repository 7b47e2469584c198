// Joins the parts of a trace step's text ("NS1, RS1") with a separator.
#pragma once

#include <string>
#include <vector>

namespace tollgate::rules::internal {

inline std::string Join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

}  // namespace tollgate::rules::internal
