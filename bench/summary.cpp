#include "summary.h"

#include <cstdarg>
#include <cstdio>
#include <fstream>

namespace tollgate::bench {

void SummaryFile::Add(const std::string& section, const std::string& figure,
                      const std::string& value, const std::string& target, bool met) {
  const std::string verdict = target.empty() ? "" : (met ? "met" : "MISSED");
  std::printf("  %-44s %-22s %s%s%s\n", figure.c_str(), value.c_str(), target.c_str(),
              target.empty() ? "" : "  ", verdict.c_str());
  if (path_.empty()) return;
  std::ofstream out(path_, std::ios::app);
  out << section << '\t' << figure << '\t' << value << '\t' << (target.empty() ? "-" : target)
      << '\t' << (verdict.empty() ? "-" : verdict) << '\n';
}

std::string Format(const char* format, ...) {
  va_list args;
  va_start(args, format);
  char buffer[256];
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  return buffer;
}

}  // namespace tollgate::bench
