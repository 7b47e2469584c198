// The process's resident set size, read from /proc/self/status (VmRSS), to measure
// how much memory an index build really takes beside what the index says it holds.
//
// Thread-safety: reentrant.
#pragma once

#include <cstddef>

namespace tollgate::bench {

// Resident bytes now; 0 when /proc is unavailable.
std::size_t ResidentBytes();

}  // namespace tollgate::bench
