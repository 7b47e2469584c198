// Names written in another script (issue 16, item 1): what a query costs when it is
// screened under each of its romanizations (src/screening/scripts/), and the one-time
// cost of the consonant-skeleton index the first Arabic-script query builds.
//
// Queries: every alias of the real lists whose letters include Arabic, Cyrillic, Han
// or Hangul (the UN list's names in original script, the SDN list's few), screened
// with the defaults against the index over all lists, one thread.
//
// Usage: build/bench/script_queries_bench [--lists=DIR] [--passes=N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_options.h"
#include "list_corpus.h"
#include "test_paths.h"
#include "thread_cpu_time.h"
#include "tollgate/screening/screening.h"

namespace tollgate::bench {
namespace {

using Clock = std::chrono::steady_clock;

// By UTF-8 lead byte: Cyrillic (D0, D1), Arabic (D8-DB), Han and Hangul (E3-ED).
bool OtherScript(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b == 0xD0 || b == 0xD1 || (b >= 0xD8 && b <= 0xDB) || (b >= 0xE3 && b <= 0xED);
  });
}

int Main(int argc, char** argv) {
  Result<BenchOptions> parsed =
      BenchOptions::Parse(argc, argv, {{"lists", TOLLGATE_SHARED_DATA "/lists"}, {"passes", "3"}});
  if (!parsed.ok()) {
    std::fprintf(stderr, "script_queries_bench: %s\n", parsed.error().message.c_str());
    return 2;
  }
  Result<ListCorpus> corpus = LoadListCorpus(parsed->Text("lists"));
  if (!corpus.ok()) {
    std::fprintf(stderr, "script_queries_bench: %s\n", corpus.error().message.c_str());
    return 1;
  }
  std::vector<std::string> queries;
  for (const lists::ListEntry& entry : corpus->entries) {
    for (const lists::Alias& alias : entry.aliases) {
      if (OtherScript(alias.name)) queries.push_back(alias.name);
    }
  }
  std::sort(queries.begin(), queries.end());
  queries.erase(std::unique(queries.begin(), queries.end()), queries.end());
  const auto index = screening::Index::Build(std::move(corpus->entries));
  auto screen = [&](const std::string& name) {
    screening::Query query;
    query.name = name;
    return index->Screen(query).size();
  };
  // The first Arabic-script query builds the skeleton index.
  const auto arabic = std::find_if(queries.begin(), queries.end(), [](const std::string& q) {
    const auto b = static_cast<unsigned char>(q.front());
    return b >= 0xD8 && b <= 0xDB;
  });
  const auto first_start = Clock::now();
  if (arabic != queries.end()) screen(*arabic);
  const double first_ms = std::chrono::duration<double>(Clock::now() - first_start).count() * 1e3;
  const std::uint64_t passes = std::max<std::uint64_t>(1, parsed->Number("passes"));
  std::vector<double> cpu_us;
  std::size_t matches = 0;
  for (std::uint64_t pass = 0; pass < passes; ++pass) {
    for (const std::string& q : queries) {
      const std::int64_t start = ThreadCpuNanoseconds();
      matches += screen(q);
      cpu_us.push_back(static_cast<double>(ThreadCpuNanoseconds() - start) * 1e-3);
    }
  }
  std::sort(cpu_us.begin(), cpu_us.end());
  double total = 0;
  for (const double us : cpu_us) total += us;
  std::printf(
      "%zu names, %zu queries in other scripts x %llu passes: CPU a query mean %.1f us, p50 %.1f "
      "us, p99 %.1f us; %.2f matches a query; first Arabic-script query (builds the skeleton "
      "index) %.0f ms wall\n",
      index->Stats().names, queries.size(), static_cast<unsigned long long>(passes),
      total / static_cast<double>(cpu_us.size()), cpu_us[cpu_us.size() / 2],
      cpu_us[cpu_us.size() * 99 / 100],
      static_cast<double>(matches) / static_cast<double>(cpu_us.size()), first_ms);
  return 0;
}

}  // namespace
}  // namespace tollgate::bench

int main(int argc, char** argv) { return tollgate::bench::Main(argc, argv); }
