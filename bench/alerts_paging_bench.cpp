// The alert queue's pages at scale (issue 15: "the alert queue with 100,000 alerts pages
// in <= 50 ms per request on SQLite and on PostgreSQL"). Fills one organization's queue
// with real alerts written through Store::WriteAlerts (each with its audit record, as
// an import opens them), then times Store::ListAlerts for every page shape the queue
// offers: the first page, deep pages, each filter and each sort. bench/alerts_paging
// _bench.sh runs it and then asks a real `tollgate serve` the same pages over HTTP.
//
//   build/bench/alerts_paging_bench --db=PATH_OR_URL [--alerts=100000] [--fill=1]
//     [--repeats=20] [--organization=bench] [--cases=FILE]
//
// --fill=0 times an already filled database. The alerts are spread as a real queue
// is: over the entries of the real OFAC SDN and UN lists (../shared/data/lists), 40,000
// parties (one to five alerts each), three states (70% open, 20% decided, 10% closed),
// scores 0.85-1.0, 20 assignees (half the alerts nobody's), opened over 100 days.
// --cases=FILE writes each case's query string, one a line, for the HTTP part.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "bench_options.h"
#include "latency.h"
#include "machine_state.h"
#include "test_paths.h"
#include "thread_cpu_time.h"
#include "tollgate/alerts/alert.h"
#include "tollgate/lists/format.h"
#include "tollgate/rules/determination.h"
#include "tollgate/storage/store.h"

namespace {

using namespace tollgate;
using Clock = std::chrono::steady_clock;

constexpr int kParties = 40000;
constexpr int kAssignees = 20;

double Millis(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

std::string ExternalId(int party) {
  char text[16];
  std::snprintf(text, sizeof text, "P%07d", party);
  return text;
}

std::string Assignee(int n) { return "analyst" + std::to_string(n); }

// One alert as OpenForParties writes it: the party and entry facts, a forward match.
alerts::Alert MakeAlert(const std::string& organization, int party, const lists::ListEntry& entry,
                        std::mt19937_64& rng) {
  parties::Party p;
  p.id = party;
  p.organization = organization;
  p.external_id = ExternalId(party);
  p.name = entry.name + " Trading";
  p.country = entry.addresses.empty() ? "DE" : entry.addresses.front().country;
  p.revision = 1;
  rules::ScreeningHit hit;
  hit.role = rules::PartyRole::kEndUser;
  hit.party = p.name;
  hit.list = entry.list;
  hit.entry_id = entry.entry_id;
  hit.entry_name = entry.name;
  hit.matched_name = entry.name;
  hit.score = 0.85 + 0.15 * std::uniform_real_distribution<double>(0, 1)(rng);
  hit.effect = "review";
  hit.explanation = "all " + std::to_string(1 + party % 4) +
                    " words of the entry's name found in the query; 1 extra query word";
  alerts::Alert a;
  a.organization = organization;
  a.party_id = party;
  a.party_external_id = p.external_id;
  a.party_name = p.name;
  a.party_revision = 1;
  a.list = entry.list;
  a.entry_id = entry.entry_id;
  a.entry_name = entry.name;
  a.feed = entry.list == "SDN" ? "ofac-sdn" : "un";
  a.list_version = entry.list == "SDN" ? 1 : 2;
  a.score = std::round(hit.score * 10000) / 10000;
  a.match = rules::ToJson(hit);
  a.party_facts = alerts::PartyFacts(p);
  a.entry_facts = alerts::EntryFacts(entry);
  const auto roll = std::uniform_int_distribution<int>(0, 9)(rng);
  if (roll >= 9) {
    a.state = alerts::State::kClosed;
  } else if (roll >= 7) {
    a.state = alerts::State::kDecided;
    a.disposition =
        roll == 7 ? alerts::Disposition::kFalsePositive : alerts::Disposition::kTrueMatch;
    a.comment = "checked against the customer file";
    a.decided_by = "applicant " + Assignee(party % kAssignees);
    a.decided_at = "2026-11-30T12:00:00Z";
  }
  if (std::uniform_int_distribution<int>(0, 1)(rng) == 1) {
    a.assignee = Assignee(static_cast<int>(rng() % kAssignees));
  }
  // Opened over 100 days: the oldest first, as a queue grows.
  const int day = 1 + static_cast<int>(rng() % 100);
  char opened[32];
  std::snprintf(opened, sizeof opened, "2026-%02d-%02dT%02d:%02d:00Z", 8 + (day - 1) / 28,
                1 + (day - 1) % 28, static_cast<int>(rng() % 24), static_cast<int>(rng() % 60));
  a.opened_at = opened;
  return a;
}

struct Case {
  std::string label;
  alerts::Filter filter;
};

std::string QueryString(const alerts::Filter& f) {
  std::string q = "sort=" + f.sort + "&page=" + std::to_string(f.page) +
                  "&per_page=" + std::to_string(f.per_page);
  if (f.state) q += std::string("&state=") + alerts::StateName(*f.state);
  if (!f.list.empty()) q += "&list=" + f.list;
  if (f.min_score > 0) q += "&min_score=" + std::to_string(f.min_score).substr(0, 4);
  if (!f.party.empty()) q += "&party=" + f.party;
  if (!f.assignee.empty()) q += "&assignee=" + f.assignee;
  return q;
}

std::vector<Case> Cases(const std::string& organization, std::int64_t alerts) {
  const auto base = [&](std::string sort, std::int64_t page) {
    alerts::Filter f;
    f.organization = organization;
    f.sort = std::move(sort);
    f.page = page;
    return f;
  };
  const std::int64_t last = (alerts + 49) / 50;
  std::vector<Case> out;
  for (const char* sort : {"-score", "score", "id", "-id", "opened_at", "-opened_at"}) {
    out.push_back({std::string("sort ") + sort + ", page 1", base(sort, 1)});
    out.push_back(
        {std::string("sort ") + sort + ", page " + std::to_string(last / 2), base(sort, last / 2)});
  }
  out.push_back({"sort -score, last page " + std::to_string(last), base("-score", last)});
  auto f = base("-score", 1);
  f.state = alerts::State::kOpen;
  out.push_back({"state=open, page 1", f});
  f.page = 1000;
  out.push_back({"state=open, page 1000", f});
  f = base("-score", 1);
  f.state = alerts::State::kDecided;
  out.push_back({"state=decided, page 1", f});
  f.page = 300;
  out.push_back({"state=decided, page 300", f});
  f = base("-score", 1);
  f.list = "UN";
  out.push_back({"list=UN, page 1", f});
  f.page = 100;
  out.push_back({"list=UN, page 100", f});
  f = base("-score", 1);
  f.min_score = 0.95;
  out.push_back({"min_score=0.95, page 1", f});
  f.page = 500;
  out.push_back({"min_score=0.95, page 500", f});
  f = base("-score", 1);
  f.party = ExternalId(kParties / 2);
  out.push_back({"party=" + f.party, f});
  f = base("-score", 1);
  f.assignee = Assignee(7);
  out.push_back({"assignee=" + f.assignee + ", page 1", f});
  f.page = 40;
  out.push_back({"assignee=" + f.assignee + ", page 40", f});
  f = base("-score", 1);
  f.state = alerts::State::kOpen;
  f.list = "SDN";
  f.min_score = 0.9;
  f.assignee = Assignee(3);
  out.push_back({"state=open&list=SDN&min_score=0.9&assignee=analyst3", f});
  f = base("opened_at", 1);
  f.state = alerts::State::kOpen;
  f.per_page = alerts::kMaxPerPage;
  out.push_back({"state=open, sort opened_at, per_page 500", f});
  return out;
}

int Fill(storage::Store& store, const std::string& organization, std::int64_t count) {
  std::vector<lists::ListEntry> entries;
  for (const char* file : {TOLLGATE_SHARED_DATA "/lists/ofac_sdn_2024-05-01.csv",
                           TOLLGATE_SHARED_DATA "/lists/un_consolidated_2026-02.xml"}) {
    // The SDN file is read without its alias and address files (as --primary-only).
    auto parsed = lists::ReadListFile(file);
    if (!parsed.ok()) {
      std::cerr << "alerts_paging_bench: " << parsed.error().message << "\n";
      return 1;
    }
    std::move(parsed->entries.begin(), parsed->entries.end(), std::back_inserter(entries));
  }
  std::mt19937_64 rng(15);
  const storage::ChangeStamp stamp{"system bench", "2026-12-07T00:00:00Z"};
  const auto start = Clock::now();
  std::int64_t written = 0;
  int party = 1;
  std::size_t next_entry = 0;
  while (written < count) {
    std::vector<storage::AlertWrite> batch;
    while (batch.size() < 2000 && written + static_cast<std::int64_t>(batch.size()) < count) {
      // One to five alerts a party, each on another entry (the UNIQUE key).
      const int alerts_of_party = 1 + static_cast<int>(rng() % 5);
      for (int k = 0; k < alerts_of_party; ++k) {
        next_entry = (next_entry + 1 + rng() % 7) % entries.size();
        batch.push_back(
            {MakeAlert(organization, party, entries[next_entry], rng), "alert.open", std::nullopt});
      }
      party = party % kParties + 1;
    }
    const auto room = static_cast<std::size_t>(count - written);
    if (batch.size() > room)
      batch.erase(batch.begin() + static_cast<std::ptrdiff_t>(room), batch.end());
    auto done = store.WriteAlerts(std::move(batch), stamp);
    if (!done.ok()) {
      std::cerr << "alerts_paging_bench: " << done.error().message << "\n";
      return 1;
    }
    written += static_cast<std::int64_t>(done->size());
  }
  std::cout << "filled " << written << " alerts (with their audit records) in "
            << Millis(start) / 1000 << " s\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  auto options = bench::BenchOptions::Parse(argc, argv,
                                            {{"db", ""},
                                             {"alerts", "100000"},
                                             {"fill", "1"},
                                             {"repeats", "20"},
                                             {"organization", "bench"},
                                             {"cases", ""}});
  if (!options.ok()) {
    std::cerr << "alerts_paging_bench: " << options.error().message << "\n";
    return 2;
  }
  const std::string db = options->Text("db");
  if (db.empty()) {
    std::cerr << "alerts_paging_bench: --db=PATH_OR_URL is needed\n";
    return 2;
  }
  auto opened = storage::OpenStore(db);
  if (!opened.ok()) {
    std::cerr << "alerts_paging_bench: " << opened.error().message << "\n";
    return 1;
  }
  storage::Store& store = **opened;
  const std::string organization = options->Text("organization");
  const auto count = static_cast<std::int64_t>(options->Number("alerts"));
  if (options->Number("fill") != 0) {
    if (int rc = Fill(store, organization, count); rc != 0) return rc;
  }
  const auto cases = Cases(organization, count);
  if (!options->Text("cases").empty()) {
    std::ofstream out(options->Text("cases"));
    for (const auto& c : cases) out << c.label << "\t" << QueryString(c.filter) << "\n";
  }
  const int repeats = static_cast<int>(options->Number("repeats"));
  std::cout << "alerts_paging_bench: " << (storage::IsPostgresUrl(db) ? "PostgreSQL" : "SQLite")
            << ", Store::ListAlerts, " << repeats << " requests a case; load average "
            << bench::LoadAverage() << "\n";
  // The wall time is what a caller waits; this thread's CPU time is what the request
  // costs on SQLite (the database runs in this thread), whatever else the machine runs.
  std::printf("%-56s %8s %7s %9s %9s %9s %9s\n", "case", "total", "rows", "p50 ms", "p99 ms",
              "max ms", "CPU p50");
  double worst = 0;
  for (const auto& c : cases) {
    std::vector<std::int64_t> wall;
    std::vector<std::int64_t> cpu;
    alerts::Page page;
    for (int i = 0; i < repeats; ++i) {
      const auto start = Clock::now();
      const auto cpu_start = bench::ThreadCpuNanoseconds();
      auto got = store.ListAlerts(c.filter);
      wall.push_back(
          std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
      cpu.push_back(bench::ThreadCpuNanoseconds() - cpu_start);
      if (!got.ok()) {
        std::cerr << "alerts_paging_bench: " << c.label << ": " << got.error().message << "\n";
        return 1;
      }
      page = std::move(got).value();
    }
    const auto w = bench::Summarize(std::move(wall));
    const auto t = bench::Summarize(std::move(cpu));
    worst = std::max(worst, w.p50_us / 1e3);
    std::printf("%-56s %8lld %7zu %9.2f %9.2f %9.2f %9.2f\n", c.label.c_str(),
                static_cast<long long>(page.total), page.alerts.size(), w.p50_us / 1e3,
                w.p99_us / 1e3, w.max_us / 1e3, t.p50_us / 1e3);
    std::fflush(stdout);
  }
  std::printf("slowest case's median: %.2f ms (target <= 50 ms a request)\n", worst);
  return 0;
}
