#include "tollgate/licensing/control_number.h"

#include <gtest/gtest.h>

namespace tollgate::licensing {
namespace {

TEST(ControlNumberTest, ALetterAndSixDigitsRoundTrip) {
  auto acn = ControlNumber::Parse("D123456");
  ASSERT_TRUE(acn.ok()) << acn.error().message;
  EXPECT_EQ(acn->letter(), 'D');
  EXPECT_EQ(acn->serial(), 123456);
  EXPECT_EQ(acn->ToString(), "D123456");
  EXPECT_EQ(ControlNumber::First().ToString(), "D000001");
}

TEST(ControlNumberTest, AnythingElseIsRefusedWithTheReason) {
  struct Case {
    const char* text;
    const char* why;
  };
  for (const Case& c : {Case{"D12345", "wrong length"}, Case{"D1234567", "wrong length"},
                        Case{"d123456", "capital letter"}, Case{"1123456", "capital letter"},
                        Case{"D12 456", "digits"}, Case{"D00000A", "digits"},
                        Case{"D000000", "never issued"}, Case{"", "wrong length"}}) {
    auto acn = ControlNumber::Parse(c.text);
    ASSERT_FALSE(acn.ok()) << c.text;
    EXPECT_EQ(acn.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(acn.error().message.find(c.why), std::string::npos) << acn.error().message;
    EXPECT_NE(acn.error().message.find(std::string("'") + c.text + "'"), std::string::npos);
  }
}

TEST(ControlNumberTest, NumbersAreIssuedInOrderAcrossLetters) {
  EXPECT_EQ(ControlNumber::First().Next()->ToString(), "D000002");
  auto last_d = ControlNumber::Parse("D999999").value();
  auto first_e = last_d.Next();
  ASSERT_TRUE(first_e.ok());
  EXPECT_EQ(first_e->ToString(), "E000001");
  EXPECT_LT(last_d, *first_e);
  auto exhausted = ControlNumber::Parse("Z999999")->Next();
  ASSERT_FALSE(exhausted.ok());
  EXPECT_NE(exhausted.error().message.find("exhausted"), std::string::npos);
}

}  // namespace
}  // namespace tollgate::licensing
