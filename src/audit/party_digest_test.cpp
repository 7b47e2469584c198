// The digest of an import's party versions and the checks of the party master against
// the audit log (audit/party_digest.h), on records and rows made here; the same checks
// on a real store's rows, tampered with, are in storage/party_store_contract_test.cpp.
#include "tollgate/audit/party_digest.h"

#include <gtest/gtest.h>

namespace tollgate::audit {
namespace {

std::vector<PartyVersion> Imported(std::int64_t sequence) {
  return {{sequence, "acme", "C-1", 1, std::string(64, 'a')},
          {sequence, "acme", "C-2", 3, std::string(64, 'b')}};
}

Record ImportRecord(std::int64_t sequence, const std::vector<PartyVersion>& versions) {
  Record record;
  record.sequence = sequence;
  record.action = std::string(kPartyImportAction);
  record.subject = PartyMasterSubject("acme");
  record.after = {{"organization", "acme"},
                  {"added", 1},
                  {"changed", 1},
                  {"unchanged", 0},
                  {std::string(kImportDigestField), ImportDigest(versions)}};
  return record;
}

TEST(ImportDigest, FollowsTheExternalIdsNotTheOrderGivenAndSeparatesFields) {
  auto versions = Imported(1);
  const std::string digest = ImportDigest(versions);
  EXPECT_EQ(digest.size(), 64u);
  std::swap(versions[0], versions[1]);
  EXPECT_EQ(ImportDigest(versions), digest);
  versions[0].revision = 4;
  EXPECT_NE(ImportDigest(versions), digest);
  // Fields that run together the same way still differ.
  std::vector<PartyVersion> ab{{1, "acme", "C-1", 12, "3"}};
  std::vector<PartyVersion> a_b{{1, "acme", "C-1", 1, "23"}};
  EXPECT_NE(ImportDigest(ab), ImportDigest(a_b));
}

TEST(VerifyPartyRows, AcceptsRowsAsRecordedAndNamesTheOneThatIsNot) {
  const auto versions = Imported(7);
  const std::vector<Record> log{ImportRecord(7, versions)};
  std::vector<PartyVersion> rows = versions;
  for (auto& row : rows) row.audit_sequence = 0;
  EXPECT_TRUE(VerifyPartyRows(log, versions, rows).empty());

  rows[1].content_hash = std::string(64, 'c');
  const auto problems = VerifyPartyRows(log, versions, rows);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].sequence, 7);
  EXPECT_NE(problems[0].what.find("party acme/C-2: its row (revision 3)"), std::string::npos)
      << problems[0].what;
}

TEST(VerifyPartyRows, FindsVersionsThatNoLongerMatchTheirRecord) {
  auto versions = Imported(7);
  const std::vector<Record> log{ImportRecord(7, versions)};
  std::vector<PartyVersion> rows = versions;
  versions.pop_back();  // one version deleted, its row kept
  const auto problems = VerifyPartyRows(log, versions, rows);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].sequence, 7);
  EXPECT_NE(problems[0].what.find("2 parties written, 1 versions name it"), std::string::npos)
      << problems[0].what;
  // A version naming a record that is not a party record.
  versions = Imported(7);
  versions.push_back({5, "acme", "C-3", 1, std::string(64, 'd')});
  rows = versions;
  const auto stray = VerifyPartyRows(log, versions, rows);
  ASSERT_EQ(stray.size(), 1u);
  EXPECT_EQ(stray[0].sequence, 5);
}

}  // namespace
}  // namespace tollgate::audit
