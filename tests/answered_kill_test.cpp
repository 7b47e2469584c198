// Issue 14, item 5: POST /api/check answers only once its determination is recorded
// (part 762 keeps determinations as export records, 15 CFR 762.2), so a server killed
// with SIGKILL while it is answering loses no determination it answered; and since
// issue 15, item 6, the same holds for GET /api/screen and its screening records. The real
// server runs on a real database; eight client threads send checks, each for a party
// of its own name, and keep the record id of every answer; the server is killed after a
// random number of answers, three times over on the same database. After each kill the
// store is reopened and every answered id must be there, with the party that request
// named (an id answered for another request's record would pass a check of ids alone).
//
// What this covers is a process crash: the commit is in the database's files (SQLite:
// the WAL, in the operating system's cache; PostgreSQL: its own WAL) before the answer
// is written. Power loss is not tested (README, "Architecture"; BENCHMARKS.md, "HTTP
// server").
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.h"
#include "server_runner.h"
#include "test_databases.h"
#include "test_paths.h"
#include "tollgate/storage/store.h"

namespace tollgate::testing {
namespace {

struct Answered {
  std::int64_t id = 0;
  std::string party;
};

std::string CheckBody(const std::string& party) {
  return nlohmann::json{{"items", {{{"eccn", "5D992.c"}}}},
                        {"destination", "CN"},
                        {"date", "2019-06-01"},
                        {"parties", {{{"role", "end_user"}, {"name", party}}}}}
      .dump();
}

// One request for `party`: its status and the record id it answered (0 when none).
using Send = std::function<httplib::Result(httplib::Client&, const httplib::Headers&,
                                           const std::string& party)>;
// What the store holds after a kill: each record's id and the text that names its party.
using Stored = std::function<std::map<std::int64_t, std::string>(storage::Store&)>;

class AnsweredKillTest : public ::testing::TestWithParam<std::string> {
 protected:
  // Senders keep every answered record id; the server is killed after a random number
  // of answers, three rounds on one database; then every answered id must be stored,
  // naming the party its request named, and no id may have answered two requests.
  void KillRounds(const Send& send, const Stored& stored_of, const char* what);
};

void AnsweredKillTest::KillRounds(const Send& send, const Stored& stored_of, const char* what) {
  TestDatabase db(GetParam());
  CliSandbox cli(db.url());
  for (const std::string& setup :
       {"lists import '" + std::string(TOLLGATE_SOURCE_DIR) +
            "/data/lists/huawei_entity_list_2019.csv' --as-of 2019-05-16",
        std::string("users add root --role admin --by setup"),  // a server needs one
        std::string("users add checker --role reviewer --by setup")}) {
    auto r = cli.Run(setup);
    ASSERT_EQ(r.exit_code, 0) << setup << ": " << r.err;
  }
  auto issued = cli.Run("tokens issue checker --name kill-test");
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  const httplib::Headers auth = {
      {"Authorization", "Bearer " + issued.out.substr(0, issued.out.find('\n'))}};

  std::mt19937 random(std::random_device{}());
  std::vector<Answered> answered;
  std::mutex answered_mu;
  constexpr int kSenders = 8;
  for (int round = 0; round < 3; ++round) {
    // More server threads than senders: every sender's request is in progress at once,
    // so several are waiting on one group commit when the kill comes.
    ServerProcess server(db.url(), {"--threads", "16", "--client-connections", "16"});
    std::atomic<bool> killed = false;
    std::atomic<std::size_t> answers = 0;
    std::vector<std::thread> senders;
    for (int t = 0; t < kSenders; ++t) {
      senders.emplace_back([&, t] {
        auto client = server.Client();
        client->set_connection_timeout(std::chrono::seconds(2));
        for (int i = 0;; ++i) {
          const std::string party = "Kill Test Party " + std::to_string(round) + " " +
                                    std::to_string(t) + " " + std::to_string(i);
          auto result = send(*client, auth, party);
          if (!result) {
            // Only the kill may cut a request off.
            if (!killed) ADD_FAILURE() << party << ": " << httplib::to_string(result.error());
            return;
          }
          if (result->status != 200) {
            ADD_FAILURE() << party << ": status " << result->status << " " << result->body;
            return;
          }
          const auto id = nlohmann::json::parse(result->body).at("record_id").get<std::int64_t>();
          std::lock_guard lock(answered_mu);
          answered.push_back({id, party});
          ++answers;
        }
      });
    }
    // A random moment: after 100 to 400 answers of this round.
    const std::size_t kill_after = std::uniform_int_distribution<std::size_t>(100, 400)(random);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (answers < kill_after && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    killed = true;
    server.Kill();
    for (auto& sender : senders) sender.join();
    ASSERT_GE(answers.load(), kill_after) << "round " << round << ": too few answers in time";

    auto store = storage::OpenStore(db.url());
    ASSERT_TRUE(store.ok()) << "the database does not open after the kill: "
                            << store.error().message;
    const auto stored = stored_of(**store);
    std::size_t missing = 0;
    std::map<std::int64_t, int> times_answered;
    for (const auto& a : answered) {
      ++times_answered[a.id];
      const auto found = stored.find(a.id);
      if (found == stored.end()) {
        ++missing;
        continue;
      }
      EXPECT_NE(found->second.find(a.party), std::string::npos)
          << "record " << a.id << " was answered for " << a.party << " but holds " << found->second;
    }
    EXPECT_EQ(missing, 0u) << "round " << round << ": " << missing << " of " << answered.size()
                           << " answered " << what << " are not in the store after the kill";
    for (const auto& [id, times] : times_answered) {
      EXPECT_EQ(times, 1) << "record " << id << " was answered to " << times << " requests";
    }
  }
}

TEST_P(AnsweredKillTest, EveryAnsweredDeterminationIsStoredAfterAKillUnderLoad) {
  KillRounds(
      [](httplib::Client& client, const httplib::Headers& auth, const std::string& party) {
        return client.Post("/api/check", auth, CheckBody(party), "application/json");
      },
      [](storage::Store& store) {
        std::map<std::int64_t, std::string> stored;
        auto records = store.ListDeterminations();
        EXPECT_TRUE(records.ok()) << records.error().message;
        if (records.ok()) {
          for (const auto& record : *records) stored.emplace(record.id, record.request_json);
        }
        return stored;
      },
      "determinations");
}

TEST_P(AnsweredKillTest, EveryAnsweredScreeningIsStoredAfterAKillUnderLoad) {
  KillRounds(
      [](httplib::Client& client, const httplib::Headers& auth, const std::string& party) {
        std::string name = party;  // letters, digits and spaces
        for (std::size_t at = name.find(' '); at != std::string::npos; at = name.find(' ', at)) {
          name.replace(at, 1, "%20");
        }
        return client.Get("/api/screen?as_of=2019-06-01&name=" + name, auth);
      },
      [](storage::Store& store) {
        std::map<std::int64_t, std::string> stored;
        storage::HistoryFilter all;
        all.limit = std::numeric_limits<std::int64_t>::max();
        auto records = store.FindScreenings(all);
        EXPECT_TRUE(records.ok()) << records.error().message;
        if (records.ok()) {
          for (const auto& record : *records) stored.emplace(record.id, record.name);
        }
        return stored;
      },
      "screenings");
}

INSTANTIATE_TEST_SUITE_P(Backends, AnsweredKillTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
