#include "tollgate/licensing/clock.h"

#include <gtest/gtest.h>

namespace tollgate::licensing {
namespace {

Date D(const char* iso) { return Date::Parse(iso).value(); }

TEST(ClockTest, AFixedClockStandsStillUntilMoved) {
  FixedClock clock(D("2019-11-20"));
  EXPECT_EQ(clock.Today(), D("2019-11-20"));
  EXPECT_EQ(clock.Timestamp(), "2019-11-20T00:00:00Z");
  clock.AdvanceSeconds(86399);
  EXPECT_EQ(clock.Today(), D("2019-11-20")) << "the last second of the day is still that day";
  EXPECT_EQ(clock.Timestamp(), "2019-11-20T23:59:59Z");
  clock.AdvanceSeconds(1);
  EXPECT_EQ(clock.Today(), D("2019-11-21"));
  clock.AdvanceDays(20);
  EXPECT_EQ(clock.Today(), D("2019-12-11"));
  clock.Set(D("2019-05-16"));
  EXPECT_EQ(clock.Timestamp(), "2019-05-16T00:00:00Z");
}

TEST(ClockTest, DatesBeforeTheEpochKeepTheirDay) {
  FixedClock clock(D("1969-12-31"));
  clock.AdvanceSeconds(3600);
  EXPECT_EQ(clock.Today(), D("1969-12-31"));
  EXPECT_EQ(clock.Timestamp(), "1969-12-31T01:00:00Z");
}

TEST(ClockTest, TheSystemClockAgreesWithTodaysDate) {
  SystemClock clock;
  const Date before = Date::Today();
  const Date today = clock.Today();
  EXPECT_TRUE(today == before || today == before.AddDays(1));
  EXPECT_EQ(clock.Timestamp().substr(0, 10), today.ToString());
}

}  // namespace
}  // namespace tollgate::licensing
