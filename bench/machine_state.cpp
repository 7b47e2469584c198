#include "machine_state.h"

#include <fstream>

namespace tollgate::bench {

namespace {

std::size_t StatusKilobytesOf(const std::string& wanted) {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == wanted) {
      std::size_t kilobytes = 0;
      status >> kilobytes;
      return kilobytes * 1024;
    }
    status.ignore(4096, '\n');
  }
  return 0;
}

}  // namespace

std::size_t ResidentBytes() { return StatusKilobytesOf("VmRSS:"); }

std::size_t PeakResidentBytes() { return StatusKilobytesOf("VmHWM:"); }

bool ResetPeakResident() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
  clear_refs.flush();
  return static_cast<bool>(clear_refs);
}

std::string LoadAverage() {
  std::ifstream loadavg("/proc/loadavg");
  std::string one, five, fifteen;
  if (!(loadavg >> one >> five >> fifteen)) return "?";
  return one + " " + five + " " + fifteen;
}

}  // namespace tollgate::bench
