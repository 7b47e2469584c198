// Issue 13, item 9, through the real CLI on both backends: `audit checkpoint` signs the
// head of the log with a key kept outside the database, and `audit verify --checkpoint`
// then finds what the chain alone cannot: a tail cut off and an old record rewritten
// with every later hash recomputed, each done as an attacker with the database's keys
// would (the sqlite3 shell or a PostgreSQL connection: drop the trigger, change the rows,
// put the trigger back). A dropped trigger is reported on its own, and a checkpoint
// altered or signed by another key is refused with its own error.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "raw_sql.h"
#include "test_databases.h"
#include "tollgate/audit/record.h"
#include "tollgate/storage/store.h"

namespace tollgate::testing {
namespace {

using nlohmann::json;

constexpr const char* kSqliteDeleteGuard =
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
    "BEGIN SELECT RAISE(ABORT, 'audit records are append-only (part 762)'); END;";
constexpr const char* kSqliteUpdateGuard =
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
    "BEGIN SELECT RAISE(ABORT, 'audit records are append-only (part 762)'); END;";
constexpr const char* kPostgresGuard =
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();";

std::string Quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

class AuditCheckpointCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (const char* setup : {"orgs add microsoft --name 'Microsoft Corporation' --by setup",
                              "users add msft-exports --role applicant --org microsoft --by setup",
                              "users add officer --role reviewer --by setup",
                              "users add dod --role agency --agency defense --by setup",
                              "users add auditor --role oversight --by setup"}) {
      auto r = cli_.Run(setup);
      ASSERT_EQ(r.exit_code, 0) << setup << ": " << r.err;
    }
  }

  bool postgres() const { return db_.backend() == "postgres"; }
  // PostgreSQL has no file to keep the key beside: its path is given.
  std::string KeyFlag() const {
    return postgres() ? " --audit-key '" + (cli_.dir() / "audit.key").string() + "'" : "";
  }
  std::string KeyPath() const {
    return postgres() ? (cli_.dir() / "audit.key").string() : db_.url() + ".audit-key";
  }

  // Signs the head now; the checkpoint file's path.
  std::string Checkpoint(const std::string& name = "checkpoint.json") {
    const std::string path = (cli_.dir() / name).string();
    auto r = cli_.Run("audit checkpoint --out '" + path + "'" + KeyFlag());
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    return path;
  }

  CliResult VerifyWith(const std::string& checkpoint, const std::string& more = "") {
    return cli_.Run("audit verify --checkpoint '" + checkpoint + "'" + KeyFlag() + more);
  }

  // SQL as someone holding the database (raw_sql.h); the error text, "" on success.
  std::string Sql(const std::string& sql) {
    return RawSql(db_.backend(), db_.url(), sql, cli_.dir());
  }

  std::string DropGuards() {
    return Sql(postgres() ? "DROP TRIGGER audit_log_append_only ON audit_log;"
                          : "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
  }
  std::string RestoreGuards() {
    return Sql(postgres() ? kPostgresGuard
                          : std::string(kSqliteUpdateGuard) + "\n" + kSqliteDeleteGuard);
  }

  std::string RestoreFunction() {
    return Sql(
        "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE "
        "plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit records are append-only (part 762)'; "
        "END; $$;");
  }

  std::vector<audit::Record> Log() {
    auto store = storage::OpenStore(db_.url());
    EXPECT_TRUE(store.ok()) << store.error().message;
    if (!store.ok()) return {};
    auto log = (*store)->AuditLog();
    EXPECT_TRUE(log.ok());
    return log.ok() ? *log : std::vector<audit::Record>{};
  }

  json ReadJson(const std::string& path) {
    std::ifstream in(path);
    return json::parse(in);
  }

  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(AuditCheckpointCliTest, ACheckpointSignsTheHeadWithAKeyKeptOutsideTheDatabase) {
  if (postgres()) {
    auto refused = cli_.Run("audit checkpoint");
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("a PostgreSQL database needs --audit-key PATH"), std::string::npos)
        << refused.err;
  }
  auto intact = json::parse(cli_.Run("audit verify --json").out);
  const std::string path = Checkpoint();
  const json checkpoint = ReadJson(path);
  EXPECT_EQ(checkpoint["format"], "tollgate-audit-checkpoint/1");
  EXPECT_EQ(checkpoint["sequence"], 5);
  EXPECT_EQ(checkpoint["head_hash"], intact["head_hash"]);
  EXPECT_EQ(checkpoint["algorithm"], "Ed25519");
  EXPECT_EQ(checkpoint["public_key"].get<std::string>().size(), 64u);
  EXPECT_EQ(checkpoint["signature"].get<std::string>().size(), 128u);

  struct stat info {};
  ASSERT_EQ(stat(KeyPath().c_str(), &info), 0) << KeyPath();
  EXPECT_EQ(info.st_mode & 0777, 0600);

  // The same key signs the next checkpoint; the log grows and still reaches the first.
  ASSERT_EQ(cli_.Run("users add root --role reviewer --by setup").exit_code, 0);
  const json second = ReadJson(Checkpoint("second.json"));
  EXPECT_EQ(second["sequence"], 6);
  EXPECT_EQ(second["public_key"], checkpoint["public_key"]);
  auto verified = VerifyWith(path);
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  EXPECT_NE(verified.out.find("checkpoint: sequence 5 signed"), std::string::npos) << verified.out;
  EXPECT_NE(verified.out.find("intact\n"), std::string::npos);
  auto as_json = json::parse(VerifyWith(path, " --json").out);
  EXPECT_EQ(as_json["ok"], true);
  EXPECT_EQ(as_json["guard_problems"], json::array());

  // A key file others may read is refused, as ssh refuses one.
  ASSERT_EQ(chmod(KeyPath().c_str(), 0644), 0);
  auto open_key = cli_.Run("audit checkpoint" + KeyFlag());
  EXPECT_EQ(open_key.exit_code, 2);
  EXPECT_NE(open_key.err.find("readable or writable by group or others"), std::string::npos)
      << open_key.err;
}

TEST_P(AuditCheckpointCliTest, ADroppedOrDisabledTriggerIsReportedAndNothingIsSigned) {
  ASSERT_EQ(Sql(postgres() ? "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;"
                           : "DROP TRIGGER audit_log_no_delete;"),
            "");
  auto r = cli_.Run("audit verify");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(postgres() ? "append-only: trigger audit_log_append_only is disabled"
                                  : "append-only: trigger audit_log_no_delete is missing"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("NOT intact: 1 problem(s)"), std::string::npos) << r.out;
  auto refused = cli_.Run("audit checkpoint" + KeyFlag());
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.err.find("the audit log does not verify"), std::string::npos) << refused.err;

  // A trigger put back that lets the change through is no guard either.
  ASSERT_EQ(Sql(postgres() ? "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only; "
                             "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS "
                             "trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END; $$;"
                           : "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                             "WHEN 0 BEGIN SELECT RAISE(ABORT, 'no'); END;"),
            "");
  r = cli_.Run("audit verify --json");
  EXPECT_EQ(r.exit_code, 1);
  const auto problems = json::parse(r.out)["guard_problems"];
  // On PostgreSQL both triggers (UPDATE or DELETE, and TRUNCATE) call that function.
  ASSERT_EQ(problems.size(), postgres() ? 2u : 1u) << r.out;
  for (const auto& problem : problems) {
    EXPECT_NE(problem.get<std::string>().find("replaced"), std::string::npos) << r.out;
  }
  if (postgres()) {
    ASSERT_EQ(RestoreFunction(), "");
    EXPECT_NE(Sql("TRUNCATE audit_log;").find("append-only"), std::string::npos)
        << "TRUNCATE fires no row trigger: migration 8 refuses it";
  }
}

TEST_P(AuditCheckpointCliTest, ATruncatedTailIsFoundWithTheCheckpointThoughTheChainVerifies) {
  const std::string path = Checkpoint();  // sequence 5
  ASSERT_EQ(cli_.Run("users add root --role reviewer --by setup").exit_code, 0);

  // Records 4 to 6 go; the trigger is put back so that nothing looks amiss.
  ASSERT_EQ(DropGuards(), "");
  ASSERT_EQ(Sql("DELETE FROM audit_log WHERE sequence >= 4;"), "");
  ASSERT_EQ(RestoreGuards(), "");
  auto plain = cli_.Run("audit verify");
  EXPECT_EQ(plain.exit_code, 0) << "a cut tail verifies on its own: " << plain.out;

  auto r = VerifyWith(path);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("sequence 4: truncated: the log ends at sequence 3 but the checkpoint "
                       "signed "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("covers 5: records 4 to 5 are gone"), std::string::npos) << r.out;
}

TEST_P(AuditCheckpointCliTest, AnOldRecordRewrittenWithEveryHashRecomputedIsFound) {
  const std::string path = Checkpoint();  // sequence 5
  ASSERT_EQ(cli_.Run("users add root --role reviewer --by setup").exit_code, 0);

  // A careful forger: record 2 gets another actor, and it and every later record a hash
  // that matches, so the chain is whole again.
  auto log = Log();
  ASSERT_EQ(log.size(), 6u);
  log[1].actor = "operator nobody";
  std::string statements;
  for (std::size_t i = 1; i < log.size(); ++i) {
    log[i].previous_hash = log[i - 1].hash;
    log[i].hash = audit::ComputeHash(log[i]).value();
    statements += "UPDATE audit_log SET actor = " + Quoted(log[i].actor) +
                  ", previous_hash = " + Quoted(log[i].previous_hash) +
                  ", hash = " + Quoted(log[i].hash) +
                  " WHERE sequence = " + std::to_string(log[i].sequence) + ";\n";
  }
  ASSERT_EQ(DropGuards(), "");
  ASSERT_EQ(Sql(statements), "");
  ASSERT_EQ(RestoreGuards(), "");
  auto plain = cli_.Run("audit verify");
  EXPECT_EQ(plain.exit_code, 0) << "a re-hashed chain verifies on its own: " << plain.out;

  auto r = VerifyWith(path);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("sequence 5: rewritten: its hash differs from the checkpoint signed "),
            std::string::npos)
      << r.out;
}

TEST_P(AuditCheckpointCliTest, AnAlteredOrForeignCheckpointIsItsOwnError) {
  const std::string path = Checkpoint();
  const json kept = ReadJson(path);
  const auto log = Log();

  // Moved back to record 3, as someone hiding a cut tail would.
  json moved = kept;
  moved["sequence"] = 3;
  moved["head_hash"] = log[2].hash;
  const auto moved_path = cli_.Write("moved.json", moved.dump());
  auto r = VerifyWith(moved_path.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("moved.json: checkpoint signature: does not verify with the "
                       "checkpoint's public_key"),
            std::string::npos)
      << r.err;

  json flipped = kept;
  std::string signature = kept["signature"];
  signature[10] = signature[10] == '0' ? '1' : '0';
  flipped["signature"] = signature;
  r = VerifyWith(cli_.Write("flipped.json", flipped.dump()).string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("signature: does not verify"), std::string::npos) << r.err;

  json incomplete = kept;
  incomplete.erase("sequence");
  r = VerifyWith(cli_.Write("incomplete.json", incomplete.dump()).string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("incomplete.json: checkpoint: field sequence: expected a whole number"),
            std::string::npos)
      << r.err;

  // Signed with a key of the attacker's own: valid as a signature, not this database's.
  const std::string other_key = (cli_.dir() / "other.key").string();
  auto other = cli_.Run("audit checkpoint --audit-key '" + other_key + "'");
  ASSERT_EQ(other.exit_code, 0) << other.err;
  const auto foreign = cli_.Write("foreign.json", other.out);
  r = VerifyWith(foreign.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("checkpoint public_key: the checkpoint was signed by "), std::string::npos)
      << r.err;
  // Whoever trusts that key says so, and then it verifies.
  const std::string pinned = json::parse(other.out)["public_key"];
  r = cli_.Run("audit verify --checkpoint '" + foreign.string() + "' --public-key " + pinned);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditCheckpointCliTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
