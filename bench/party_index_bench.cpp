// The party index's size (issue 15: "1,000,000 parties ... with the party index at
// <= 600 MiB"): the index of every organization's parties that continuous screening
// looks list changes up in (alerts::PartyIndex, kept between list versions by
// alerts::PartyIndexCache), built from a database that holds the master, as a process
// builds it on the first list version after a start.
//
//   build/bench/party_index_bench --db=PATH_OR_URL
//
// bench/parties_import_bench.sh runs it after importing the master. Reported: the
// parties read, the wall and CPU time of the build (reading the master included), and
// the process's resident memory before, at its peak during, and after the build, with
// the master read and dropped again beside it: what the index holds is the resident
// growth that stays while it lives (the names and each party's id), read after the
// allocator has given back what the build freed (malloc_trim: glibc keeps freed
// memory otherwise, and the resident size would count the master read and dropped).
#include <malloc.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>

#include "bench_options.h"
#include "machine_state.h"
#include "tollgate/alerts/rescreen.h"
#include "tollgate/storage/store.h"

namespace {

using namespace tollgate;

double Mib(std::size_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

double ProcessCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The peak resident size of the process so far (VmHWM), in bytes.
std::size_t PeakResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  auto options = bench::BenchOptions::Parse(argc, argv, {{"db", ""}});
  if (!options.ok() || options->Text("db").empty()) {
    std::cerr << "party_index_bench: --db=PATH_OR_URL (a database holding the master)\n";
    return 2;
  }
  auto opened = storage::OpenStore(options->Text("db"));
  if (!opened.ok()) {
    std::cerr << "party_index_bench: " << opened.error().message << "\n";
    return 1;
  }
  const std::size_t before = bench::ResidentBytes();
  const auto wall = std::chrono::steady_clock::now();
  const double cpu = ProcessCpuSeconds();
  alerts::PartyIndexCache cache;
  auto index = cache.Get(**opened);
  if (!index.ok()) {
    std::cerr << "party_index_bench: " << index.error().message << "\n";
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  const double cpu_seconds = ProcessCpuSeconds() - cpu;
  const std::size_t untrimmed = bench::ResidentBytes();
  malloc_trim(0);
  const std::size_t after = bench::ResidentBytes();
  std::cout << "party index: " << (*index)->size() << " parties, built in " << seconds
            << " s wall, " << cpu_seconds << " s CPU (reading the master included); resident "
            << Mib(before) << " MiB before, " << Mib(untrimmed) << " MiB after the build, "
            << Mib(after) << " MiB once the allocator gave back what it freed (+"
            << Mib(after - before) << " MiB held by the index; its own count "
            << Mib((*index)->memory_bytes()) << " MiB), peak " << Mib(PeakResidentBytes())
            << " MiB; load average " << bench::LoadAverage() << "\n";
  return 0;
}
