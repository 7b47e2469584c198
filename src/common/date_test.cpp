#include "tollgate/common/date.h"

#include <gtest/gtest.h>

namespace tollgate {
namespace {

TEST(DateTest, ParsesIsoAndRoundTrips) {
  auto d = Date::Parse("2019-05-16");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ToString(), "2019-05-16");
  EXPECT_EQ(DaysBetween(*d, *Date::Parse("2019-08-14")), 90);
}

TEST(DateTest, RejectsImpossibleDatesWithTheInputInTheMessage) {
  for (const char* bad : {"2019-02-30", "2019-13-01", "19-05-16", "2019/05/16", "", "2019-5-16"}) {
    auto d = Date::Parse(bad);
    ASSERT_FALSE(d.ok()) << bad;
    EXPECT_EQ(d.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(d.error().message.find(bad), std::string::npos);
  }
}

TEST(DateTest, LenientParsingCoversTheListFileFormats) {
  EXPECT_EQ(Date::ParseLenient("06/19/2003")->ToString(), "2003-06-19");
  EXPECT_EQ(Date::ParseLenient("5/21/19")->ToString(), "2019-05-21");
  EXPECT_EQ(Date::ParseLenient("02 Aug 2021")->ToString(), "2021-08-02");
  EXPECT_EQ(Date::ParseLenient(" 2019-05-21 ")->ToString(), "2019-05-21");
  EXPECT_FALSE(Date::ParseLenient("sometime in 2019").has_value());
  EXPECT_FALSE(Date::ParseLenient("2/30/2019").has_value());
}

}  // namespace
}  // namespace tollgate
