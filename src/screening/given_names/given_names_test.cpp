// The compiled table of given names and nicknames is the two data files, row for row,
// and pairs formal names with their nicknames only.
#include "screening/given_names/given_names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_paths.h"

namespace tollgate::screening {
namespace {

const std::filesystem::path kNames = std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data/names";

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, separator);) parts.push_back(part);
  return parts;
}

TEST(GivenNamesTest, CompiledTableIsTheDataFiles) {
  std::ifstream in(kNames / "given_name_nicknames.csv");
  ASSERT_TRUE(in);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "formal,nickname");
  std::vector<std::string> file_rows;
  while (std::getline(in, line)) file_rows.push_back(line);
  // Every formal spelling of a row of the second file with every short form of it.
  std::ifstream short_forms(kNames / "given_name_short_forms.csv");
  ASSERT_TRUE(short_forms);
  ASSERT_TRUE(std::getline(short_forms, line));
  EXPECT_EQ(line, "formals,short_forms,language,source");
  while (std::getline(short_forms, line)) {
    const std::vector<std::string> fields = Split(line, ',');
    ASSERT_EQ(fields.size(), 4u) << line;
    for (const std::string& formal : Split(fields[0], '|')) {
      for (const std::string& short_form : Split(fields[1], '|')) {
        if (formal != short_form) file_rows.push_back(formal + "," + short_form);
      }
    }
  }
  std::sort(file_rows.begin(), file_rows.end());
  file_rows.erase(std::unique(file_rows.begin(), file_rows.end()), file_rows.end());
  std::vector<std::string> compiled;
  for (const NicknameRow& row : NicknameRows()) {
    compiled.push_back(std::string(row.formal) + "," + std::string(row.nickname));
  }
  EXPECT_GT(compiled.size(), 2000u);
  EXPECT_EQ(compiled, file_rows) << "run scripts/convert-nicknames.py --inc-only";
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

TEST(GivenNamesTest, PairsShortFormsBeyondEnglish) {
  EXPECT_TRUE(NicknamePair("sasha", "aleksandr"));
  EXPECT_TRUE(NicknamePair("oleksandr", "sasha"));
  EXPECT_TRUE(NicknamePair("volodya", "vladimir"));
  EXPECT_TRUE(NicknamePair("dmitriy", "dima"));
  EXPECT_TRUE(NicknamePair("mohd", "muhammad"));
  EXPECT_TRUE(NicknamePair("mohamed", "muhd"));
  EXPECT_TRUE(NicknamePair("pepe", "jose"));
  EXPECT_TRUE(NicknamePair("johannes", "hans"));
  // Two spellings of one name are not a short form of each other, nor two names that
  // share a short form (Aleksandr and Aleksandra are both Sasha).
  EXPECT_FALSE(NicknamePair("aleksandr", "alexander"));
  EXPECT_FALSE(NicknamePair("aleksandr", "aleksandra"));
  EXPECT_FALSE(NicknamePair("isa", "isabel"));
}

}  // namespace
}  // namespace tollgate::screening
