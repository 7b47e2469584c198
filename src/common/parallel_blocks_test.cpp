#include "tollgate/common/parallel_blocks.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <vector>

namespace tollgate {
namespace {

TEST(ParallelBlocksTest, WorksEveryItemOnceWhateverTheBlock) {
  for (std::size_t block : {1, 7, 64, 5000}) {
    std::vector<std::atomic<int>> calls(1000);
    auto status = ParallelBlocks(calls.size(), block, [&](std::size_t i) -> Status {
      calls[i].fetch_add(1);
      return {};
    });
    ASSERT_TRUE(status.ok()) << "block " << block;
    for (std::size_t i = 0; i < calls.size(); ++i) {
      ASSERT_EQ(calls[i].load(), 1) << "item " << i << ", block " << block;
    }
  }
}

TEST(ParallelBlocksTest, ReturnsTheFailingItemsErrorAndStopsDrawingBlocks) {
  std::atomic<int> worked{0};
  auto status = ParallelBlocks(100000, 8, [&](std::size_t i) -> Status {
    worked.fetch_add(1);
    if (i == 40) return Error{ErrorCode::kInvalidArgument, "party 40: no name"};
    return {};
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, "party 40: no name");
  // The other threads stop at their next block, far short of the whole count.
  EXPECT_LT(worked.load(), 100000);
}

TEST(ParallelBlocksTest, ReportsProgressByThousandsAndTheEnd) {
  std::mutex mutex;
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  auto status = ParallelBlocks(
      2500, 100, [](std::size_t) -> Status { return {}; },
      [&](std::size_t done, std::size_t total) {
        const std::lock_guard lock(mutex);
        calls.emplace_back(done, total);
      });
  ASSERT_TRUE(status.ok());
  ASSERT_EQ(calls.size(), 3u);  // past 1,000, past 2,000, and the end
  EXPECT_EQ(calls.back(), std::make_pair(std::size_t{2500}, std::size_t{2500}));
  for (const auto& [done, total] : calls) EXPECT_EQ(total, 2500u);
}

TEST(ParallelBlocksTest, ZeroItemsSucceedWithoutCallingTheWork) {
  bool called = false;
  auto status = ParallelBlocks(0, 64, [&](std::size_t) -> Status {
    called = true;
    return {};
  });
  EXPECT_TRUE(status.ok());
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace tollgate
