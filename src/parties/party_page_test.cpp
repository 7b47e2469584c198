// What a page request of the party master accepts (parties/party_page.h), before any
// store sees it: the show words, the paging bounds, and a text that matches only itself.
#include "tollgate/parties/party_page.h"

#include <gtest/gtest.h>

namespace tollgate::parties {
namespace {

TEST(PartyPageTest, ShowWordsAndTheirNames) {
  EXPECT_EQ(*ParseShow(""), Show::kAll);
  EXPECT_EQ(*ParseShow("all"), Show::kAll);
  EXPECT_EQ(*ParseShow("hits"), Show::kWithMatch);
  EXPECT_EQ(*ParseShow("open"), Show::kWithOpenAlert);
  for (Show show : {Show::kAll, Show::kWithMatch, Show::kWithOpenAlert}) {
    EXPECT_EQ(*ParseShow(ShowName(show)), show);
  }
  auto refused = ParseShow("Open");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "show: 'Open' is not one of all, hits, open");
}

TEST(PartyPageTest, PagingIsCheckedNamingTheField) {
  EXPECT_TRUE(ValidatePageFilter({"msft", "", Show::kAll, 1, kMaxPartiesPerPage}).ok());
  const std::pair<PageFilter, std::string> refused[] = {
      {{"", "", Show::kAll, 1, 50}, "organization: name the organization"},
      {{"msft", "", Show::kAll, 0, 50}, "page: 0 is not a page number (1, 2, ...)"},
      {{"msft", "", Show::kAll, 1, 0}, "per_page: 0 is outside 1..500"},
      {{"msft", "", Show::kAll, 1, 501}, "per_page: 501 is outside 1..500"}};
  for (const auto& [filter, message] : refused) {
    auto status = ValidatePageFilter(filter);
    ASSERT_FALSE(status.ok()) << message;
    EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(status.error().message, message);
  }
}

TEST(PartyPageTest, TheTextMatchesItselfAsASubstring) {
  EXPECT_EQ(ContainsPattern("acme"), "%acme%");
  EXPECT_EQ(ContainsPattern("100%_a\\b"), "%100\\%\\_a\\\\b%");
}

}  // namespace
}  // namespace tollgate::parties
