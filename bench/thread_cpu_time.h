// The calling thread's CPU time, which the benchmarks and the evaluation report beside
// wall time: on a shared machine the wall clock also counts the slices other processes
// hold the core, and the thread's CPU time does not.
//
// Thread-safety: reads the calling thread's, or the process's, own clock.
// Failure: none (CLOCK_THREAD_CPUTIME_ID is always present on Linux).
#pragma once

#include <time.h>

#include <cstdint>

namespace tollgate::bench {

inline std::int64_t ThreadCpuNanoseconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return std::int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
}

// The whole process's CPU time, every thread's: for work spread over the cores.
inline std::int64_t ProcessCpuNanoseconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return std::int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
}

}  // namespace tollgate::bench
