// The Store contract for the party master, on every backend: upsert by external id
// (added, changed with the next revision and the same id, unchanged left alone), one
// organization's parties apart from another's, an audit record per single change and
// one per import whose digest vouches for each row (a row changed behind Tollgate's back
// fails `audit verify`, named), all or nothing, and removal; and the reads of continuous
// screening's party index.
#include <gtest/gtest.h>

#include <map>

#include "test_databases.h"
#include "tollgate/audit/stored_log.h"
#include "tollgate/audit/verify.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {
namespace {

using testing::TamperWith;
using testing::TestDatabase;

const ChangeStamp kImport{"applicant msft-exports", "2026-12-06T10:00:00Z"};
const ChangeStamp kLater{"operator", "2026-12-07T10:00:00Z"};

parties::Party MakeParty(std::string external_id, std::string name, std::string country = "CN") {
  parties::Party party;
  party.external_id = std::move(external_id);
  party.name = std::move(name);
  party.country = std::move(country);
  return party;
}

parties::Party Screened(parties::Party party) {
  party.screening.screened_at = "2026-12-06T10:00:00Z";
  party.screening.as_of = "2019-06-01";
  party.screening.top_score = 0.9375;
  party.screening.hits = 1;
  party.screening.lists = {{{"feed", "csl"}, {"version", 1}, {"as_of", "2019-05-21"}}};
  party.screening.matches = {{{"list", "EL"}, {"entry_id", "el-1"}, {"score", 0.9375}}};
  return party;
}

class PartyStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto store = OpenStore(db_.url());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    for (auto [id, name] : {std::pair{"microsoft", "Microsoft Corporation"},
                            std::pair{"qualcomm", "Qualcomm Incorporated"}}) {
      ASSERT_TRUE(store_->AddOrganization({id, name}, kImport).ok());
    }
  }
  TestDatabase db_{GetParam()};
  std::unique_ptr<Store> store_;
};

TEST_P(PartyStoreTest, UpsertAddsChangesAndLeavesUnchangedByExternalId) {
  parties::Party huawei = Screened(MakeParty("C-1", "Huawei Technologies Co., Ltd."));
  huawei.aliases = {"Huawei"};
  huawei.identifiers = {{"LEI", "5493001"}};
  huawei.address = "Bantian, Shenzhen";
  auto first =
      store_->UpsertParties("microsoft", {huawei, MakeParty("C-2", "Acme GmbH", "DE")}, kImport);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->added.size(), 2u);
  EXPECT_EQ(first->unchanged, 0);
  const std::int64_t id = first->added[0].id;
  EXPECT_GT(id, 0);

  auto stored = store_->GetParty("microsoft", "C-1");
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  parties::Party expected = huawei;
  expected.id = id;
  expected.organization = "microsoft";
  expected.revision = 1;
  expected.updated_at = kImport.timestamp;
  expected.updated_by = kImport.actor;
  EXPECT_EQ(*stored, expected);

  // Again, with C-2's address changed: C-1 unchanged, C-2 the next revision, same id.
  parties::Party acme = MakeParty("C-2", "Acme GmbH", "DE");
  acme.address = "Berlin";
  auto second = store_->UpsertParties("microsoft", {MakeParty("C-1", "x"), acme}, kLater);
  ASSERT_TRUE(second.ok());
  // (C-1 given with another name is a change: see below; here only C-2's is checked.)
  auto again = store_->UpsertParties("microsoft", {huawei}, kLater);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->changed.size(), 1u);  // back to the first name
  auto unchanged = store_->UpsertParties("microsoft", {huawei, acme}, kLater);
  ASSERT_TRUE(unchanged.ok());
  EXPECT_EQ(unchanged->unchanged, 2);
  EXPECT_TRUE(unchanged->added.empty() && unchanged->changed.empty());

  auto c2 = store_->GetParty("microsoft", "C-2");
  ASSERT_TRUE(c2.ok());
  EXPECT_EQ(c2->revision, 2);
  EXPECT_EQ(c2->id, first->added[1].id);
  EXPECT_EQ(c2->address, "Berlin");
  EXPECT_EQ(c2->updated_by, "operator");
  auto c1 = store_->GetParty("microsoft", "C-1");
  ASSERT_TRUE(c1.ok());
  EXPECT_EQ(c1->revision, 3);
  EXPECT_EQ(c1->id, id);
  EXPECT_EQ(c1->screening, huawei.screening);
}

TEST_P(PartyStoreTest, EachOrganizationHasItsOwnMaster) {
  ASSERT_TRUE(store_->UpsertParties("microsoft", {MakeParty("C-1", "Huawei")}, kImport).ok());
  ASSERT_TRUE(store_->UpsertParties("qualcomm", {MakeParty("C-1", "Xiaomi")}, kImport).ok());
  auto microsoft = store_->ListParties("microsoft");
  auto qualcomm = store_->ListParties("qualcomm");
  ASSERT_TRUE(microsoft.ok() && qualcomm.ok());
  ASSERT_EQ(microsoft->size(), 1u);
  ASSERT_EQ(qualcomm->size(), 1u);
  EXPECT_EQ(microsoft->front().name, "Huawei");
  EXPECT_EQ(qualcomm->front().name, "Xiaomi");
  EXPECT_NE(microsoft->front().id, qualcomm->front().id);
  auto unknown = store_->UpsertParties("nobody", {MakeParty("C-1", "X")}, kImport);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST_P(PartyStoreTest, ABadPartyStoresNothing) {
  ASSERT_TRUE(store_->UpsertParties("microsoft", {MakeParty("C-1", "Huawei")}, kImport).ok());
  auto log_before = store_->AuditLog();
  ASSERT_TRUE(log_before.ok());
  for (auto bad : {std::vector{MakeParty("C-2", "Acme"), MakeParty("C-3", "Bad", "XX")},
                   std::vector{MakeParty("C-2", "Acme"), MakeParty("C-2", "Acme again")}}) {
    auto refused = store_->UpsertParties("microsoft", bad, kLater);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(refused.error().message.find("parties/1/"), std::string::npos)
        << refused.error().message;
  }
  auto listed = store_->ListParties("microsoft");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 1u);
  auto log_after = store_->AuditLog();
  ASSERT_TRUE(log_after.ok());
  EXPECT_EQ(log_after->size(), log_before->size());
}

TEST_P(PartyStoreTest, EveryChangeIsAuditedAndRemovalKeepsWhatWasRemoved) {
  ASSERT_TRUE(
      store_->UpsertParties("microsoft", {Screened(MakeParty("C-1", "Huawei"))}, kImport).ok());
  ASSERT_TRUE(store_->UpsertParties("microsoft", {MakeParty("C-1", "Huawei", "HK")}, kLater).ok());
  auto removed = store_->RemoveParty("microsoft", "C-1", kLater);
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  auto gone = store_->GetParty("microsoft", "C-1");
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  auto again = store_->RemoveParty("microsoft", "C-1", kLater);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
  // Another organization's party cannot be removed through this one.
  ASSERT_TRUE(store_->UpsertParties("qualcomm", {MakeParty("Q-1", "Xiaomi")}, kImport).ok());
  EXPECT_EQ(store_->RemoveParty("microsoft", "Q-1", kLater).error().code, ErrorCode::kNotFound);

  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  EXPECT_TRUE(audit::Verify(*log).ok());
  std::vector<std::string> actions;
  for (const auto& r : *log) {
    if (r.subject == "party microsoft/C-1") actions.push_back(r.action);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"party.add", "party.change", "party.remove"}));
  const audit::Record& removal = [&]() -> const audit::Record& {
    for (const auto& r : *log) {
      if (r.action == "party.remove") return r;
    }
    return log->front();
  }();
  EXPECT_EQ(removal.before["country"], "HK");
  EXPECT_TRUE(removal.after.is_null());
}

// Continuous screening's party index (alerts/rescreen.h): every organization's
// parties with their names alone, by id, and the parties of some ids read back in one
// statement with their facts (not their stored screening), an unknown id skipped.
TEST_P(PartyStoreTest, NamesOfEveryMasterAndPartiesReadBackById) {
  EXPECT_TRUE(store_->AllPartyNames()->empty());
  parties::Party huawei = MakeParty("C-1", "Huawei Technologies Co., Ltd.");
  huawei.aliases = {"Huawei", "华为"};
  huawei.identifiers = {{"LEI", "5493001"}};
  huawei.address = "Bantian, Shenzhen";
  huawei.screening.as_of = "2019-06-01";
  huawei.screening.hits = 1;
  huawei.screening.matches = {{{"list", "EL"}, {"entry_id", "el-1"}}};
  auto microsoft =
      store_->UpsertParties("microsoft", {huawei, MakeParty("C-2", "Acme GmbH")}, kImport);
  ASSERT_TRUE(microsoft.ok()) << microsoft.error().message;
  auto qualcomm = store_->UpsertParties("qualcomm", {MakeParty("Q-1", "Zeta Ltd")}, kImport);
  ASSERT_TRUE(qualcomm.ok()) << qualcomm.error().message;

  auto names = store_->AllPartyNames();
  ASSERT_TRUE(names.ok()) << names.error().message;
  ASSERT_EQ(names->size(), 3u);
  for (std::size_t i = 1; i < names->size(); ++i) EXPECT_LT((*names)[i - 1].id, (*names)[i].id);
  std::map<std::string, parties::PartyNames> by_name;
  for (const auto& n : *names) by_name[n.name] = n;
  ASSERT_EQ(by_name.count("Huawei Technologies Co., Ltd."), 1u);
  EXPECT_EQ(by_name["Huawei Technologies Co., Ltd."].aliases,
            (std::vector<std::string>{"Huawei", "华为"}));
  EXPECT_EQ(by_name["Zeta Ltd"].id, qualcomm->added[0].id);

  const std::int64_t huawei_id =
      microsoft->added[0].name == huawei.name ? microsoft->added[0].id : microsoft->added[1].id;
  const std::int64_t zeta_id = qualcomm->added[0].id;
  auto read = store_->PartiesById({zeta_id, huawei_id, 999999});
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read->size(), 2u);  // the unknown id skipped; by id
  const parties::Party& first = (*read)[0].id == huawei_id ? (*read)[0] : (*read)[1];
  auto stored = store_->GetParty("microsoft", "C-1");
  ASSERT_TRUE(stored.ok());
  parties::Party expected = *stored;
  expected.screening = {};  // not read: a new screening is what the caller makes
  EXPECT_EQ(first, expected);
  EXPECT_LT((*read)[0].id, (*read)[1].id);
  EXPECT_TRUE(store_->PartiesById({})->empty());
}

// The problems `audit verify` reports, one text each: "SEQUENCE: WHAT".
std::vector<std::string> VerifyProblems(Store& store) {
  auto verified = audit::VerifyStoredLog(store, std::nullopt, std::nullopt);
  EXPECT_TRUE(verified.ok()) << verified.error().message;
  std::vector<std::string> out;
  if (!verified.ok()) return {"(verify failed)"};
  for (const auto& p : verified->problems)
    out.push_back(std::to_string(p.sequence) + ": " + p.what);
  return out;
}

TEST_P(PartyStoreTest, AnImportIsOneRecordWhoseDigestVouchesForEachRow) {
  std::vector<parties::Party> three{Screened(MakeParty("C-1", "Huawei")),
                                    MakeParty("C-2", "Acme GmbH", "DE"), MakeParty("C-3", "ZTE")};
  ASSERT_TRUE(store_->UpsertParties("microsoft", three, kImport).ok());
  three[1].address = "Berlin";
  auto second = store_->UpsertParties("microsoft", three, kLater);
  ASSERT_TRUE(second.ok()) << second.error().message;
  ASSERT_EQ(second->changed.size(), 1u);
  EXPECT_EQ(second->changed[0].revision, 2);

  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  std::vector<const audit::Record*> imports;
  for (const auto& r : *log) {
    EXPECT_NE(r.subject.rfind("party microsoft/", 0), 0u) << r.action << " " << r.subject;
    if (r.subject == "party master microsoft") imports.push_back(&r);
  }
  ASSERT_EQ(imports.size(), 2u);
  EXPECT_EQ(imports[0]->action, "party.import");
  EXPECT_EQ(imports[0]->actor, kImport.actor);
  EXPECT_EQ(imports[0]->after["organization"], "microsoft");
  EXPECT_EQ(imports[0]->after["added"], 3);
  EXPECT_EQ(imports[1]->after["added"], 0);
  EXPECT_EQ(imports[1]->after["changed"], 1);
  EXPECT_EQ(imports[1]->after["unchanged"], 2);
  EXPECT_EQ(imports[1]->after["parties_sha256"].get<std::string>().size(), 64u);
  EXPECT_TRUE(VerifyProblems(*store_).empty());

  // C-3's row, untouched since the first import, edited behind Tollgate's back.
  const std::string first = std::to_string(imports[0]->sequence);
  TamperWith(db_, "UPDATE parties SET country = 'DE' WHERE external_id = 'C-3'");
  EXPECT_EQ(VerifyProblems(*store_),
            std::vector<std::string>{first +
                                     ": party microsoft/C-3: its row (revision 1) does not "
                                     "match what audit record " +
                                     first + " vouches for (revision 1, content " +
                                     (*store_->PartyVersions())[2].content_hash + ")"});
  // Its version made to fit the edited row: the import's digest no longer matches.
  auto rows = store_->PartyRowHashes();
  ASSERT_TRUE(rows.ok());
  TamperWith(db_, "UPDATE party_versions SET content_hash = '" + (*rows)[2].content_hash +
                      "' WHERE external_id = 'C-3'");
  EXPECT_EQ(VerifyProblems(*store_),
            std::vector<std::string>{
                first + ": party import of microsoft: its party versions do not match the "
                        "record's digest"});
  // A row deleted.
  TamperWith(db_, "DELETE FROM parties WHERE external_id = 'C-2'");
  const auto problems = VerifyProblems(*store_);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[1], std::to_string(imports[1]->sequence) +
                             ": party microsoft/C-2 revision 2: audit record " +
                             std::to_string(imports[1]->sequence) +
                             " vouches for it, but its row is missing");
}

TEST_P(PartyStoreTest, ASingleChangeKeepsItsOwnRecordAndVersion) {
  ASSERT_TRUE(store_->UpsertParties("microsoft", {MakeParty("C-1", "Huawei")}, kImport).ok());
  ASSERT_TRUE(store_->RemoveParty("microsoft", "C-1", kLater).ok());
  ASSERT_TRUE(store_->UpsertParties("qualcomm", {MakeParty("Q-1", "Xiaomi")}, kImport).ok());
  auto log = store_->AuditLog();
  ASSERT_TRUE(log.ok());
  const audit::Record& added = log->at(log->size() - 1);
  EXPECT_EQ(added.action, "party.add");
  auto versions = store_->PartyVersions();
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 3u);
  EXPECT_EQ(versions->back().content_hash, added.after["content_hash"]);
  EXPECT_EQ((*versions)[1].revision, 0);  // the removal
  EXPECT_TRUE(VerifyProblems(*store_).empty());
  // A removed party put back behind Tollgate's back.
  TamperWith(db_,
             "INSERT INTO parties(organization, external_id, name, type, country, body, revision, "
             "updated_at, updated_by, screened_at, screened_on, top_score, hit_count, screening) "
             "SELECT organization, 'C-1', name, type, country, body, revision, updated_at, "
             "updated_by, screened_at, screened_on, top_score, hit_count, screening FROM parties "
             "WHERE external_id = 'Q-1'");
  const auto problems = VerifyProblems(*store_);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("party qualcomm/C-1: no audit record vouches for its row"),
            std::string::npos)
      << problems[0];
}

// The Parties page's read (parties/party_page.h): filtered and counted by the store, a
// page at a time by external id, the text found in the name, an alias or the address
// whatever the case of A-Z, and '%' and '_' meaning themselves.
TEST_P(PartyStoreTest, APageIsFilteredCountedAndRunsByExternalId) {
  parties::Party huawei = Screened(MakeParty("C-3", "Huawei Technologies Co., Ltd."));
  huawei.aliases = {"Shenzhen Huawei"};
  parties::Party acme = MakeParty("C-1", "Acme GmbH", "DE");
  acme.address = "Industriestrasse 5, Munich";
  parties::Party percent = MakeParty("C-2", "100% Parts_Ltd", "GB");
  ASSERT_TRUE(store_->UpsertParties("microsoft", {huawei, acme, percent}, kImport).ok());
  ASSERT_TRUE(
      store_->UpsertParties("qualcomm", {MakeParty("Q-1", "Acme Inc", "US")}, kImport).ok());

  auto ids = [](const parties::PartyPage& page) {
    std::vector<std::string> out;
    for (const auto& p : page.parties) out.push_back(p.external_id);
    return out;
  };
  auto page = [&](std::string text, parties::Show show, std::int64_t number,
                  std::int64_t per_page) {
    auto found = store_->ListPartyPage({"microsoft", std::move(text), show, number, per_page});
    EXPECT_TRUE(found.ok()) << found.error().message;
    return found.ok() ? *found : parties::PartyPage{};
  };
  auto second = page("", parties::Show::kAll, 2, 2);
  EXPECT_EQ(ids(second), std::vector<std::string>{"C-3"});
  EXPECT_EQ(second.total, 3);
  EXPECT_EQ(second.master_total, 3);
  EXPECT_EQ(second.parties[0], *store_->GetParty("microsoft", "C-3"));
  EXPECT_EQ(second.open_alerts, std::vector<std::int64_t>{0});

  EXPECT_EQ(ids(page("shenzhen HUAWEI", parties::Show::kAll, 1, 50)),
            std::vector<std::string>{"C-3"});
  EXPECT_EQ(ids(page("munich", parties::Show::kAll, 1, 50)), std::vector<std::string>{"C-1"});
  auto acme_only = page("acme", parties::Show::kAll, 1, 50);
  EXPECT_EQ(ids(acme_only), std::vector<std::string>{"C-1"});  // not qualcomm's
  EXPECT_EQ(acme_only.total, 1);
  EXPECT_EQ(acme_only.master_total, 3);
  EXPECT_EQ(ids(page("0%", parties::Show::kAll, 1, 50)), std::vector<std::string>{"C-2"});
  EXPECT_EQ(ids(page("s_L", parties::Show::kAll, 1, 50)), std::vector<std::string>{"C-2"});
  EXPECT_TRUE(ids(page("hu_wei", parties::Show::kAll, 1, 50)).empty());
  auto hits = page("", parties::Show::kWithMatch, 1, 50);
  EXPECT_EQ(ids(hits), std::vector<std::string>{"C-3"});
  EXPECT_EQ(hits.total, 1);
  EXPECT_TRUE(page("", parties::Show::kWithOpenAlert, 1, 50).parties.empty());

  auto refused = store_->ListPartyPage({"microsoft", "", parties::Show::kAll, 1, 501});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.error().message.find("per_page: 501"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, PartyStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::storage
