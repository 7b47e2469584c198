// The compiled table of given names and nicknames is the data file, row for row, and
// pairs formal names with their nicknames only.
#include "screening/given_names/given_names.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace tollgate::screening {
namespace {

TEST(GivenNamesTest, CompiledTableIsTheDataFile) {
  const std::filesystem::path path =
      std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data/names/given_name_nicknames.csv";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "formal,nickname");
  std::vector<std::string> file_rows;
  while (std::getline(in, line)) file_rows.push_back(line);
  std::vector<std::string> compiled;
  for (const NicknameRow& row : NicknameRows()) {
    compiled.push_back(std::string(row.formal) + "," + std::string(row.nickname));
  }
  EXPECT_GT(compiled.size(), 2000u);
  EXPECT_EQ(compiled, file_rows) << "run scripts/convert-nicknames.py again";
}

TEST(GivenNamesTest, PairsAFormalNameWithItsNicknamesBothWays) {
  EXPECT_TRUE(NicknamePair("william", "bill"));
  EXPECT_TRUE(NicknamePair("bill", "william"));
  EXPECT_TRUE(NicknamePair("benjamin", "ben"));
  EXPECT_TRUE(NicknamePair("alexander", "alex"));
  // Two nicknames of one name are not a pair, nor a name with itself or a stranger.
  EXPECT_FALSE(NicknamePair("benny", "benjy"));
  EXPECT_FALSE(NicknamePair("william", "william"));
  EXPECT_FALSE(NicknamePair("william", "benjamin"));
  EXPECT_FALSE(NicknamePair("", "bill"));
  EXPECT_FALSE(NicknamePair("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "bill"));
  const auto partners = NicknamePartners("bill");
  EXPECT_NE(std::find(partners.begin(), partners.end(), "william"), partners.end());
  EXPECT_TRUE(NicknamePartners("huawei").empty());
}

}  // namespace
}  // namespace tollgate::screening
