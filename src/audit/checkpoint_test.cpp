#include "tollgate/audit/checkpoint.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>

namespace tollgate::audit {
namespace {

std::vector<Record> Log(int n) {
  std::vector<Record> log;
  for (int i = 1; i <= n; ++i) {
    Entry entry{"2019-11-20T10:00:00Z",
                "reviewer officer",
                "application.transition",
                "application D00000" + std::to_string(i),
                nullptr,
                {{"version", i}}};
    log.push_back(Chain(log.empty() ? nullptr : &log.back(), std::move(entry)).value());
  }
  return log;
}

class CheckpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("tollgate-key-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const char* name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;
};

TEST_F(CheckpointTest, AKeyIsCreatedOnceWithMode0600AndSignsWhatVerifies) {
  auto key = SigningKey::LoadOrCreate(Path("k"));
  ASSERT_TRUE(key.ok()) << key.error().message;
  struct stat info {};
  ASSERT_EQ(stat(Path("k").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  auto again = SigningKey::LoadOrCreate(Path("k"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->public_key(), key->public_key());

  auto log = Log(4);
  auto checkpoint = key->Sign(4, log.back().hash, "2026-12-06T17:00:00Z");
  ASSERT_TRUE(checkpoint.ok());
  EXPECT_TRUE(CheckSignature(*checkpoint).ok());
  EXPECT_TRUE(CheckSignature(*checkpoint, key->public_key()).ok());
  EXPECT_TRUE(VerifyAgainst(log, *checkpoint).ok());
  // Round trip through its JSON form.
  auto read = CheckpointFromJson(ToJson(*checkpoint), "cp");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_TRUE(CheckSignature(*read).ok());
}

TEST_F(CheckpointTest, EveryFieldIsCoveredByTheSignature) {
  auto key = SigningKey::LoadOrCreate(Path("k")).value();
  auto log = Log(3);
  const Checkpoint signed_one = key.Sign(3, log.back().hash, "2026-12-06T17:00:00Z").value();
  for (int field = 0; field < 3; ++field) {
    Checkpoint changed = signed_one;
    if (field == 0) changed.sequence = 2;
    if (field == 1) changed.head_hash = log[1].hash;
    if (field == 2) changed.time = "2026-12-07T17:00:00Z";
    auto checked = CheckSignature(changed);
    ASSERT_FALSE(checked.ok()) << field;
    EXPECT_EQ(checked.error().message.rfind("signature: does not verify", 0), 0u)
        << checked.error().message;
  }
  auto other = SigningKey::LoadOrCreate(Path("other")).value();
  auto foreign = CheckSignature(signed_one, other.public_key());
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().message.rfind("public_key: ", 0), 0u);
}

TEST_F(CheckpointTest, VerifyAgainstFindsATruncatedTailAndARewrite) {
  auto key = SigningKey::LoadOrCreate(Path("k")).value();
  auto log = Log(6);
  const Checkpoint at5 = key.Sign(5, log[4].hash, "2026-12-06T17:00:00Z").value();
  std::vector<Record> cut(log.begin(), log.begin() + 3);
  EXPECT_TRUE(Verify(cut).ok());
  auto truncated = VerifyAgainst(cut, at5);
  ASSERT_EQ(truncated.problems.size(), 1u);
  EXPECT_EQ(truncated.problems[0].sequence, 4);
  EXPECT_EQ(truncated.problems[0].what.rfind("truncated: the log ends at sequence 3", 0), 0u);

  // Record 2 edited and the chain re-hashed from there: whole on its own.
  auto rewritten = log;
  rewritten[1].actor = "someone else";
  for (std::size_t i = 1; i < rewritten.size(); ++i) {
    rewritten[i].previous_hash = rewritten[i - 1].hash;
    rewritten[i].hash = ComputeHash(rewritten[i]).value();
  }
  EXPECT_TRUE(Verify(rewritten).ok());
  auto found = VerifyAgainst(rewritten, at5);
  ASSERT_EQ(found.problems.size(), 1u);
  EXPECT_EQ(found.problems[0].sequence, 5);
  EXPECT_EQ(found.problems[0].what.rfind("rewritten:", 0), 0u);
}

TEST_F(CheckpointTest, AKeyFileOthersCanReadOrThatIsNoKeyIsRefused) {
  ASSERT_TRUE(SigningKey::LoadOrCreate(Path("k")).ok());
  ASSERT_EQ(chmod(Path("k").c_str(), 0640), 0);
  auto open_key = SigningKey::Load(Path("k"));
  ASSERT_FALSE(open_key.ok());
  EXPECT_EQ(open_key.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(open_key.error().message.find("chmod 600"), std::string::npos);

  auto missing = SigningKey::Load(Path("none"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(CheckpointTest, TheKeyLivesBesideASqliteFileAndMustBeNamedForPostgres) {
  EXPECT_EQ(AuditKeyPath("var/tollgate.db", "").value(), "var/tollgate.db.audit-key");
  EXPECT_EQ(AuditKeyPath("sqlite:/srv/t.db", "").value(), "/srv/t.db.audit-key");
  EXPECT_EQ(AuditKeyPath("postgresql://u@h/db", "/etc/tollgate/audit.key").value(),
            "/etc/tollgate/audit.key");
  auto refused = AuditKeyPath("postgresql://u@h/db", "");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("--audit-key"), std::string::npos);
}

TEST_F(CheckpointTest, AMalformedCheckpointNamesTheField) {
  auto key = SigningKey::LoadOrCreate(Path("k")).value();
  auto json = ToJson(key.Sign(0, std::string(kGenesisHash), "2026-12-06T17:00:00Z").value());
  json["head_hash"] = "xyz";
  auto bad = CheckpointFromJson(json, "cp.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kParseError);
  EXPECT_EQ(bad.error().message, "cp.json: field head_hash: expected 64 hex digits");
}

}  // namespace
}  // namespace tollgate::audit
