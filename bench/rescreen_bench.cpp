// Continuous screening's cost against the size of the change and of the master
// (issue 15, item 2): a list version's added or changed entries screened against a
// party master through the party index (alerts::ScreenEntries: the inverse lookup,
// then each candidate party screened forward), for 10, 100, 1,000 and 10,000 changed
// entries against 100,000 and 1,000,000 parties. The peer in the same run is the
// obvious way: every party screened forward (parties::BestHits), timed on a sample
// and scaled to the master.
//
// The list is the real OFAC SDN file of 2024-05-01 (../shared/data/lists; primary only,
// as the shared data holds it without its alias and address files), imported
// into a SQLite store in a temporary folder; the "changed" entries are its first N.
// The parties are generated names (bench/name_generator.h, seed 15), with one in
// 2,000 a listed name so that there are hits to find. The party index is built once
// per master size (its build time is reported apart: a server keeps it between
// versions, alerts::PartyIndexCache) from the parties stored in the same SQLite store
// (alerts::PartyIndexCache::Get, as a server builds it), so the figure includes
// reading the candidates back from the store by id; the alert writes are not in it
// (they are per alert, not per party). Putting the screenings on record (issue 15
// item 6: alerts::AnswerRecords, then history::RecordScreenings, in a committed transaction of the
// same store, as RescreenParties does inside the import) is timed apart, beside it.
//
// Usage: rescreen_bench [--parties 100000,1000000] [--changes 10,100,1000,10000]
//                       [--keep-db PATH]
// Storing the master (UpsertParties, an audit record a party) is the slow part of a
// run and is not timed; the store is a new one in the temporary folder each run, or
// a new file at PATH that is kept (for bench/party_index_bench.cpp to read).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "name_generator.h"
#include "test_paths.h"
#include "thread_cpu_time.h"
#include "tollgate/alerts/rescreen.h"
#include "tollgate/history/party_screening.h"
#include "tollgate/lists/import.h"
#include "tollgate/parties/import.h"
#include "tollgate/storage/unit_of_work.h"

namespace {

using namespace tollgate;
using Clock = std::chrono::steady_clock;

std::vector<std::size_t> Sizes(const char* text) {
  std::vector<std::size_t> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) out.push_back(std::stoull(item));
  return out;
}

double Ms(Clock::time_point from) {
  return std::chrono::duration<double, std::milli>(Clock::now() - from).count();
}

// This thread's CPU time since `from` (ThreadCpuNanoseconds), in ms: what the work
// cost, whatever else the machine runs.
double CpuMs(std::int64_t from) {
  return static_cast<double>(bench::ThreadCpuNanoseconds() - from) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> party_counts{100000, 1000000};
  std::vector<std::size_t> change_counts{10, 100, 1000, 10000};
  std::string keep;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--parties") == 0) party_counts = Sizes(argv[i + 1]);
    if (std::strcmp(argv[i], "--changes") == 0) change_counts = Sizes(argv[i + 1]);
    if (std::strcmp(argv[i], "--keep-db") == 0) keep = argv[i + 1];
  }
  const auto dir = std::filesystem::temp_directory_path() / "tollgate-rescreen-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  if (!keep.empty()) std::filesystem::remove(keep);
  auto store = storage::OpenStore(keep.empty() ? (dir / "bench.db").string() : keep);
  if (!store.ok()) return std::fprintf(stderr, "%s\n", store.error().message.c_str()), 1;
  lists::ImportOptions options;
  options.as_of = Date::Parse("2024-05-01").value();
  options.primary_only = true;  // the shared data holds the 2024 primary file alone
  const std::string list = std::string(TOLLGATE_SHARED_DATA) + "/lists/ofac_sdn_2024-05-01.csv";
  auto imported = lists::ImportListFile(**store, list, options);
  if (!imported.ok()) return std::fprintf(stderr, "%s\n", imported.error().message.c_str()), 1;
  auto entries = (*store)->LoadEntries(imported->version.id);
  auto loaded = rules::LoadRules(std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data" / "rules");
  if (!entries.ok() || !loaded.ok()) return 1;
  auto rules = std::make_shared<const rules::RuleSet>(std::move(loaded).value());
  rules::Engine engine(rules, **store);
  const Date as_of = *options.as_of;
  const double review = rules->list_rules.screening().review_threshold;
  const storage::ChangeStamp stamp{"system bench", "2024-05-01T00:00:00Z"};
  if (!(*store)->AddOrganization({"bench", "Bench Exports"}, stamp).ok()) return 1;
  std::printf("list: %s, %zu entries\n", list.c_str(), entries->size());

  // The master grows from one size to the next: the same generated names (seed 15),
  // the first N of them stored.
  const std::size_t most = *std::max_element(party_counts.begin(), party_counts.end());
  auto generated = bench::GenerateEntries(most, 15);
  std::vector<parties::Party> sample;  // the peer's first 2,000
  std::size_t stored = 0;
  for (std::size_t count : party_counts) {
    auto start = Clock::now();
    constexpr std::size_t kChunk = 50000;
    // A country each, as a master gives (parties_import_bench.sh's twelve).
    constexpr const char* kCountries[] = {"DE", "FR", "GB", "US", "JP", "KR",
                                          "IN", "BR", "CN", "AE", "SG", "NL"};
    for (; stored < count; stored += std::min(kChunk, count - stored)) {
      std::vector<parties::Party> chunk;
      for (std::size_t i = stored; i < std::min(stored + kChunk, count); ++i) {
        parties::Party p;
        p.external_id = "P" + std::to_string(i);
        p.name = i % 2000 == 0 ? (*entries)[(i / 2000) % entries->size()].name : generated[i].name;
        p.type = generated[i].type;
        p.country = kCountries[i % std::size(kCountries)];
        if (sample.size() < 2000) sample.push_back(p);
        chunk.push_back(std::move(p));
      }
      auto upserted = (*store)->UpsertParties("bench", std::move(chunk), stamp);
      if (!upserted.ok()) return std::fprintf(stderr, "%s\n", upserted.error().message.c_str()), 1;
    }
    std::printf("parties %zu: stored in %.0f s (not timed below)\n", count, Ms(start) / 1000);
    start = Clock::now();
    auto cpu = bench::ThreadCpuNanoseconds();
    alerts::PartyIndexCache cache;
    auto index = cache.Get(**store);
    if (!index.ok()) return std::fprintf(stderr, "%s\n", index.error().message.c_str()), 1;
    std::printf("  party index read and built in %.0f ms (%.0f ms CPU)\n", Ms(start), CpuMs(cpu));
    // Warm the engine's list index before timing, and wait for its skeleton index (built
    // on a thread of its own, which a name in Arabic script waits for): the process's
    // CPU below would otherwise count that build.
    (void)parties::BestHits(engine, sample[1], as_of);
    parties::Party arabic = sample[1];
    arabic.name = "\u0645\u062D\u0645\u062F \u0639\u0644\u064A";  // Muhammad Ali
    (void)parties::BestHits(engine, arabic, as_of);
    for (std::size_t changes : change_counts) {
      std::vector<const lists::ListEntry*> changed;
      for (std::size_t i = 0; i < changes && i < entries->size(); ++i) {
        changed.push_back(&(*entries)[i]);
      }
      start = Clock::now();
      // Every thread's CPU: ScreenEntries screens the candidates on every core.
      const auto process_cpu = bench::ProcessCpuNanoseconds();
      auto screened = alerts::ScreenEntries(**index, **store, engine, changed, as_of, review);
      const double cpu_ms = static_cast<double>(bench::ProcessCpuNanoseconds() - process_cpu) / 1e6;
      const double ms = Ms(start);
      if (!screened.ok()) return 1;
      std::printf(
          "  changed %5zu: %9.1f ms CPU (all threads), %9.1f ms wall  (%lld candidate parties, "
          "%zu hits)\n",
          changes, cpu_ms, ms, static_cast<long long>(screened->candidates), screened->hits.size());
      // The same answers put on record, as RescreenParties does inside the import.
      start = Clock::now();
      cpu = bench::ThreadCpuNanoseconds();
      std::int64_t rows = 0;
      {
        auto unit = storage::UnitOfWork::Begin(**store);
        if (!unit.ok()) return 1;
        const auto records = alerts::AnswerRecords(
            screened->answers, history::VersionsJson({imported->version}), as_of, stamp, review);
        auto ids = history::RecordScreenings(**store, records);
        if (!ids.ok() || !unit->Commit().ok()) return 1;
        rows = static_cast<std::int64_t>(ids->size());
      }
      const double record_cpu_ms = CpuMs(cpu);
      const double record_ms = Ms(start);
      std::printf(
          "  %13s  %9.1f ms CPU, %9.1f ms wall  recording them (%lld records, +%.1f%% CPU)\n", "",
          record_cpu_ms, record_ms, static_cast<long long>(rows),
          100.0 * record_cpu_ms / std::max(cpu_ms, 1e-9));
    }
    // The peer: every party forward, timed on 2,000 of them.
    cpu = bench::ThreadCpuNanoseconds();
    for (const auto& party : sample) (void)parties::BestHits(engine, party, as_of);
    const double per_party = CpuMs(cpu) / static_cast<double>(sample.size());
    std::printf("  peer, every party forward: %.3f ms CPU/party -> %.0f ms for %zu parties\n",
                per_party, per_party * static_cast<double>(count), count);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
