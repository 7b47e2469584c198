#include "simstring_peer.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "latency.h"
#include "subprocess.h"

namespace tollgate::bench {
namespace {

TEST(SimStringOutputTest, ParsesHitsPerQuery) {
  const std::string output =
      "\thuawei technologies co ltd\n"
      "\thuawei technology co\n"
      "2 strings retrieved (0.000127 sec)\n"
      "0 strings retrieved (4.5e-05 sec)\n";
  Result<SimStringRun> run = ParseSimStringOutput(output);
  ASSERT_TRUE(run.ok()) << run.error().message;
  ASSERT_EQ(run->results.size(), 2u);
  EXPECT_EQ(run->results[0].size(), 2u);
  EXPECT_EQ(run->results[0][1], "huawei technology co");
  EXPECT_TRUE(run->results[1].empty());
  EXPECT_NEAR(run->reported_seconds, 0.000172, 1e-9);
}

TEST(SimStringOutputTest, RejectsUnexpectedLines) {
  EXPECT_FALSE(ParseSimStringOutput("garbage\n").ok());
  EXPECT_FALSE(ParseSimStringOutput("\tone\n2 strings retrieved (0.1 sec)\n").ok());
  EXPECT_FALSE(ParseSimStringOutput("\tdangling\n").ok());
}

// The real program, end to end: skipped where simstring is not installed.
TEST(SimStringPeerTest, BuildsAndQueries) {
  if (std::system("command -v simstring >/dev/null 2>&1") != 0) GTEST_SKIP();
  Result<TempDir> directory = TempDir::Create("tollgate-simstring-test-");
  ASSERT_TRUE(directory.ok());
  Result<SimStringPeer> peer =
      SimStringPeer::Build({"huawei technologies co ltd", "acme corp"}, directory->path());
  ASSERT_TRUE(peer.ok()) << peer.error().message;
  Result<SimStringRun> run = peer->Query({"huawei technology co ltd", "nothing like it"}, 0.7);
  ASSERT_TRUE(run.ok()) << run.error().message;
  ASSERT_EQ(run->results.size(), 2u);
  ASSERT_EQ(run->results[0].size(), 1u);
  EXPECT_EQ(run->results[0][0], "huawei technologies co ltd");
  EXPECT_TRUE(run->results[1].empty());
  EXPECT_GT(run->wall_seconds, 0);
}

TEST(LatencyTest, NearestRankPercentiles) {
  std::vector<std::int64_t> samples;
  for (std::int64_t i = 100; i >= 1; --i) samples.push_back(i * 1000);
  const LatencySummary summary = Summarize(samples);
  EXPECT_EQ(summary.count, 100u);
  EXPECT_DOUBLE_EQ(summary.p50_us, 50);
  EXPECT_DOUBLE_EQ(summary.p99_us, 99);
  EXPECT_DOUBLE_EQ(summary.max_us, 100);
  EXPECT_DOUBLE_EQ(summary.mean_us, 50.5);
  EXPECT_EQ(Summarize({}).count, 0u);
}

}  // namespace
}  // namespace tollgate::bench
