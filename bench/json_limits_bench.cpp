// The cost of the request bodies' depth limit (common/json_limits.h, issue 11 item 1):
// nlohmann's own DOM parse against the depth-limited one, same input, same run, on
//   - a real request: the BIS-748P form the tests file (POST /api/applications), and
//   - a large one: a POST /api/screen/batch body of 1,000 names from the OFAC SDN list
//     of 2024-05-03 (about 60 KB), and the same names 16 times over (about 1 MB, the
//     server's --max-body).
//   build/json_limits_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "../tests/microsoft_form.h"
#include "test_paths.h"
#include "tollgate/common/csv.h"
#include "tollgate/common/json_limits.h"

namespace {

std::string BatchBody(int copies) {
  std::ifstream in(std::string(TOLLGATE_SHARED_DATA) + "/lists/ofac_sdn_2024-05-03.csv",
                   std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string csv = text.str();
  tollgate::CsvReader reader(csv, "sdn.csv");
  nlohmann::json names = nlohmann::json::array();
  while (names.size() < 1000) {
    auto next = reader.Next();
    if (!next.ok() || !*next) break;
    if (reader.size() < 2) continue;
    names.push_back({{"id", reader.field(0)}, {"name", reader.field(1)}, {"country", "CN"}});
  }
  nlohmann::json all = nlohmann::json::array();
  for (int i = 0; i < copies; ++i) {
    for (const auto& n : names) all.push_back(n);
  }
  return nlohmann::json{{"as_of", "2024-05-03"}, {"names", all}}.dump();
}

const std::string& Body(int which) {
  static const std::string form = tollgate::testing::kMicrosoftForm;
  static const std::string batch = BatchBody(1);
  static const std::string large = BatchBody(16);
  return which == 0 ? form : which == 1 ? batch : large;
}

void Label(benchmark::State& state) {
  static const char* kNames[] = {"form", "batch_1000", "batch_16000"};
  state.SetLabel(std::string(kNames[state.range(0)]) + " " +
                 std::to_string(Body(static_cast<int>(state.range(0))).size()) + " B");
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(Body(static_cast<int>(state.range(0))).size()));
}

void BM_ParseUnlimited(benchmark::State& state) {
  const std::string& body = Body(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto json = nlohmann::json::parse(body, nullptr, false);
    benchmark::DoNotOptimize(json);
  }
  Label(state);
}

void BM_ParseDepthLimited(benchmark::State& state) {
  const std::string& body = Body(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto json = tollgate::ParseJsonLimited(body, "the body");
    benchmark::DoNotOptimize(json);
  }
  Label(state);
}

BENCHMARK(BM_ParseUnlimited)->DenseRange(0, 2);
BENCHMARK(BM_ParseDepthLimited)->DenseRange(0, 2);

}  // namespace

BENCHMARK_MAIN();
