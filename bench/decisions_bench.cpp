// What applying an organization's dispositions costs a determination (issue 15, item
// 4): POST /api/check reads the applicant's decided alerts on every request, so that a
// decision made a moment ago (on this server or another) counts at once. Measured
// against its peer in the same run: the same determination without dispositions.
//
//   build/bench/decisions_bench --db=NEW_PATH_OR_URL [--rounds=300]
//
// For 0, 10, 100 and 1,000 decided alerts of the organization (false positives on
// parties that the transaction does not name, plus one on the party it names):
//   read        alerts::DecisionsOf(store, org): reading them all, median and p99
//   cached      alerts::DecisionCache::For: what POST /api/check pays per request (one
//               read of the organization's revision while nothing changed)
//   determine   Engine::Determine with those dispositions (after the cached read), and
//               without (the peer): their ratio is the cost of item 4 per request
// The list is the real CSL sample of 2019; the transaction names a party of it
// ("Gazprombank", two SSI matches, one cleared). Engine memo hits, as for a party
// named again and again.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "bench_options.h"
#include "machine_state.h"
#include "test_paths.h"
#include "tollgate/alerts/decisions.h"
#include "tollgate/lists/format.h"
#include "tollgate/rules/engine.h"
#include "tollgate/rules/locate.h"
#include "tollgate/storage/store.h"

namespace {

using namespace tollgate;
using Clock = std::chrono::steady_clock;

double Micros(Clock::time_point since) {
  return std::chrono::duration<double, std::micro>(Clock::now() - since).count();
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

alerts::Alert Decided(int i, const std::string& name, const std::string& entry_id) {
  alerts::Alert a;
  a.organization = "bench";
  a.party_id = i + 1;
  a.party_external_id = "P-" + std::to_string(i);
  a.party_name = name;
  a.party_revision = 1;
  a.list = "SSI";
  a.entry_id = entry_id;
  a.entry_name = "entry " + entry_id;
  a.feed = "csl";
  a.list_version = 1;
  a.score = 0.9;
  a.match = {{"party", name}, {"explanation", "written by the benchmark"}};
  a.state = alerts::State::kDecided;
  a.disposition = alerts::Disposition::kFalsePositive;
  a.comment = "not the listed party";
  a.decided_by = "applicant bench";
  a.decided_at = "2026-12-07T00:00:00Z";
  a.party_facts = {{"name", name}, {"aliases", nlohmann::json::array()}, {"country", "RU"}};
  a.entry_facts = nlohmann::json::object();
  return a;
}

int Fail(const std::string& message) {
  std::cerr << "decisions_bench: " << message << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  auto options = bench::BenchOptions::Parse(argc, argv, {{"db", ""}, {"rounds", "300"}});
  if (!options.ok()) return Fail(options.error().message);
  const std::string db = options->Text("db");
  if (db.empty()) return Fail("--db=PATH_OR_URL (a new database) is needed");
  const int rounds = static_cast<int>(options->Number("rounds"));
  auto parsed = lists::ReadListFile(TOLLGATE_SHARED_DATA "/lists/csl_sample_2019.csv");
  if (!parsed.ok()) return Fail(parsed.error().message);
  auto rules = rules::LoadRulesAt(TOLLGATE_SOURCE_DIR "/data/rules");
  if (!rules.ok()) return Fail(rules.error().message);
  auto opened = storage::OpenStore(db);
  if (!opened.ok()) return Fail(opened.error().message);
  storage::Store& store = **opened;
  const storage::ChangeStamp stamp{"system bench", "2026-12-07T00:00:00Z"};
  storage::ListVersion version;
  version.feed = "csl";
  version.format = "csl-csv";
  version.as_of = *Date::Parse("2019-05-21");
  version.imported_at = stamp.timestamp;
  version.file_name = "csl_sample_2019.csv";
  version.sha256 = std::string(64, 'c');
  if (auto added = store.AddListVersion(version, parsed->entries, stamp); !added.ok()) {
    return Fail(added.error().message);
  }
  if (auto s = store.AddOrganization({"bench", "Bench Corporation"}, stamp); !s.ok()) {
    return Fail(s.error().message);
  }
  std::cout << "decisions_bench: " << (db.starts_with("postgres") ? "PostgreSQL" : "SQLite") << ", "
            << rounds << " rounds; load average " << bench::LoadAverage() << "\n";

  rules::Engine engine(*rules, store);
  rules::Transaction tx;
  tx.items.push_back({"EAR99", std::nullopt, std::nullopt});
  tx.destination = "RU";
  tx.date = *Date::Parse("2019-06-01");
  tx.parties.push_back({rules::PartyRole::kUltimateConsignee, "Gazprombank", ""});

  int written = 0;
  alerts::DecisionCache cache;
  std::cout << "decided  read median/p99 (us)  cached median/p99 (us)  determine without / "
               "cached+with (us)  ratio\n";
  for (int decided : {0, 10, 100, 1000}) {
    std::vector<storage::AlertWrite> writes;
    for (; written < decided; ++written) {
      // The first is the transaction's own party; the rest are other parties of the master.
      writes.push_back(
          written == 0 ? storage::AlertWrite{Decided(0, "Gazprombank", "20312"), "alert.decide",
                                             std::nullopt}
                       : storage::AlertWrite{
                             Decided(written, "Trading House " + std::to_string(written), "17016"),
                             "alert.decide", std::nullopt});
    }
    if (auto w = store.WriteAlerts(std::move(writes), stamp); !w.ok()) {
      return Fail(w.error().message);
    }
    std::vector<double> reads, cached, without, with;
    // One loop each: reading every decided alert evicts what the others keep in cache.
    for (int r = 0; r < rounds; ++r) {
      auto start = Clock::now();
      auto read = alerts::DecisionsOf(store, "bench");
      reads.push_back(Micros(start));
      if (!read.ok()) return Fail(read.error().message);
    }
    for (int r = 0; r < rounds; ++r) {
      auto start = Clock::now();
      auto plain = engine.Determine(tx);
      without.push_back(Micros(start));
      if (!plain.ok()) return Fail(plain.error().message);
    }
    for (int r = 0; r < rounds; ++r) {
      auto start = Clock::now();
      auto held = cache.For(store, "bench");
      if (!held.ok()) return Fail(held.error().message);
      cached.push_back(Micros(start));
      auto applied = engine.Determine(tx, nullptr, held->get());
      with.push_back(Micros(start));
      if (!applied.ok()) return Fail(applied.error().message);
    }
    const double w0 = Percentile(without, 0.5);
    const double w1 = Percentile(with, 0.5);
    std::cout << decided << "\t " << Percentile(reads, 0.5) << " / " << Percentile(reads, 0.99)
              << "\t  " << Percentile(cached, 0.5) << " / " << Percentile(cached, 0.99) << "\t  "
              << w0 << " / " << w1 << "\t" << w1 / w0 << "\n";
  }
  return 0;
}
