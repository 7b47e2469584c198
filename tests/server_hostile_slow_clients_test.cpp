// The slow-client attack of issue 11, item 3, against the real `tollgate serve`:
// 40 connections from one address (127.0.0.2) each send a request one header byte a
// second. Before, each held a pool thread as long as bytes kept coming and the others'
// requests waited for ever. Now the server keeps answering another client (127.0.0.1)
// within a bound, and closes a connection whose headers have not all arrived within
// --header-timeout. Bounded: about 8 s; loopback only.
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "hostile_client.h"
#include "server_fixture.h"

namespace tollgate::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

class ServerSlowClientsTest : public ServerFixture {
 protected:
  // Four threads (the runner's), as a small server would have: 40 slow clients are
  // ten times the pool.
  // The default per-address limit of 4 threads (3, a quarter kept for others).
  std::vector<std::string> ExtraFlags() const override {
    return {"--header-timeout", "3", "--client-connections", "3"};
  }
};

TEST_P(ServerSlowClientsTest, FortySlowConnectionsDoNotStarveAnotherClient) {
  constexpr int kSlow = 40;
  const std::string request =
      "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(200, 'a') + "\r\n\r\n";
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < kSlow; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server_->port(), "127.0.0.2"));
    ASSERT_TRUE(slow.back()->ok()) << "cannot connect from 127.0.0.2";
  }
  std::atomic<int> open_after_deadline = -1;
  std::thread attacker([&] {
    // One byte a second on every connection still open, for 7 s; after 5 s (the
    // header timeout and then some), how many are still open.
    const auto started = Clock::now();
    for (std::size_t at = 0;
         at < request.size() && Clock::now() - started < std::chrono::seconds(7); ++at) {
      for (auto& c : slow) {
        if (!c->ClosedByServer()) c->Send(request.substr(at, 1));
      }
      if (Clock::now() - started > std::chrono::milliseconds(5000) && open_after_deadline < 0) {
        int open = 0;
        for (auto& c : slow) open += c->ClosedByServer() ? 0 : 1;
        open_after_deadline = open;
      }
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  });
  std::this_thread::sleep_for(milliseconds(500));  // every slow connection is in

  // Another client is answered promptly, again and again, while the attack goes on.
  for (int round = 0; round < 4; ++round) {
    for (const std::string path :
         {"/healthz", "/api/screen?name=Huawei%20Technologies&as_of=2019-06-01"}) {
      auto client = server_->Client();
      client->set_connection_timeout(std::chrono::seconds(2));
      client->set_read_timeout(std::chrono::seconds(2));
      const auto started = Clock::now();
      auto answer = client->Get(path, {{"Authorization", "Bearer " + tokens_.at("msft")}});
      const auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - started);
      // No ASSERT here: the attacker thread must be joined whatever happens.
      EXPECT_TRUE(answer) << "round " << round << " " << path << ": "
                          << httplib::to_string(answer.error());
      if (answer) {
        EXPECT_EQ(answer->status, 200) << path;
      }
      EXPECT_LT(took.count(), 1500) << "round " << round << " " << path;
    }
    std::this_thread::sleep_for(milliseconds(1000));
  }
  attacker.join();
  // None finished its headers in 3 s: the server has closed every one by now.
  EXPECT_EQ(open_after_deadline.load(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerSlowClientsTest, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
