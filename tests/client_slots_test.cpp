// The per-address connection slots of the guarded server (apps/server/guarded_server.h):
// idle keep-alive waits between requests may not take the quarter kept for requests in
// progress. A browser keeps several idle connections per tab from one address; before
// this reserve they held every slot and an upload's body read was refused at once
// ("the body could not be read", seen in the web UI's list upload).
#include <gtest/gtest.h>

#include "../apps/server/guarded_server.h"

namespace tollgate::testing {
namespace {

TEST(ClientSlotsTest, IdleWaitsLeaveAQuarterOfTheSlotsToRequestsInProgress) {
  server::ClientSlots slots(8);
  int idle = 0;
  while (slots.Take("10.0.0.1", /*idle=*/true)) ++idle;
  EXPECT_EQ(idle, 6);                   // 8 less a quarter
  EXPECT_TRUE(slots.Take("10.0.0.1"));  // a request being read still gets one
  EXPECT_TRUE(slots.Take("10.0.0.1"));
  EXPECT_FALSE(slots.Take("10.0.0.1"));                // and the bound itself holds
  EXPECT_TRUE(slots.Take("10.0.0.2", /*idle=*/true));  // another address is apart
  slots.Give("10.0.0.1");
  EXPECT_FALSE(slots.Take("10.0.0.1", /*idle=*/true));  // the freed slot stays reserved
  EXPECT_TRUE(slots.Take("10.0.0.1"));
}

TEST(ClientSlotsTest, ASingleSlotIsOnlyForARequestInProgress) {
  server::ClientSlots slots(1);
  EXPECT_FALSE(slots.Take("10.0.0.1", /*idle=*/true));
  EXPECT_EQ(slots.Held("10.0.0.1"), 0u);
  EXPECT_TRUE(slots.Take("10.0.0.1"));
}

}  // namespace
}  // namespace tollgate::testing
