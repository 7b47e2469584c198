#include "scan_baseline.h"

#include <gtest/gtest.h>

#include "name_table.h"

namespace tollgate::bench {
namespace {

// Reference values from Winkler's paper and the usual textbook examples.
TEST(JaroWinklerTest, KnownPairs) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.84, 1e-4);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.8133, 1e-4);
}

TEST(JaroWinklerTest, EdgesAndSymmetry) {
  EXPECT_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_EQ(JaroWinkler("abc", ""), 0.0);
  EXPECT_EQ(JaroWinkler("abc", "xyz"), 0.0);
  EXPECT_EQ(JaroWinkler("petrov", "petrov"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("ivanov", "ivanova petrov"),
                   JaroWinkler("ivanova petrov", "ivanov"));
}

TEST(ScanBaselineTest, FindsReorderedNameAndRanksExactFirst) {
  std::vector<lists::ListEntry> entries(3);
  entries[0].list = "SDN";
  entries[0].entry_id = "1";
  entries[0].name = "PETROV, Ivan";
  entries[1].list = "SDN";
  entries[1].entry_id = "2";
  entries[1].name = "PETROVA, Irina";
  entries[1].aliases.push_back({"Irina PETROVA-SMIRNOVA", lists::AliasKind::kAka});
  entries[2].list = "EL";
  entries[2].entry_id = "3";
  entries[2].name = "HUAXIN ELECTRONICS CO., LTD.";
  const NameTable table = MakeNameTable(entries);
  const ScanBaseline scan(table);
  ASSERT_EQ(scan.names(), 4u);

  const std::vector<ScanHit> hits = scan.Search("Ivan Petrov", 0.85, 10);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entry, 0u);
  EXPECT_DOUBLE_EQ(hits[0].score, 1.0);
  EXPECT_TRUE(scan.Search("completely different words", 0.85, 10).empty());
  EXPECT_LE(scan.Search("PETROV", 0.0, 1).size(), 1u);
}

}  // namespace
}  // namespace tollgate::bench
