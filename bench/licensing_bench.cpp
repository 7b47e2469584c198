// Licensing at scale: transitions per second through licensing::Workflow, and the time
// of the reports (reports/) over a store holding many applications, on SQLite or on a
// PostgreSQL server. A small harness, not Google Benchmark: filling the store is the
// expensive part and is done once.
//
//   build/bench/licensing_bench --db=PATH_OR_URL [--applications=100000]
//
// The store is filled through the Workflow (as the CLI would): each application is
// filed (a draft, a control number, the submission), registered, and two in three are
// decided (approved, or sent a notice of intent to deny), dated across 21 May to
// 20 Nov 2019. Then, timed:
//   transitions   2,000 referrals of registered applications via Workflow::Transition
//                 (read, Apply, write with the timeline entry and the audit record in
//                 one transaction), when the store holds 2,000 applications and again
//                 at the end
//   report stats  LoadHistories (every application and every timeline entry) and
//                 ComputeStats as of 2019-11-20, three times
//   criteria      ComputeCriteriaReport over the loaded histories, three times
//   peer          the database counting current states itself
//                 (SELECT state, COUNT(*) FROM applications GROUP BY state): what a
//                 report without as-of dates or clocks costs
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "bench_options.h"
#include "machine_state.h"
#include "tollgate/licensing/workflow.h"
#include "tollgate/reports/criteria_report.h"
#include "tollgate/reports/history.h"
#include "tollgate/reports/stats.h"

namespace {

using namespace tollgate;
using Clock = std::chrono::steady_clock;

constexpr int kTimedTransitions = 2000;
constexpr int kOrganizations = 50;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

licensing::Application Form(int i, const std::string& organization) {
  licensing::Application a;
  a.organization = organization;
  a.applicant = {"Benchmark Exporter " + organization, "1 Bench Way, Anytown, CA", "US"};
  a.contact = {"Export desk", "+1 555 0100", "exports@example.com"};
  a.ultimate_consignee = {"Huawei Technologies Co., Ltd.", "Bantian, Shenzhen", "CN"};
  a.end_use = "Manufacture of smartphones";
  a.destination = "CN";
  const std::int64_t quantity = 100 + i % 1000;
  a.items = {{"5A991.b", "RF front-end modules", quantity, "ea", 450, quantity * 450 / 100}};
  return a;
}

struct Fill {
  explicit Fill(storage::Store& s) : store(s) {}
  storage::Store& store;
  licensing::FixedClock clock{Date::FromYmd(2019, 5, 21).value()};
  licensing::CriteriaCatalog catalog;
  std::unique_ptr<licensing::Workflow> workflow;
  std::vector<licensing::User> applicants;
  licensing::User officer{"bench-officer", licensing::Role::kReviewer, "", std::nullopt};
  std::vector<std::string> registered;  // control numbers left registered
  long long writes = 0;
};

bool Check(const Status& s, const char* what) {
  if (s.ok()) return true;
  std::cerr << "licensing_bench: " << what << ": " << s.error().message << "\n";
  return false;
}

bool AddApplications(Fill& f, int from, int to, int total) {
  for (int i = from; i < to; ++i) {
    f.clock.Set(Date::FromYmd(2019, 5, 21).value().AddDays(static_cast<int>(183LL * i / total)));
    const auto& applicant = f.applicants[i % f.applicants.size()];
    auto filed = f.workflow->Submit(applicant, Form(i, applicant.organization));
    if (!Check(filed.ok() ? Status() : Status(filed.error()), "submit")) return false;
    licensing::Event event;
    event.kind = licensing::EventKind::kRegister;
    auto reg = f.workflow->Transition(f.officer, filed->control_number, event);
    if (!Check(reg.ok() ? Status() : Status(reg.error()), "register")) return false;
    f.writes += 3;
    if (i % 3 == 2) {
      f.registered.push_back(filed->control_number);
      continue;
    }
    event.kind = i % 3 == 0 ? licensing::EventKind::kApprove : licensing::EventKind::kIntentToDeny;
    event.criteria = {i % 3 == 0 ? "mass_market" : "presumption_of_denial"};
    event.text = "benchmark decision";
    auto decided = f.workflow->Transition(f.officer, filed->control_number, event);
    if (!Check(decided.ok() ? Status() : Status(decided.error()), "decide")) return false;
    ++f.writes;
  }
  return true;
}

// Refers kTimedTransitions registered applications; returns transitions per second.
double TimedReferrals(Fill& f) {
  licensing::Event refer;
  refer.kind = licensing::EventKind::kRefer;
  refer.agencies = {licensing::Agency::kDefense};
  const int n = std::min<int>(kTimedTransitions, static_cast<int>(f.registered.size()));
  const auto start = Clock::now();
  for (int k = 0; k < n; ++k) {
    auto done = f.workflow->Transition(f.officer, f.registered.back(), refer);
    if (!done.ok()) {
      std::cerr << "licensing_bench: refer: " << done.error().message << "\n";
      return 0;
    }
    f.registered.pop_back();
  }
  return n / Seconds(start);
}

// The peer: the database counting current states.
double GroupByStateSeconds(const std::string& db) {
  const char* sql = "SELECT state, COUNT(*) FROM applications GROUP BY state";
  const auto start = Clock::now();
  long long total = 0;
  if (db.starts_with("postgres")) {
    PGconn* conn = PQconnectdb(db.c_str());
    PGresult* r = PQexec(conn, sql);
    for (int i = 0; i < PQntuples(r); ++i) total += std::atoll(PQgetvalue(r, i, 1));
    PQclear(r);
    PQfinish(conn);
  } else {
    sqlite3* conn = nullptr;
    sqlite3_open(db.starts_with("sqlite:") ? db.c_str() + 7 : db.c_str(), &conn);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(conn, sql, -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW) total += sqlite3_column_int64(stmt, 1);
    sqlite3_finalize(stmt);
    sqlite3_close(conn);
  }
  const double seconds = Seconds(start);
  if (total == 0) std::cerr << "licensing_bench: the peer counted nothing\n";
  return seconds;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  auto options = bench::BenchOptions::Parse(argc, argv, {{"db", ""}, {"applications", "100000"}});
  if (!options.ok()) {
    std::cerr << "licensing_bench: " << options.error().message << "\n";
    return 2;
  }
  const std::string db = options->Text("db");
  const int total = static_cast<int>(options->Number("applications"));
  if (db.empty() || total < 2 * kTimedTransitions * 3) {
    std::cerr << "licensing_bench: --db=PATH_OR_URL (a new database) and --applications of at "
                 "least "
              << 2 * kTimedTransitions * 3 << " are needed\n";
    return 2;
  }
  auto opened = storage::OpenStore(db);
  if (!opened.ok()) {
    std::cerr << "licensing_bench: " << opened.error().message << "\n";
    return 1;
  }
  auto criteria_path = licensing::ShippedCriteriaPath();
  if (!criteria_path.ok()) {
    std::cerr << "licensing_bench: " << criteria_path.error().message << "\n";
    return 1;
  }
  auto catalog = licensing::LoadCriteria(*criteria_path);
  if (!catalog.ok()) return 1;
  Fill f(**opened);
  f.catalog = *catalog;
  f.workflow = std::make_unique<licensing::Workflow>(f.store, f.clock, f.catalog);
  const storage::ChangeStamp setup{"system bench", "2019-05-20T00:00:00Z"};
  for (int o = 0; o < kOrganizations; ++o) {
    const std::string id = "bench-" + std::to_string(o);
    if (!Check(f.store.AddOrganization({id, "Benchmark Exporter " + id}, setup), "organization")) {
      return 1;
    }
    f.applicants.push_back({id + "-exports", licensing::Role::kApplicant, id, std::nullopt});
  }
  const bool postgres = db.starts_with("postgres");
  std::cout << "licensing_bench: " << (postgres ? "PostgreSQL" : "SQLite") << ", " << total
            << " applications; load average " << bench::LoadAverage() << "\n";

  const int first = 3 * kTimedTransitions;
  auto start = Clock::now();
  if (!AddApplications(f, 0, first, total)) return 1;
  const double small_rate = TimedReferrals(f);
  if (!AddApplications(f, first, total, total)) return 1;
  const double fill_seconds = Seconds(start);
  std::printf("fill: %d applications, %lld writes in %.1f s: %.0f writes/s (Submit is 3)\n", total,
              f.writes, fill_seconds, f.writes / fill_seconds);
  const double large_rate = TimedReferrals(f);
  std::printf(
      "transitions (Workflow::Transition, refer): %.0f/s at %d applications, %.0f/s at %d\n",
      small_rate, first, large_rate, total);

  std::vector<double> load, stats, criteria, peer;
  licensing::User reviewer{"bench-reviewer", licensing::Role::kReviewer, "", std::nullopt};
  const Date as_of = Date::FromYmd(2019, 11, 20).value();
  for (int run = 0; run < 3; ++run) {
    start = Clock::now();
    auto histories = reports::LoadHistories(f.store);
    if (!histories.ok()) return 1;
    load.push_back(Seconds(start));
    start = Clock::now();
    const auto s = reports::ComputeStats(*histories, as_of);
    stats.push_back(Seconds(start));
    start = Clock::now();
    const auto c =
        reports::ComputeCriteriaReport(*histories, reviewer, f.catalog, std::nullopt, as_of);
    criteria.push_back(Seconds(start));
    peer.push_back(GroupByStateSeconds(db));
    if (run == 0) {
      std::printf(
          "report figures: received %d, processed %d, approved %d, in review %d; %zu "
          "decisions in the criteria report\n",
          s.received, s.processed, s.approved, s.in_review, c.decisions.size());
    }
  }
  std::printf(
      "report (median of 3): load histories %.2f s, stats %.2f s, criteria %.2f s; "
      "peer GROUP BY state %.3f s\n",
      Median(load), Median(stats), Median(criteria), Median(peer));
  std::cout << "load average at the end " << bench::LoadAverage() << "\n";
  return 0;
}
