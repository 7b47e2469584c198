// What the process and the machine are doing: resident memory from /proc/self/status
// (VmRSS), to measure what an index build really takes beside what the index says it
// holds, and the load average, because timings taken while other work competes for
// the two cores are slower than the engine is.
//
// Thread-safety: reentrant.
#pragma once

#include <cstddef>
#include <string>

namespace tollgate::bench {

// Resident bytes now; 0 when /proc is unavailable.
std::size_t ResidentBytes();

// The peak resident bytes (VmHWM) since the process started or since the last
// ResetPeakResident; 0 when /proc is unavailable.
std::size_t PeakResidentBytes();

// Starts a new peak at the resident size now (Linux: "5" to /proc/self/clear_refs);
// false when the kernel does not allow it, and PeakResidentBytes then counts from the start.
bool ResetPeakResident();

// "1.02 0.87 0.50" (1, 5, 15 minutes) from /proc/loadavg; "?" when unavailable.
std::string LoadAverage();

}  // namespace tollgate::bench
