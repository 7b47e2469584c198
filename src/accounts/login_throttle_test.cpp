// The login back-off on a real SQLite store: five failures within 15 minutes lock a
// key for 15 minutes after the last; spaced-out failures never do.
#include "tollgate/accounts/login_throttle.h"

#include <gtest/gtest.h>

#include "test_databases.h"
#include "tollgate/licensing/clock.h"

namespace tollgate::accounts {
namespace {

using std::chrono::minutes;
using std::chrono::sys_seconds;

class LoginThrottleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = storage::OpenStore(db_.url());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
  }

  bool Locked(const std::vector<std::string>& keys, sys_seconds now) {
    auto until = LockedUntil(*store_, keys, now);
    EXPECT_TRUE(until.ok());
    return until.ok() && until->has_value();
  }

  tollgate::testing::TestDatabase db_{"sqlite"};
  std::unique_ptr<storage::Store> store_;
  const sys_seconds start_ = std::chrono::sys_days(std::chrono::January / 5 / 2026);
};

TEST_F(LoginThrottleTest, TheFifthFailureLocksForFifteenMinutesAfterIt) {
  const std::vector<std::string> keys = {UserKey("root"), AddressKey("10.0.0.1")};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(*RecordLoginFailure(*store_, keys, start_ + minutes(i)), i + 1);
    EXPECT_FALSE(Locked(keys, start_ + minutes(i))) << "after failure " << i + 1;
  }
  EXPECT_EQ(*RecordLoginFailure(*store_, keys, start_ + minutes(4)), 5);
  auto until = LockedUntil(*store_, keys, start_ + minutes(5));
  ASSERT_TRUE(until.ok());
  ASSERT_TRUE(until->has_value());
  EXPECT_EQ(**until, start_ + minutes(19));
  // Each key locks alone: the same address tried at another name, the same name from
  // another address.
  EXPECT_TRUE(Locked({UserKey("someone-else"), AddressKey("10.0.0.1")}, start_ + minutes(5)));
  EXPECT_TRUE(Locked({UserKey("root"), AddressKey("10.0.0.2")}, start_ + minutes(5)));
  EXPECT_FALSE(Locked({UserKey("someone-else"), AddressKey("10.0.0.2")}, start_ + minutes(5)));
  EXPECT_TRUE(Locked(keys, start_ + minutes(18)));
  EXPECT_FALSE(Locked(keys, start_ + minutes(19)));
}

TEST_F(LoginThrottleTest, FailuresFurtherApartThanTheLockoutNeverLock) {
  const std::vector<std::string> keys = {UserKey("root")};
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(*RecordLoginFailure(*store_, keys, start_ + minutes(16 * i)), 1);
  }
  EXPECT_FALSE(Locked(keys, start_ + minutes(16 * 11)));
}

TEST_F(LoginThrottleTest, ALowerLimitAndAShorterLockoutAreHonoured) {
  const ThrottlePolicy policy{2, minutes(1)};
  const std::vector<std::string> keys = {UserKey("root")};
  ASSERT_TRUE(RecordLoginFailure(*store_, keys, start_, policy).ok());
  EXPECT_FALSE(LockedUntil(*store_, keys, start_, policy)->has_value());
  ASSERT_TRUE(RecordLoginFailure(*store_, keys, start_, policy).ok());
  EXPECT_TRUE(LockedUntil(*store_, keys, start_, policy)->has_value());
  EXPECT_FALSE(LockedUntil(*store_, keys, start_ + minutes(1), policy)->has_value());
}

}  // namespace
}  // namespace tollgate::accounts
