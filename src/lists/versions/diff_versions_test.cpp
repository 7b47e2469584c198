// lists/diff_versions.h: which two versions `tollgate lists diff` and
// GET /api/lists/diff compare, the one selection both use. (The diff itself, over a
// real store, is tested through both adapters: tests/ lists diff.)
#include "tollgate/lists/diff_versions.h"

#include <gtest/gtest.h>

namespace tollgate::lists {
namespace {

storage::ListVersion Version(std::int64_t id) {
  storage::ListVersion v;
  v.id = id;
  v.feed = "ofac-sdn";
  return v;
}

// Ids as a store hands them out to one feed among others: increasing, not consecutive.
const std::vector<storage::ListVersion> kThree = {Version(2), Version(5), Version(9)};

std::pair<std::int64_t, std::int64_t> Chosen(std::int64_t from, std::int64_t to) {
  auto pair = SelectDiffVersions(kThree, "ofac-sdn", from, to);
  EXPECT_TRUE(pair.ok()) << pair.error().message;
  if (!pair.ok()) return {0, 0};
  return {pair->from.id, pair->to.id};
}

TEST(SelectDiffVersionsTest, WithoutIdsTheLatestAgainstTheOneBefore) {
  EXPECT_EQ(Chosen(0, 0), std::make_pair(std::int64_t{5}, std::int64_t{9}));
}

TEST(SelectDiffVersionsTest, WithOnlyToThatOneAgainstTheOneBeforeIt) {
  EXPECT_EQ(Chosen(0, 5), std::make_pair(std::int64_t{2}, std::int64_t{5}));
}

TEST(SelectDiffVersionsTest, WithOnlyFromItAgainstTheLatest) {
  EXPECT_EQ(Chosen(2, 0), std::make_pair(std::int64_t{2}, std::int64_t{9}));
}

TEST(SelectDiffVersionsTest, BothIdsAsGivenInEitherOrder) {
  EXPECT_EQ(Chosen(2, 9), std::make_pair(std::int64_t{2}, std::int64_t{9}));
  EXPECT_EQ(Chosen(9, 2), std::make_pair(std::int64_t{9}, std::int64_t{2}));
}

TEST(SelectDiffVersionsTest, OneVersionIsNotEnoughUnlessBothIdsAreGiven) {
  std::optional<DiffArgument> wrong;
  auto pair = SelectDiffVersions({Version(4)}, "ofac-sdn", 0, 0, &wrong);
  ASSERT_FALSE(pair.ok());
  EXPECT_EQ(pair.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(pair.error().message, "feed 'ofac-sdn' has 1 version(s); a diff needs two");
  EXPECT_EQ(wrong, DiffArgument::kSource);
  EXPECT_STREQ(DiffArgumentName(*wrong), "source");
  // The same version against itself, when asked for by id, is an empty diff, not an error.
  EXPECT_TRUE(SelectDiffVersions({Version(4)}, "ofac-sdn", 4, 4).ok());
}

TEST(SelectDiffVersionsTest, AnIdOfAnotherFeedNamesTheArgument) {
  std::optional<DiffArgument> wrong;
  auto from = SelectDiffVersions(kThree, "ofac-sdn", 3, 9, &wrong);
  ASSERT_FALSE(from.ok());
  EXPECT_EQ(from.error().message, "version 3 is not a version of ofac-sdn");
  EXPECT_EQ(wrong, DiffArgument::kFrom);
  wrong.reset();
  auto to = SelectDiffVersions(kThree, "ofac-sdn", 2, 7, &wrong);
  ASSERT_FALSE(to.ok());
  EXPECT_EQ(to.error().message, "version 7 is not a version of ofac-sdn");
  EXPECT_EQ(wrong, DiffArgument::kTo);
  // Both wrong: the first named is reported, as the CLI and the API always did.
  wrong.reset();
  EXPECT_FALSE(SelectDiffVersions(kThree, "ofac-sdn", 1, 7, &wrong).ok());
  EXPECT_EQ(wrong, DiffArgument::kFrom);
}

}  // namespace
}  // namespace tollgate::lists
