// The golden determination scenarios (tests/golden/determination/*.json): facts in,
// decision and trace out. Each file sets up a fresh store (list files imported as of a
// date, licenses registered), runs the real `tollgate check` with the scenario's
// arguments (after the scenario's "setup" commands, if any), and compares the JSON it prints with
// the expected subset; for bad input, the exit code and the error text. Every scenario also checks
// how many determinations the store recorded (none for bad input).
//
// Expected values match the actual JSON as a subset: an object's listed keys must be
// present and match; an array's listed elements must appear in that order (others may
// lie between); a string starting with "~" matches as a substring.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "test_paths.h"
#include "tollgate/licensing/license.h"
#include "tollgate/lists/import.h"
#include "tollgate/storage/store.h"

namespace tollgate {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir = fs::path(TOLLGATE_SOURCE_DIR) / "tests" / "golden" / "determination";

std::vector<std::string> ScenarioNames() {
  std::vector<std::string> names;
  for (const auto& file : fs::directory_iterator(kGoldenDir)) {
    if (file.path().extension() == ".json") names.push_back(file.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// "shared:lists/x" -> ../shared/data/lists/x; "project:data/lists/x" -> the source tree.
fs::path Resolve(const std::string& ref) {
  if (ref.rfind("shared:", 0) == 0) return fs::path(TOLLGATE_SHARED_DATA) / ref.substr(7);
  if (ref.rfind("project:", 0) == 0) return fs::path(TOLLGATE_SOURCE_DIR) / ref.substr(8);
  throw std::runtime_error("list file '" + ref + "' must start with shared: or project:");
}

std::string ShellQuote(const std::string& word) {
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Returns "" when `actual` contains `expected`, else where and how they differ.
std::string Mismatch(const nlohmann::json& expected, const nlohmann::json& actual,
                     const std::string& path) {
  if (expected.is_object()) {
    if (!actual.is_object()) return path + ": expected an object, got " + actual.dump();
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      if (!actual.contains(it.key())) return path + "/" + it.key() + ": missing";
      std::string m = Mismatch(it.value(), actual.at(it.key()), path + "/" + it.key());
      if (!m.empty()) return m;
    }
    return "";
  }
  if (expected.is_array()) {
    if (!actual.is_array()) return path + ": expected an array, got " + actual.dump();
    std::size_t next = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      bool found = false;
      std::string last;
      for (; next < actual.size(); ++next) {
        last = Mismatch(expected[i], actual[next], path + "/" + std::to_string(next));
        if (last.empty()) {
          found = true;
          ++next;
          break;
        }
      }
      if (!found) {
        return path + ": no element (after the ones matched before) matches expected [" +
               std::to_string(i) + "] " + expected[i].dump() + "; actual: " + actual.dump(1);
      }
    }
    return "";
  }
  if (expected.is_string() && expected.get<std::string>().rfind("~", 0) == 0) {
    std::string needle = expected.get<std::string>().substr(1);
    if (actual.is_string() && actual.get<std::string>().find(needle) != std::string::npos)
      return "";
    return path + ": expected to contain \"" + needle + "\", got " + actual.dump();
  }
  if (expected != actual) return path + ": expected " + expected.dump() + ", got " + actual.dump();
  return "";
}

class DeterminationGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DeterminationGoldenTest, Scenario) {
  const fs::path file = kGoldenDir / (GetParam() + ".json");
  std::ifstream in(file);
  const nlohmann::json scenario = nlohmann::json::parse(in);
  SCOPED_TRACE(file.string() + ": " + scenario.value("description", ""));

  testing::CliSandbox sandbox;
  {
    auto store = storage::OpenStore(sandbox.db());
    ASSERT_TRUE(store.ok()) << store.error().message;
    for (const auto& list : scenario.value("lists", nlohmann::json::array())) {
      lists::ImportOptions options;
      options.as_of = *Date::Parse(list.at("as_of").get<std::string>());
      auto imported = lists::ImportListFile(**store, Resolve(list.at("file")), options);
      ASSERT_TRUE(imported.ok()) << imported.error().message;
    }
    for (const auto& json : scenario.value("licenses", nlohmann::json::array())) {
      auto license = licensing::LicenseFromJson(json);
      ASSERT_TRUE(license.ok()) << license.error().message;
      auto added = (*store)->AddLicense(*license, {"operator", "2019-01-01T00:00:00Z"});
      ASSERT_TRUE(added.ok()) << added.error().message;
    }
  }

  // CLI commands run before the check, e.g. a general license revoked or extended.
  for (const auto& command : scenario.value("setup", nlohmann::json::array())) {
    std::string words;
    for (const auto& word : command) words += " " + ShellQuote(word.get<std::string>());
    testing::CliResult done = sandbox.Run(words);
    ASSERT_EQ(done.exit_code, 0) << words << ": " << done.err;
  }

  std::string args = "check";
  for (const auto& word : scenario.at("check")) args += " " + ShellQuote(word.get<std::string>());
  args += " --json --rules " + ShellQuote(std::string(TOLLGATE_SOURCE_DIR) + "/data/rules");
  testing::CliResult result = sandbox.Run(args);

  const nlohmann::json& expect = scenario.at("expect");
  EXPECT_EQ(result.exit_code, expect.value("exit_code", 0)) << result.err;
  if (expect.contains("error")) {
    EXPECT_NE(result.err.find(expect.at("error").get<std::string>()), std::string::npos)
        << "stderr: " << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
  }
  if (expect.contains("determination")) {
    auto actual = nlohmann::json::parse(result.out, nullptr, false);
    ASSERT_FALSE(actual.is_discarded()) << "stdout is not JSON: " << result.out << result.err;
    std::string mismatch = Mismatch(expect.at("determination"), actual, "");
    EXPECT_TRUE(mismatch.empty()) << mismatch;
  }
  auto store = storage::OpenStore(sandbox.db());
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto recorded = (*store)->ListDeterminations();
  ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  EXPECT_EQ(static_cast<int>(recorded->size()), expect.at("recorded").get<int>());
}

INSTANTIATE_TEST_SUITE_P(Golden, DeterminationGoldenTest, ::testing::ValuesIn(ScenarioNames()),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace tollgate
