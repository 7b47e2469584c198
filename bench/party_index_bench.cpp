// The party index's size (issue 15: "1,000,000 parties ... with the party index at
// <= 600 MiB"): the index of every organization's parties that continuous screening
// looks list changes up in (alerts::PartyIndex, kept between list versions by
// alerts::PartyIndexCache), built from a database that holds the master, as a process
// builds it on the first list version after a start.
//
//   build/bench/party_index_bench --db=PATH_OR_URL
//   build/bench/party_index_bench --generate=N
//
// With --generate, N parties named as bench/parties_import_bench.sh's "coined" master
// (a brand coined from syllables, two of 20 words and a company suffix) are indexed
// without a store (alerts::PartyIndex::Build, what PartyIndexCache::Get builds from
// Store::AllPartyNames): the index alone, when no database of that size is at hand.
//
// bench/parties_import_bench.sh runs it after importing the master. Reported: the
// parties read, the wall and CPU time of the build (reading the master included), and
// the process's resident memory before, at its peak during, and after the build, with
// the master read and dropped again beside it: what the index holds is the resident
// growth that stays while it lives (the names and each party's id), read after the
// allocator has given back what the build freed (malloc_trim: glibc keeps freed
// memory otherwise, and the resident size would count the master read and dropped).
#include <malloc.h>

#include <cctype>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "bench_options.h"
#include "coined_master.h"
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

// `count` parties named like parties_import_bench.sh's coined master (coined_master.h).
std::vector<parties::PartyNames> CoinedMaster(std::size_t count) {
  std::vector<std::string> names = bench::CoinedPartyNames(count);
  std::vector<parties::PartyNames> master(count);
  for (std::size_t i = 0; i < count; ++i) {
    master[i].id = static_cast<std::int64_t>(i + 1);
    master[i].name = std::move(names[i]);
  }
  return master;
}

}  // namespace

int main(int argc, char** argv) {
  auto options = bench::BenchOptions::Parse(argc, argv, {{"db", ""}, {"generate", ""}});
  if (!options.ok() || options->Text("db").empty() == options->Text("generate").empty()) {
    std::cerr << "party_index_bench: --db=PATH_OR_URL (a database holding the master) or "
                 "--generate=N\n";
    return 2;
  }
  if (!options->Text("generate").empty()) {
    const std::size_t before = bench::ResidentBytes();
    const double cpu = ProcessCpuSeconds();
    auto index = alerts::PartyIndex::Build(CoinedMaster(std::stoull(options->Text("generate"))));
    const double cpu_seconds = ProcessCpuSeconds() - cpu;
    malloc_trim(0);
    const std::size_t after = bench::ResidentBytes();
    std::cout << "party index (generated): " << index->size() << " parties, " << cpu_seconds
              << " s CPU (generating the names included); resident " << Mib(before)
              << " MiB before, " << Mib(after) << " MiB after, the allocator having given back"
              << " what it freed (+" << Mib(after - before) << " MiB held by the index; its own"
              << " count " << Mib(index->memory_bytes()) << " MiB), peak "
              << Mib(PeakResidentBytes()) << " MiB; load average " << bench::LoadAverage() << "\n";
    return 0;
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
