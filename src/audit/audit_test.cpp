#include <gtest/gtest.h>

#include "tollgate/audit/record.h"
#include "tollgate/audit/verify.h"
#include "tollgate/common/sha256.h"

namespace tollgate::audit {
namespace {

using nlohmann::json;

Entry Change(int n) {
  return Entry{"2019-11-20T10:00:0" + std::to_string(n % 10) + "Z",
               "reviewer licensing-officer-1",
               "application.transition",
               "application D00000" + std::to_string(n),
               {{"state", "registered"}, {"version", n}},
               {{"state", "approved"}, {"version", n + 1}, {"criteria", {"mass_market"}}}};
}

std::vector<Record> Log(int n) {
  std::vector<Record> log;
  for (int i = 1; i <= n; ++i) {
    auto next = Chain(log.empty() ? nullptr : &log.back(), Change(i));
    EXPECT_TRUE(next.ok()) << next.error().message;
    log.push_back(std::move(next).value());
  }
  return log;
}

// Gives `record` a hash that matches its (edited) content, as a careful forger would.
void Rehash(Record& record) { record.hash = ComputeHash(record).value(); }

TEST(AuditRecordTest, TheHashCoversThePreviousHashAndTheCanonicalRecord) {
  auto log = Log(2);
  EXPECT_EQ(log[0].sequence, 1);
  EXPECT_EQ(log[0].previous_hash, kGenesisHash);
  EXPECT_EQ(log[1].sequence, 2);
  EXPECT_EQ(log[1].previous_hash, log[0].hash);

  const std::string canonical = CanonicalForm(log[0]).value();
  EXPECT_EQ(canonical,
            R"({"action":"application.transition","actor":"reviewer licensing-officer-1",)"
            R"("after":{"criteria":["mass_market"],"state":"approved","version":2},)"
            R"("before":{"state":"registered","version":1},"sequence":1,)"
            R"("subject":"application D000001","timestamp":"2019-11-20T10:00:01Z"})");
  EXPECT_EQ(log[0].hash, Sha256Hex(std::string(kGenesisHash) + "\n" + canonical));
}

TEST(AuditRecordTest, KeyOrderAndWhitespaceOfTheInputDoNotChangeTheHash) {
  Entry a = Change(1);
  Entry b = Change(1);
  b.after = json::parse(R"({ "version" : 2, "state" : "approved", "criteria" : ["mass_market"] })");
  EXPECT_EQ(Chain(nullptr, a)->hash, Chain(nullptr, b)->hash);
  b.after["criteria"] = {"mass_market", "non_sensitive_item"};
  EXPECT_NE(Chain(nullptr, a)->hash, Chain(nullptr, b)->hash);
}

TEST(AuditRecordTest, TextThatIsNotUtf8IsRefused) {
  Entry entry = Change(1);
  entry.subject = "application \xff";
  auto record = Chain(nullptr, entry);
  ASSERT_FALSE(record.ok());
  EXPECT_EQ(record.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(record.error().message.find("no canonical form"), std::string::npos);
}

TEST(AuditVerifyTest, AnIntactChainVerifies) {
  auto log = Log(5);
  auto v = Verify(log);
  EXPECT_TRUE(v.ok()) << v.problems[0].what;
  EXPECT_EQ(v.records, 5);
  EXPECT_EQ(v.last_sequence, 5);
  EXPECT_EQ(v.head_hash, log.back().hash);
  EXPECT_TRUE(Verify(std::vector<Record>{}).ok());
  EXPECT_EQ(Verify(std::vector<Record>{}).head_hash, kGenesisHash);
}

TEST(AuditVerifyTest, AnEditedRecordIsNamed) {
  auto log = Log(5);
  log[2].after["state"] = "denied";
  EXPECT_EQ(Verify(log).problems,
            (std::vector<Problem>{{3, "edited: its content does not match its hash"}}));

  log = Log(5);
  log[3].actor = "reviewer someone-else";
  EXPECT_EQ(Verify(log).problems,
            (std::vector<Problem>{{4, "edited: its content does not match its hash"}}));
}

TEST(AuditVerifyTest, AnEditedAndRehashedRecordIsNamedByTheLinkAfterIt) {
  auto log = Log(5);
  log[2].before = nullptr;
  Rehash(log[2]);
  EXPECT_EQ(Verify(log).problems,
            (std::vector<Problem>{{3,
                                   "its hash is not the one sequence 4 was chained to: it "
                                   "was edited and re-hashed, or replaced"}}));
}

TEST(AuditVerifyTest, ADeletedRecordIsNamed) {
  auto log = Log(5);
  log.erase(log.begin() + 2);
  EXPECT_EQ(Verify(log).problems, (std::vector<Problem>{{3, "missing: not in the log (deleted)"}}));

  auto first_gone = Log(3);
  first_gone.erase(first_gone.begin());
  EXPECT_EQ(Verify(first_gone).problems,
            (std::vector<Problem>{{1, "missing: not in the log (deleted)"}}));
}

TEST(AuditVerifyTest, AnInsertedRecordIsNamedEvenWhenItsOwnHashIsRight) {
  auto log = Log(5);
  // A forged sequence 3, properly chained to sequence 2, slipped in before the real 3.
  Record forged = Chain(&log[1], Change(9)).value();
  ASSERT_EQ(forged.sequence, 3);
  log.insert(log.begin() + 2, forged);
  auto v = Verify(log);
  ASSERT_FALSE(v.ok());
  for (const Problem& p : v.problems) EXPECT_EQ(p.sequence, 3) << p.what;
  EXPECT_EQ(v.problems[0].what, "appears twice: a record was inserted");
}

TEST(AuditVerifyTest, AReorderingIsNamed) {
  auto log = Log(5);
  std::swap(log[1], log[2]);
  EXPECT_EQ(Verify(log).problems,
            (std::vector<Problem>{{2, "out of order: found after sequence 3"}}));
}

TEST(AuditVerifyTest, ARenumberedTailFailsEveryRenumberedRecord) {
  auto log = Log(5);
  log.erase(log.begin() + 1);
  for (std::size_t i = 1; i < log.size(); ++i) log[i].sequence -= 1;
  auto v = Verify(log);
  ASSERT_EQ(v.problems.size(), 3u);
  EXPECT_EQ(v.problems[0], (Problem{2, "edited: its content does not match its hash"}));
}

TEST(AuditVerifyTest, AnAnchorExposesARewrittenOrTruncatedChain) {
  auto log = Log(5);
  const Anchor anchor{4, log[3].hash};
  EXPECT_TRUE(Verify(log, anchor).ok());

  // Rewritten from sequence 3 on with every hash recomputed: consistent on its own.
  auto rewritten = log;
  rewritten[2].after["state"] = "denied";
  Rehash(rewritten[2]);
  for (std::size_t i = 3; i < rewritten.size(); ++i) {
    rewritten[i].previous_hash = rewritten[i - 1].hash;
    Rehash(rewritten[i]);
  }
  EXPECT_TRUE(Verify(rewritten).ok());
  EXPECT_EQ(Verify(rewritten, anchor).problems,
            (std::vector<Problem>{{4,
                                   "its hash differs from the anchor: the log was rewritten "
                                   "from here or earlier"}}));

  auto truncated = log;
  truncated.resize(3);
  EXPECT_TRUE(Verify(truncated).ok());
  EXPECT_EQ(Verify(truncated, anchor).problems,
            (std::vector<Problem>{{4, "the anchored record is no longer in the log"}}));
}

}  // namespace
}  // namespace tollgate::audit
