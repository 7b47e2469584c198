// The group commit of the server's records (history/group_commit.h) on a real SQLite
// file, as concurrent requests use it: every request gets the id of its own record,
// none waits forever (each waiter is woken for its own batch, not with everyone), and
// every answered id is stored with what its request asked.
#include "tollgate/history/group_commit.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace tollgate::history {
namespace {

namespace fs = std::filesystem;

storage::ScreeningRecord RecordFor(const std::string& name) {
  storage::ScreeningRecord record;
  record.requested_by = "reviewer test";
  record.channel = "api";
  record.name = name;
  record.as_of = "2019-06-01";
  record.threshold = 0.85;
  record.outcome = "no_hit";
  record.lists = nlohmann::json::array();
  record.matches = nlohmann::json::array();
  return record;
}

TEST(GroupCommitTest, ConcurrentRequestsEachGetTheIdOfTheirOwnStoredRecord) {
  const fs::path dir = fs::temp_directory_path() /
                       ("tollgate-group-commit-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const std::string path = (dir / "t.db").string();
  {
    auto schema = storage::OpenStore(path);
    ASSERT_TRUE(schema.ok()) << schema.error().message;
  }
  constexpr int kThreads = 8;
  constexpr int kEach = 40;
  ScreeningRecorder recorder;
  std::vector<std::map<std::int64_t, std::string>> answered(kThreads);
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto store = storage::OpenStore(path);
      if (!store.ok()) {
        failures[t] = store.error().message;
        return;
      }
      for (int i = 0; i < kEach; ++i) {
        const std::string name = "party " + std::to_string(t) + "-" + std::to_string(i);
        auto id = recorder.Record(**store, RecordFor(name));
        if (!id.ok()) {
          failures[t] = id.error().message;
          return;
        }
        answered[t][*id] = name;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& failure : failures) ASSERT_EQ(failure, "");

  auto store = storage::OpenStore(path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  storage::HistoryFilter all;
  all.limit = kThreads * kEach + 1;
  auto stored = (*store)->FindScreenings(all);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  std::map<std::int64_t, std::string> by_id;
  for (const auto& r : *stored) by_id[r.id] = r.name;
  ASSERT_EQ(by_id.size(), static_cast<std::size_t>(kThreads * kEach));
  std::set<std::int64_t> ids;
  for (const auto& mine : answered) {
    ASSERT_EQ(mine.size(), static_cast<std::size_t>(kEach));
    for (const auto& [id, name] : mine) {
      EXPECT_TRUE(ids.insert(id).second) << "id " << id << " answered twice";
      EXPECT_EQ(by_id[id], name) << "id " << id;
    }
  }
  store->reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tollgate::history
