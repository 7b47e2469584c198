// The Parties page at scale (issue 15, item 7: the list with each party's status, for a
// master of up to 1,000,000 parties). Fills one organization's master through
// Store::UpsertParties (as an import stores it, without screening: the screening
// outcome is written as given), then times Store::ListPartyPage for each page shape
// the page offers: first, middle and last page, a rare and a common word, the parties
// with a match, those with an open alert. The peer in the same run is
// Store::ListParties, the whole master, which is what GET /api/parties read before it
// paged.
//
//   build/bench/party_page_bench --db=PATH_OR_URL [--parties=100000] [--fill=1]
//     [--repeats=10] [--organization=bench]
//
// External ids are P0000001, P0000002, ...: the ids alerts_paging_bench gives its
// 40,000 parties, so a database it filled first has open alerts on those parties
// (bench/party_page_bench.sh runs both). One party in 500 carries a match.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "bench_options.h"
#include "coined_words.h"
#include "latency.h"
#include "machine_state.h"
#include "rng.h"
#include "thread_cpu_time.h"
#include "tollgate/parties/party_page.h"
#include "tollgate/storage/store.h"

namespace {

using namespace tollgate;
using Clock = std::chrono::steady_clock;

constexpr const char* kTrades[] = {"Trading",   "Logistics",  "Electronics", "Shipping",
                                   "Machinery", "Industries", "Holdings",    "Components"};
constexpr const char* kForms[] = {"Co., Ltd.", "GmbH", "LLC", "S.A.", "Pte. Ltd."};
constexpr const char* kCountries[] = {"CN", "DE", "US", "AE", "SG", "TR", "IN", "BR"};

std::string ExternalId(std::int64_t n) {
  char text[24];
  std::snprintf(text, sizeof text, "P%07lld", static_cast<long long>(n));
  return text;
}

parties::Party MakeParty(std::int64_t n, bench::Rng& rng) {
  parties::Party p;
  p.external_id = ExternalId(n);
  p.name = bench::CoinedWord(rng) + " " + kTrades[rng.Below(std::size(kTrades))] + " " +
           kForms[rng.Below(std::size(kForms))];
  p.country = kCountries[rng.Below(std::size(kCountries))];
  p.address = std::to_string(1 + rng.Below(400)) + " Harbour Road";
  p.screening.screened_at = "2026-12-07T00:00:00Z";
  p.screening.as_of = "2026-12-07";
  if (n % 500 == 0) {
    p.screening.hits = 1;
    p.screening.top_score = 0.93;
    p.screening.matches = {{{"list", "SDN"}, {"entry_id", "bench"}, {"score", 0.93}}};
  }
  return p;
}

// Returns a word of a party's name that is rare in the master (its coined word).
Result<std::string> Fill(storage::Store& store, const std::string& organization,
                         std::int64_t count) {
  bench::Rng rng(15);
  const storage::ChangeStamp stamp{"system bench", "2026-12-07T00:00:00Z"};
  const auto start = Clock::now();
  std::string rare;
  for (std::int64_t first = 1; first <= count; first += 10000) {
    std::vector<parties::Party> block;
    for (std::int64_t n = first; n < first + 10000 && n <= count; ++n) {
      block.push_back(MakeParty(n, rng));
    }
    if (rare.empty())
      rare = block[block.size() / 2].name.substr(0, block[block.size() / 2].name.find(' '));
    auto stored = store.UpsertParties(organization, std::move(block), stamp);
    if (!stored.ok()) return stored.error();
  }
  std::cout << "filled " << count << " parties in "
            << std::chrono::duration<double>(Clock::now() - start).count() << " s\n";
  return rare;
}

struct Case {
  std::string label;
  parties::PageFilter filter;
};

std::vector<Case> Cases(const std::string& organization, std::int64_t count,
                        const std::string& rare) {
  const auto page = [&](std::string text, parties::Show show, std::int64_t number) {
    return parties::PageFilter{organization, std::move(text), show, number, 50};
  };
  const std::int64_t last = (count + 49) / 50;
  return {
      {"page 1", page("", parties::Show::kAll, 1)},
      {"page " + std::to_string(last / 2), page("", parties::Show::kAll, last / 2)},
      {"last page " + std::to_string(last), page("", parties::Show::kAll, last)},
      {"q=" + rare + " (a rare word)", page(rare, parties::Show::kAll, 1)},
      {"q=logistics (a word of 1 name in 8)", page("logistics", parties::Show::kAll, 1)},
      {"q=logistics, page 100", page("logistics", parties::Show::kAll, 100)},
      {"show=hits", page("", parties::Show::kWithMatch, 1)},
      {"show=open", page("", parties::Show::kWithOpenAlert, 1)},
      {"show=open, page 100", page("", parties::Show::kWithOpenAlert, 100)},
      {"q=trading&show=open", page("trading", parties::Show::kWithOpenAlert, 1)},
  };
}

}  // namespace

int main(int argc, char** argv) {
  auto options = bench::BenchOptions::Parse(argc, argv,
                                            {{"db", ""},
                                             {"parties", "100000"},
                                             {"fill", "1"},
                                             {"repeats", "10"},
                                             {"organization", "bench"}});
  if (!options.ok()) {
    std::cerr << "party_page_bench: " << options.error().message << "\n";
    return 2;
  }
  const std::string db = options->Text("db");
  if (db.empty()) {
    std::cerr << "party_page_bench: --db=PATH_OR_URL is needed\n";
    return 2;
  }
  auto opened = storage::OpenStore(db);
  if (!opened.ok()) {
    std::cerr << "party_page_bench: " << opened.error().message << "\n";
    return 1;
  }
  storage::Store& store = **opened;
  const std::string organization = options->Text("organization");
  const auto count = static_cast<std::int64_t>(options->Number("parties"));
  std::string rare = "ZZZ";
  if (options->Number("fill") != 0) {
    auto filled = Fill(store, organization, count);
    if (!filled.ok()) {
      std::cerr << "party_page_bench: " << filled.error().message << "\n";
      return 1;
    }
    rare = *filled;
  }
  const int repeats = static_cast<int>(options->Number("repeats"));
  std::cout << "party_page_bench: " << (storage::IsPostgresUrl(db) ? "PostgreSQL" : "SQLite")
            << ", Store::ListPartyPage, " << count << " parties, " << repeats
            << " requests a case; load average " << bench::LoadAverage() << "\n";
  // Wall: what a caller waits. This thread's CPU: what the request costs on SQLite (the
  // database runs in this thread), whatever else the machine runs.
  std::printf("%-44s %8s %5s %9s %9s %9s\n", "case", "total", "rows", "p50 ms", "max ms",
              "CPU p50");
  const auto time_it = [&](const std::string& label, int times, auto&& call) {
    std::vector<std::int64_t> wall;
    std::vector<std::int64_t> cpu;
    std::int64_t total = 0;
    std::size_t rows = 0;
    for (int i = 0; i < times; ++i) {
      const auto start = Clock::now();
      const auto cpu_start = bench::ThreadCpuNanoseconds();
      if (!call(total, rows)) return false;
      wall.push_back(
          std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
      cpu.push_back(bench::ThreadCpuNanoseconds() - cpu_start);
    }
    const auto w = bench::Summarize(std::move(wall));
    const auto t = bench::Summarize(std::move(cpu));
    std::printf("%-44s %8lld %5zu %9.2f %9.2f %9.2f\n", label.c_str(),
                static_cast<long long>(total), rows, w.p50_us / 1e3, w.max_us / 1e3,
                t.p50_us / 1e3);
    std::fflush(stdout);
    return true;
  };
  for (const auto& c : Cases(organization, count, rare)) {
    const bool ok = time_it(c.label, repeats, [&](std::int64_t& total, std::size_t& rows) {
      auto got = store.ListPartyPage(c.filter);
      if (!got.ok()) {
        std::cerr << "party_page_bench: " << c.label << ": " << got.error().message << "\n";
        return false;
      }
      total = got->total;
      rows = got->parties.size();
      return true;
    });
    if (!ok) return 1;
  }
  // The peer: the whole master, as the unpaged GET /api/parties read it.
  const bool ok = time_it("peer: ListParties (the whole master)", 2,
                          [&](std::int64_t& total, std::size_t& rows) {
                            auto all = store.ListParties(organization);
                            if (!all.ok()) {
                              std::cerr << "party_page_bench: " << all.error().message << "\n";
                              return false;
                            }
                            total = static_cast<std::int64_t>(all->size());
                            rows = 0;
                            return true;
                          });
  return ok ? 0 : 1;
}
