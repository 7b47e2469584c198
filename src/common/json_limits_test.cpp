#include "tollgate/common/json_limits.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tollgate {
namespace {

std::string Nested(std::size_t depth, char open = '[', char close = ']') {
  return std::string(depth, open) + std::string(depth, close);
}

TEST(JsonLimitsTest, ParsesDocumentsUpToTheLimit) {
  auto at_limit = ParseJsonLimited(Nested(kMaxJsonDepth), "body");
  ASSERT_TRUE(at_limit.ok()) << at_limit.error().message;
  auto form =
      ParseJsonLimited(R"({"items": [{"eccn": "5A992.c", "quantity": 3}], "x": null})", "b");
  ASSERT_TRUE(form.ok());
  EXPECT_EQ((*form)["items"][0]["quantity"], 3);
  EXPECT_TRUE((*form)["x"].is_null());
}

TEST(JsonLimitsTest, RefusesOneLevelOverTheLimitNamingIt) {
  auto over = ParseJsonLimited(Nested(kMaxJsonDepth + 1), "the body");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, ErrorCode::kParseError);
  EXPECT_EQ(over.error().message, "the body: nested deeper than 64 levels");
  // Objects count as arrays do, mixed too.
  std::string mixed;
  for (std::size_t i = 0; i < kMaxJsonDepth + 1; ++i) mixed += i % 2 ? "[" : "{\"a\":";
  EXPECT_FALSE(ParseJsonLimited(mixed, "x").ok());
  EXPECT_TRUE(ParseJsonLimited(Nested(3), "x", {.max_depth = 3}).ok());
  EXPECT_FALSE(ParseJsonLimited(Nested(4), "x", {.max_depth = 3}).ok());
}

// The attack of issue 11, item 1: ~200 KB nested 100,000 deep. Refused at the parse,
// so nothing later copies it level by level.
TEST(JsonLimitsTest, RefusesTheHundredThousandDeepBody) {
  const std::string body = R"({"event":{"a":)" + Nested(100000) + "}}";
  auto parsed = ParseJsonLimited(body, "the body");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("nested deeper than 64 levels"), std::string::npos);
}

TEST(JsonLimitsTest, SyntaxErrorsNameWhereAndNeverThrow) {
  auto bad = ParseJsonLimited("{\"a\": tru}", "request.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kParseError);
  EXPECT_EQ(bad.error().message.rfind(
                "request.json: not valid JSON at line 1, column 10: invalid literal", 0),
            0u)
      << bad.error().message;
  for (const std::string& text :
       std::vector<std::string>{"", "{", "[1,]", "\"\\ud800\"", "\"\xff\"", "1e400"}) {
    auto r = ParseJsonLimited(text, "x");
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, ErrorCode::kParseError) << text;
    }
  }
  EXPECT_FALSE(ParseJsonLimited("", "x").ok());
  EXPECT_FALSE(ParseJsonLimited("{} {}", "x").ok());
}

}  // namespace
}  // namespace tollgate
