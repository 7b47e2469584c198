// Issue 13, item 9, over the real server on both backends: GET /api/audit/checkpoint
// gives a monitor a signed checkpoint (oversight and admin only), POST /api/audit/verify
// checks the log against a checkpoint kept elsewhere (a truncated tail shows; an altered
// checkpoint is a 400 naming the field), and GET /api/audit/verify takes an anchor.
#include "raw_sql.h"
#include "server_fixture.h"

namespace tollgate::testing {
namespace {

using Json = nlohmann::json;

class AuditCheckpointApiTest : public ServerFixture {
 protected:
  // PostgreSQL has no file to keep the key beside; SQLite uses the default place.
  std::vector<std::string> ExtraFlags() const override {
    if (GetParam() != "postgres") return {};
    return {"--audit-key", (cli_.dir() / "audit.key").string()};
  }

  // Deletes the last records as someone holding the database would (raw_sql.h).
  void CutTail(int from_sequence) {
    const std::string drop = GetParam() == "postgres"
                                 ? "DROP TRIGGER audit_log_append_only ON audit_log;"
                                 : "DROP TRIGGER audit_log_no_delete;";
    ASSERT_EQ(RawSql(GetParam(), db_.url(),
                     drop + " DELETE FROM audit_log WHERE sequence >= " +
                         std::to_string(from_sequence) + ";",
                     cli_.dir()),
              "");
  }
};

TEST_P(AuditCheckpointApiTest, AMonitorGetsASignedCheckpointAndVerifiesAgainstIt) {
  for (const char* user : {"msft", "officer", "dod"}) {
    auto refused = Call(user, "GET", "/api/audit/checkpoint");
    EXPECT_EQ(refused.status, 403) << user << ": " << refused.text;
  }
  auto answer = Call("auditor", "GET", "/api/audit/checkpoint");
  ASSERT_EQ(answer.status, 200) << answer.text;
  const Json checkpoint = answer.body;
  auto verified = Call("auditor", "GET", "/api/audit/verify");
  ASSERT_EQ(verified.status, 200) << verified.text;
  EXPECT_EQ(checkpoint["sequence"], verified.body["last_sequence"]);
  EXPECT_EQ(checkpoint["head_hash"], verified.body["head_hash"]);
  EXPECT_EQ(checkpoint["format"], "tollgate-audit-checkpoint/1");

  // The CLI on the server's machine accepts the server's checkpoint: the same key.
  const auto file = cli_.Write("from-server.json", checkpoint.dump());
  const std::string key =
      GetParam() == "postgres" ? " --audit-key '" + (cli_.dir() / "audit.key").string() + "'" : "";
  auto cli = cli_.Run("audit verify --checkpoint '" + file.string() + "'" + key);
  EXPECT_EQ(cli.exit_code, 0) << cli.out << cli.err;

  auto against = Call("root", "POST", "/api/audit/verify", checkpoint.dump());
  ASSERT_EQ(against.status, 200) << against.text;
  EXPECT_EQ(against.body["ok"], true);

  Json moved = checkpoint;
  moved["sequence"] = checkpoint["sequence"].get<int>() - 1;
  auto forged = Call("auditor", "POST", "/api/audit/verify", moved.dump());
  EXPECT_EQ(forged.status, 400) << forged.text;
  EXPECT_EQ(forged.body["field"], "signature") << forged.text;

  Json incomplete = checkpoint;
  incomplete.erase("head_hash");
  auto bad = Call("auditor", "POST", "/api/audit/verify", incomplete.dump());
  EXPECT_EQ(bad.status, 400) << bad.text;
  EXPECT_EQ(bad.body["field"], "head_hash") << bad.text;

  const int sequence = checkpoint["sequence"];
  auto anchored = Call("auditor", "GET",
                       "/api/audit/verify?anchor=" + std::to_string(sequence) + ":" +
                           checkpoint["head_hash"].get<std::string>());
  EXPECT_EQ(anchored.body["ok"], true) << anchored.text;
  auto wrong =
      Call("auditor", "GET",
           "/api/audit/verify?anchor=" + std::to_string(sequence) + ":" + std::string(64, 'a'));
  EXPECT_EQ(wrong.body["ok"], false) << wrong.text;
  auto unparsed = Call("auditor", "GET", "/api/audit/verify?anchor=eight");
  EXPECT_EQ(unparsed.status, 400);
  EXPECT_EQ(unparsed.body["field"], "anchor");

  // The tail is cut: the kept checkpoint shows it, and no new checkpoint is signed.
  CutTail(sequence - 1);
  auto cut = Call("auditor", "POST", "/api/audit/verify", checkpoint.dump());
  ASSERT_EQ(cut.status, 200) << cut.text;
  EXPECT_EQ(cut.body["ok"], false);
  ASSERT_FALSE(cut.body["problems"].empty()) << cut.text;
  EXPECT_EQ(cut.body["problems"][0]["problem"].get<std::string>().rfind("truncated:", 0), 0u)
      << cut.text;
  EXPECT_EQ(cut.body["guard_problems"].size(), 1u) << cut.text;
  auto refused = Call("auditor", "GET", "/api/audit/checkpoint");
  EXPECT_EQ(refused.status, 409) << refused.text;
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditCheckpointApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
