// tollgate_eval: measures the screening engine on the real lists (`make eval`).
// Detection on control names (every listed name and alias as published) and on
// manipulated names, false alerts per 1,000 clean names, precision and recall on
// labelled name pairs, index build time and single-thread query speed; then the
// development set of issue 16 (dev_set.h, bench/eval/README.md): names in original
// script, perturbations and false-alert traps per category, the pairs per group and
// script. Prints both tables and writes the same figures as JSON.
//
// Usage: tollgate_eval [DATA_DIR] [JSON_PATH]   (defaults: ../shared/data, build/eval.json)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "dev_set.h"
#include "eval_data.h"
#include "facts_set.h"
#include "thread_cpu_time.h"
#include "tollgate/screening/normalize.h"
#include "tollgate/screening/screening.h"

namespace tollgate::eval {
namespace {

using Clock = std::chrono::steady_clock;

// Per-query latency is measured in this thread's CPU time (thread_cpu_time.h).
double ThreadCpuMicros() { return static_cast<double>(bench::ThreadCpuNanoseconds()) / 1e3; }
constexpr std::uint64_t kSeed = 20190516;
constexpr std::size_t kPerCategory = 500;
constexpr std::size_t kCleanNames = 4000;
constexpr std::size_t kExamples = 4;
// Several versions of a list hold the same entry: look deeper than the default 10.
constexpr std::size_t kEvalLimit = 50;
// The slowest control and manipulated queries the JSON lists (speed.slowest).
constexpr std::size_t kSlowestShown = 100;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

struct Tally {
  std::size_t total = 0;
  std::size_t hits = 0;
  std::vector<std::string> examples;  // failures (or, for clean names, alerts), as printed
  std::vector<std::string> misses;    // every failure, for the JSON (manipulated names)
  double Rate() const { return total ? static_cast<double>(hits) / total : 0; }
};

struct Timer {
  std::vector<double> micros;
  std::vector<std::string> queries;  // parallel: what each query was, for Slowest
  void Add(double us, const std::string& query) {
    micros.push_back(us);
    queries.push_back(query);
  }
  void Append(const Timer& other) {
    micros.insert(micros.end(), other.micros.begin(), other.micros.end());
    queries.insert(queries.end(), other.queries.begin(), other.queries.end());
  }
  double Mean() const {
    double sum = 0;
    for (double m : micros) sum += m;
    return micros.empty() ? 0 : sum / micros.size();
  }
  double Percentile(double p) const {
    if (micros.empty()) return 0;
    std::vector<double> sorted = micros;
    const std::size_t k = std::min(sorted.size() - 1, static_cast<std::size_t>(p * sorted.size()));
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k), sorted.end());
    return sorted[k];
  }
  // The `count` slowest queries, slowest first: what the p99 is made of (JSON only).
  nlohmann::json Slowest(std::size_t count) const {
    std::vector<std::size_t> order(micros.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    count = std::min(count, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count),
                      order.end(),
                      [&](std::size_t a, std::size_t b) { return micros[a] > micros[b]; });
    nlohmann::json slowest = nlohmann::json::array();
    for (std::size_t k = 0; k < count; ++k) {
      slowest.push_back({{"us", micros[order[k]]}, {"query", queries[order[k]]}});
    }
    return slowest;
  }
};

class Evaluation {
 public:
  Evaluation(const std::vector<lists::ListEntry>& entries, const screening::Index& index)
      : entries_(entries), index_(index), listed_(ListedNames(entries)) {}

  bool Detects(const std::string& query, std::size_t entry, Timer& timer) const {
    screening::Query q;
    q.name = query;
    q.limit = kEvalLimit;
    const double start = ThreadCpuMicros();
    const auto matches = index_.Screen(q);
    timer.Add(ThreadCpuMicros() - start, query);
    const auto& want = entries_[entry];
    return std::any_of(matches.begin(), matches.end(), [&](const screening::Match& m) {
      return m.entry->list == want.list && m.entry->entry_id == want.entry_id;
    });
  }

  Tally Control(Timer& timer) const {
    Tally tally;
    for (const auto& name : listed_) {
      ++tally.total;
      if (Detects(name.text, name.entry, timer)) {
        ++tally.hits;
      } else if (tally.examples.size() < kExamples) {
        tally.examples.push_back("'" + name.text + "' (" + entries_[name.entry].list + ")");
      }
    }
    return tally;
  }

  std::map<std::string, Tally> Manipulated(Timer& timer) const {
    std::map<std::string, Tally> tallies;
    Random random(kSeed);
    for (const auto& category : ManipulationCategories()) {
      Tally& tally = tallies[category];
      for (std::size_t attempts = 0; tally.total < kPerCategory && attempts < 50 * kPerCategory;
           ++attempts) {
        const ListedName& name = listed_[random.Below(listed_.size())];
        const bool individual = entries_[name.entry].type == lists::EntryType::kIndividual;
        const auto altered = Manipulate(category, name.text, individual, random);
        // A name left with only legal forms and common words ("Joint Stock Company")
        // names nobody and must not match (DOMAIN.md §7): not a manipulation to detect.
        if (!altered || !HasDistinctiveWord(*altered)) continue;
        ++tally.total;
        if (Detects(*altered, name.entry, timer)) {
          ++tally.hits;
        } else {
          tally.misses.push_back("'" + *altered + "' from '" + name.text +
                                 "': " + Best(*altered, name.entry));
          if (tally.examples.size() < kExamples) tally.examples.push_back(tally.misses.back());
        }
      }
    }
    return tallies;
  }

  Tally Clean(Timer& timer) const {
    std::set<std::string> listed_keys;
    for (const auto& name : listed_) listed_keys.insert(NameKey(name.text));
    Random random(kSeed + 1);
    Tally tally;
    for (const auto& name : GenerateCleanNames(kCleanNames, random)) {
      if (listed_keys.count(NameKey(name))) continue;
      ++tally.total;
      screening::Query q;
      q.name = name;
      const double start = ThreadCpuMicros();
      const auto matches = index_.Screen(q);
      timer.Add(ThreadCpuMicros() - start, name);
      if (matches.empty()) continue;
      ++tally.hits;
      if (tally.examples.size() < 2 * kExamples) {
        char score[16];
        std::snprintf(score, sizeof score, "%.3f", matches[0].score);
        tally.examples.push_back("'" + name + "' -> '" + matches[0].matched_name + "' " + score);
      }
    }
    return tally;
  }

 private:
  // Why a manipulated name was missed: the score of the entry it came from.
  std::string Best(const std::string& query, std::size_t entry) const {
    screening::Query q;
    q.name = query;
    const auto match = index_.Explain(q, entries_[entry]);
    return match.explanation;
  }

  const std::vector<lists::ListEntry>& entries_;
  const screening::Index& index_;
  std::vector<ListedName> listed_;
};

struct PairFigures {
  std::size_t tp = 0, fp = 0, fn = 0, tn = 0;
  std::vector<std::string> examples;
  // Every wrong answer, for the JSON: the pair, its score and the engine's explanation
  // (for a miss, what held it below the threshold).
  std::vector<std::string> misses, false_accepts;
  double Precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 0; }
  double Recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 0; }
};

PairFigures Pairs(const std::vector<NamePair>& pairs, const screening::Index& index) {
  PairFigures figures;
  for (const auto& pair : pairs) {
    double score = 0;
    std::string explanation;
    const bool predicted = PairMatches(index, pair, &score, &explanation);
    if (predicted && pair.is_match) ++figures.tp;
    if (predicted && !pair.is_match) ++figures.fp;
    if (!predicted && pair.is_match) ++figures.fn;
    if (!predicted && !pair.is_match) ++figures.tn;
    if (predicted == pair.is_match) continue;
    char text[16];
    std::snprintf(text, sizeof text, "%.3f", score);
    const std::string shown = "'" + pair.name1 + "' vs '" + pair.name2 + "' " + text;
    (pair.is_match ? figures.misses : figures.false_accepts)
        .push_back(pair.case_group + ": " + shown + ": " + explanation);
    if (figures.examples.size() < 2 * kExamples) {
      figures.examples.push_back(std::string(pair.is_match ? "missed " : "false ") + shown);
    }
  }
  return figures;
}

void PrintExamples(const std::vector<std::string>& examples) {
  for (const auto& e : examples) std::printf("      %s\n", e.c_str());
}

}  // namespace
}  // namespace tollgate::eval

int main(int argc, char** argv) {
  using namespace tollgate;
  using namespace tollgate::eval;
  const std::filesystem::path data = argc > 1 ? argv[1] : "../shared/data";
  const std::filesystem::path json_path = argc > 2 ? argv[2] : "build/eval.json";

  // Without the official list files there is nothing to evaluate: say so in one
  // sentence rather than fail on the first file operation.
  if (std::error_code ec; !std::filesystem::is_directory(data / "lists", ec)) {
    std::fprintf(stderr,
                 "tollgate_eval: %s is not a folder: the evaluation needs the official list "
                 "files (../shared/data/lists beside the clone, or DATA_DIR as the first "
                 "argument)\n",
                 (data / "lists").c_str());
    return 2;
  }
  auto start = Clock::now();
  std::vector<std::string> problems;
  std::vector<lists::ListEntry> entries = LoadAllLists(data / "lists", problems);
  const double load_s = Seconds(Clock::now() - start);
  for (const auto& p : problems) std::fprintf(stderr, "warning: %s\n", p.c_str());
  if (entries.empty()) {
    std::fprintf(stderr, "no list entries under %s\n", (data / "lists").c_str());
    return 1;
  }
  start = Clock::now();
  const auto index = screening::Index::Build(entries);
  const double build_s = Seconds(Clock::now() - start);
  const auto stats = index->Stats();

  Evaluation evaluation(entries, *index);
  Timer control_timer;
  const Tally control = evaluation.Control(control_timer);
  Timer manipulated_timer;
  start = Clock::now();
  const auto manipulated = evaluation.Manipulated(manipulated_timer);
  const double manipulated_s = Seconds(Clock::now() - start);
  Tally all_manipulated;
  for (const auto& [category, tally] : manipulated) {
    all_manipulated.total += tally.total;
    all_manipulated.hits += tally.hits;
  }
  Timer clean_timer;
  const Tally clean = evaluation.Clean(clean_timer);
  const std::vector<NamePair> name_pairs = LoadNamePairs(data / "eval/name_pairs_nomenklatura.csv");
  const PairFigures pairs = Pairs(name_pairs, *index);
  const double alerts_per_1000 = clean.total ? 1000.0 * clean.hits / clean.total : 0;

  std::printf("Tollgate screening evaluation at the default threshold %.2f\n",
              screening::kDefaultThreshold);
  std::printf("index: %zu entries, %zu names, %zu tokens, %.1f MB; load %.2f s, build %.2f s\n",
              stats.entries, stats.names, stats.tokens, stats.memory_bytes / 1e6, load_s, build_s);
  std::printf("\n%-22s %8s %8s %9s %s\n", "set", "queries", "found", "rate", "target");
  std::printf("%-22s %8zu %8zu %8.3f%% %s\n", "control", control.total, control.hits,
              100 * control.Rate(), ">= 99.9%");
  PrintExamples(control.examples);
  std::printf("%-22s %8zu %8zu %8.3f%% %s\n", "manipulated (all)", all_manipulated.total,
              all_manipulated.hits, 100 * all_manipulated.Rate(), ">= 97%");
  for (const auto& category : ManipulationCategories()) {
    const Tally& t = manipulated.at(category);
    std::printf("  %-20s %8zu %8zu %8.3f%%\n", category.c_str(), t.total, t.hits, 100 * t.Rate());
    PrintExamples(t.examples);
  }
  std::printf("%-22s %8zu %8zu %8.2f/1000 %s\n", "clean (alerts)", clean.total, clean.hits,
              alerts_per_1000, "<= 5/1000");
  PrintExamples(clean.examples);
  std::printf("name pairs: precision %.3f recall %.3f (tp %zu fp %zu fn %zu tn %zu)\n",
              pairs.Precision(), pairs.Recall(), pairs.tp, pairs.fp, pairs.fn, pairs.tn);
  PrintExamples(pairs.examples);
  Timer all_timer = control_timer;
  all_timer.Append(manipulated_timer);
  const double qps = manipulated_timer.micros.size() / manipulated_s;
  std::printf(
      "speed (one thread): manipulated %.0f queries/s (wall clock, with the failure "
      "explanations); per query CPU time mean %.1f us, p50 %.1f us, p99 %.1f us (control and "
      "manipulated, limit %zu); clean names (default query) mean %.1f us, p99 %.1f us\n",
      qps, all_timer.Mean(), all_timer.Percentile(0.5), all_timer.Percentile(0.99), kEvalLimit,
      clean_timer.Mean(), clean_timer.Percentile(0.99));

  // Issue 16's development set, beside the figures above (bench/eval/README.md).
  start = Clock::now();
  std::vector<DevRow> dev_rows = RunDevelopmentSet(entries, *index, name_pairs);
  for (DevRow& row : RunFactsSet(entries, *index)) dev_rows.push_back(std::move(row));
  const double dev_s = Seconds(Clock::now() - start);
  PrintDevRows(dev_rows);
  std::printf("development set: %.1f s (wall, with its own index build)\n", dev_s);

  nlohmann::json json;
  json["development_set"] = DevRowsJson(dev_rows);
  json["threshold"] = screening::kDefaultThreshold;
  json["index"] = {{"entries", stats.entries}, {"names", stats.names},
                   {"tokens", stats.tokens},   {"memory_bytes", stats.memory_bytes},
                   {"load_seconds", load_s},   {"build_seconds", build_s}};
  json["control"] = {{"queries", control.total},
                     {"detected", control.hits},
                     {"rate", control.Rate()},
                     {"failures", control.examples}};
  for (const auto& [category, t] : manipulated) {
    json["manipulated"][category] = {{"queries", t.total},
                                     {"detected", t.hits},
                                     {"rate", t.Rate()},
                                     {"failures", t.examples},
                                     {"misses", t.misses}};
  }
  json["manipulated_all"] = {{"queries", all_manipulated.total},
                             {"detected", all_manipulated.hits},
                             {"rate", all_manipulated.Rate()}};
  json["clean"] = {{"names", clean.total},
                   {"alerts", clean.hits},
                   {"alerts_per_1000", alerts_per_1000},
                   {"examples", clean.examples}};
  json["name_pairs"] = {{"precision", pairs.Precision()},
                        {"recall", pairs.Recall()},
                        {"tp", pairs.tp},
                        {"fp", pairs.fp},
                        {"fn", pairs.fn},
                        {"tn", pairs.tn},
                        {"misses", pairs.misses},
                        {"false_accepts", pairs.false_accepts}};
  json["speed"] = {
      {"manipulated_queries_per_second", qps},      {"mean_us", all_timer.Mean()},
      {"p50_us", all_timer.Percentile(0.5)},        {"p99_us", all_timer.Percentile(0.99)},
      {"clean_mean_us", clean_timer.Mean()},        {"clean_p99_us", clean_timer.Percentile(0.99)},
      {"slowest", all_timer.Slowest(kSlowestShown)}};
  std::ofstream(json_path) << json.dump(2) << "\n";
  std::printf("wrote %s\n", json_path.c_str());
  const bool targets_met =
      control.Rate() >= 0.999 && all_manipulated.Rate() >= 0.97 && alerts_per_1000 <= 5.0;
  std::printf("targets %s\n", targets_met ? "met" : "NOT met");
  return 0;
}
