#include "name_text.h"

#include <gtest/gtest.h>

namespace tollgate::bench {
namespace {

TEST(NameTextTest, FoldsCaseAndPunctuation) {
  EXPECT_EQ(FoldAscii("  HUAWEI Technologies Co., Ltd. "), "huawei technologies co ltd");
  EXPECT_EQ(FoldAscii("AL-ZAWAHIRI, Ayman"), "al zawahiri ayman");
  EXPECT_EQ(FoldAscii("\t\n"), "");
  // Bytes above ASCII pass through: the peers are byte-oriented.
  EXPECT_EQ(FoldAscii("M\xC3\x9CLLER GmbH"), "m\xC3\x9Cller gmbh");
}

TEST(NameTextTest, TokenSortKeyIgnoresOrder) {
  EXPECT_EQ(TokenSortKey("PETROV, Ivan"), "ivan petrov");
  EXPECT_EQ(TokenSortKey("Ivan PETROV"), "ivan petrov");
  EXPECT_EQ(TokenSortKey(""), "");
  const std::vector<std::string_view> tokens = SplitTokens("a bb ccc");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[2], "ccc");
}

}  // namespace
}  // namespace tollgate::bench
