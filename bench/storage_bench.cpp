// The store's own cost on the paths the server and the CLI hit most, on SQLite or on a
// PostgreSQL server (issue 14: the one storage layer must not be slower than the twin
// backends it replaced). A small harness, not Google Benchmark: each figure is the
// median of a few runs.
//
//   build/bench/storage_bench --db=PATH_OR_URL [--list=FILE] [--determinations=2000]
//
// Timed:
//   import        Store::AddListVersion of every entry of --list (default: OFAC's SDN of
//                 July 2021 with its alias and address files, read once before timing),
//                 five times: what `lists import` and POST /api/lists add to reading
//   load          Store::LoadEntries of that version, five times: what building a
//                 screening index reads
//   determination Store::RecordDeterminations of one record at a time, as POST
//                 /api/check records each answer: per call, median and 99th percentile
#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "bench_options.h"
#include "machine_state.h"
#include "tollgate/lists/format.h"
#include "tollgate/storage/store.h"

namespace {

using namespace tollgate;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  auto options = bench::BenchOptions::Parse(argc, argv,
                                            {{"db", ""},
                                             {"list", "../shared/data/lists/ofac_sdn_2021-07.csv"},
                                             {"determinations", "2000"}});
  if (!options.ok()) {
    std::cerr << "storage_bench: " << options.error().message << "\n";
    return 2;
  }
  const std::string db = options->Text("db");
  if (db.empty()) {
    std::cerr << "storage_bench: --db=PATH_OR_URL (a new database) is needed\n";
    return 2;
  }
  auto parsed = lists::ReadListFile(options->Text("list"));
  if (!parsed.ok()) {
    std::cerr << "storage_bench: " << parsed.error().message << "\n";
    return 1;
  }
  auto opened = storage::OpenStore(db);
  if (!opened.ok()) {
    std::cerr << "storage_bench: " << opened.error().message << "\n";
    return 1;
  }
  storage::Store& store = **opened;
  const auto& entries = parsed->entries;
  std::cout << "storage_bench: " << (db.starts_with("postgres") ? "PostgreSQL" : "SQLite") << ", "
            << entries.size() << " entries; load average " << bench::LoadAverage() << "\n";

  const storage::ChangeStamp stamp{"system bench", "2026-12-06T00:00:00Z"};
  std::vector<double> imports;
  std::vector<double> loads;
  for (int run = 0; run < 5; ++run) {
    storage::ListVersion version;
    version.feed = "ofac-sdn";
    version.format = "ofac-legacy-csv";
    version.as_of = *Date::Parse("2021-07-01");
    version.imported_at = stamp.timestamp;
    version.file_name = "bench.csv";
    version.sha256 = std::string(64, 'b');
    auto start = Clock::now();
    auto added = store.AddListVersion(version, entries, stamp);
    imports.push_back(Seconds(start));
    if (!added.ok()) {
      std::cerr << "storage_bench: " << added.error().message << "\n";
      return 1;
    }
    start = Clock::now();
    auto loaded = store.LoadEntries(added->id);
    loads.push_back(Seconds(start));
    if (!loaded.ok() || loaded->size() != entries.size()) {
      std::cerr << "storage_bench: the entries did not read back\n";
      return 1;
    }
  }
  std::cout << "import        " << Percentile(imports, 0.5) * 1e3 << " ms median of 5\n";
  std::cout << "load          " << Percentile(loads, 0.5) * 1e3 << " ms median of 5\n";

  // A determination as POST /api/check records it: the request and the result as JSON.
  storage::DeterminationRecord record;
  record.transaction_date = *Date::Parse("2019-11-21");
  record.decision = "LICENSE_REQUIRED";
  record.requested_by = "applicant msft-exports";
  record.request_json = std::string(400, 'r');
  record.result_json = std::string(2400, 'a');
  const int n = static_cast<int>(options->Number("determinations"));
  std::vector<double> calls;
  calls.reserve(static_cast<std::size_t>(n));
  const auto all = Clock::now();
  for (int i = 0; i < n; ++i) {
    const auto start = Clock::now();
    auto ids = store.RecordDeterminations({record});
    calls.push_back(Seconds(start));
    if (!ids.ok()) {
      std::cerr << "storage_bench: " << ids.error().message << "\n";
      return 1;
    }
  }
  std::cout << "determination " << n / Seconds(all) << " records/s, "
            << Percentile(calls, 0.5) * 1e6 << " us median, " << Percentile(calls, 0.99) * 1e6
            << " us p99 (one record a transaction)\n";
  return 0;
}
