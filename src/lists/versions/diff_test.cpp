#include "tollgate/lists/diff.h"

#include <gtest/gtest.h>

namespace tollgate::lists {
namespace {

ListEntry Entry(const char* list, const char* id, const char* name) {
  ListEntry e;
  e.list = list;
  e.entry_id = id;
  e.name = name;
  return e;
}

TEST(DiffEntriesTest, ReportsAddedRemovedAndTheFieldsThatChanged) {
  auto kept = Entry("SDN", "1", "BANCO NACIONAL DE CUBA");
  auto changed_before = Entry("SDN", "2", "AEROCARIBBEAN AIRLINES");
  auto changed_after = changed_before;
  changed_after.aliases.push_back({"AERO-CARIBBEAN", AliasKind::kAka});
  auto removed = Entry("SDN", "3", "ANGLO-CARIBBEAN CO., LTD.");
  auto added = Entry("SDN", "4", "NEW PARTY LTD");

  auto diff = DiffEntries({kept, changed_before, removed}, {kept, changed_after, added});
  ASSERT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.added[0].entry_id, "4");
  ASSERT_EQ(diff.removed.size(), 1u);
  EXPECT_EQ(diff.removed[0].entry_id, "3");
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(diff.changed[0].after.entry_id, "2");
  EXPECT_EQ(diff.changed[0].fields, std::vector<std::string>{"aliases"});
}

TEST(DiffEntriesTest, TheSameIdOnTwoListsIsTwoEntries) {
  auto diff = DiffEntries({Entry("SDN", "7", "X")}, {Entry("UN", "7", "X")});
  EXPECT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.removed.size(), 1u);
  EXPECT_TRUE(diff.changed.empty());
}

}  // namespace
}  // namespace tollgate::lists
