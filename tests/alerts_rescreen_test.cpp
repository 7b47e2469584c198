// Continuous screening, its alerts and its records (issue 15, items 2, 3 and 6), on
// both backends, with the real Consolidated Screening List sample: list versions made
// from it by dropping or editing one line, imported through the one use case every
// entry point uses (licensing::ImportAndRescreen), against a party master stored by
// parties::ImportParties.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "cli_runner.h"
#include "test_databases.h"
#include "test_paths.h"
#include "tollgate/alerts/decide.h"
#include "tollgate/alerts/rescreen.h"
#include "tollgate/licensing/list_change.h"
#include "tollgate/parties/import.h"

namespace tollgate {
namespace {

using testing::SharedList;
using testing::TestDatabase;

const storage::ChangeStamp kSetup{"system setup", "2019-06-01T00:00:00Z"};
const storage::ChangeStamp kAnalyst1{"applicant ana", "2019-06-03T10:00:00Z"};
const storage::ChangeStamp kAnalyst2{"applicant bo", "2019-06-03T11:00:00Z"};
// The Entity List entry the tests follow (csl_sample_2019.csv).
constexpr const char* kEntryName = "Gulf Gate Spedition GmbH";

licensing::RulesLoader ShippedRules() {
  return []() -> Result<std::shared_ptr<const rules::RuleSet>> {
    auto loaded = rules::LoadRules(std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data" / "rules");
    if (!loaded.ok()) return loaded.error();
    return std::make_shared<const rules::RuleSet>(std::move(loaded).value());
  };
}

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class AlertsRescreenTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto store = storage::OpenStore(db_.url());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    ASSERT_TRUE(store_->AddOrganization({"microsoft", "Microsoft Corporation"}, kSetup).ok());
    ASSERT_TRUE(store_->AddOrganization({"qualcomm", "Qualcomm Incorporated"}, kSetup).ok());
    for (const char* name : {"ana", "bo"}) {
      licensing::User user;
      user.name = name;
      user.role = licensing::Role::kApplicant;
      user.organization = "microsoft";
      ASSERT_TRUE(store_->AddUser(user, kSetup).ok());
    }
    lines_ = Lines(SharedList("csl_sample_2019.csv"));
    ASSERT_GT(lines_.size(), 100u);
  }

  // The sample, with the followed entry's line dropped or passed through `edit`.
  std::string Version(const std::string& name, bool with_entry,
                      const std::function<std::string(std::string)>& edit = {}) {
    std::ostringstream out;
    for (const auto& line : lines_) {
      if (line.find(kEntryName) != std::string::npos) {
        if (!with_entry) continue;
        out << (edit ? edit(line) : line) << '\n';
        continue;
      }
      out << line << '\n';
    }
    auto path = dir_.dir() / name;
    std::ofstream(path) << out.str();
    return path.string();
  }

  lists::ImportReport Import(const std::string& path, const std::string& as_of,
                             const std::string& actor = "operator") {
    lists::ImportOptions options;
    options.as_of = Date::Parse(as_of).value();
    options.actor = actor;
    auto report = licensing::ImportAndRescreen(*store_, path, options, ShippedRules());
    EXPECT_TRUE(report.ok()) << report.error().message;
    return report.ok() ? *report : lists::ImportReport();
  }

  void AddParties(const std::string& organization, std::vector<parties::Party> parties,
                  const storage::ChangeStamp& stamp = kSetup) {
    auto loaded = ShippedRules()();
    ASSERT_TRUE(loaded.ok());
    rules::Engine engine(*loaded, *store_);
    auto done = parties::ImportParties(*store_, engine, organization, std::move(parties), stamp,
                                       Date::Parse("2019-06-01").value(), {},
                                       (*loaded)->list_rules.screening().review_threshold);
    ASSERT_TRUE(done.ok()) << done.error().message;
  }

  static parties::Party Party(std::string external_id, std::string name, std::string country) {
    parties::Party p;
    p.external_id = std::move(external_id);
    p.name = std::move(name);
    p.country = std::move(country);
    return p;
  }

  // The alerts on the followed entry.
  std::vector<alerts::Alert> OnEntry(const std::string& organization = "microsoft") {
    alerts::Filter filter;
    filter.organization = organization;
    filter.per_page = alerts::kMaxPerPage;
    auto page = store_->ListAlerts(filter);
    EXPECT_TRUE(page.ok()) << page.error().message;
    std::vector<alerts::Alert> out;
    for (auto& a : page->alerts) {
      if (a.entry_name == kEntryName) out.push_back(a);
    }
    return out;
  }

  std::size_t AuditCount(const std::string& action) {
    auto log = store_->AuditLog();
    std::size_t n = 0;
    for (const auto& r : *log) n += r.action == action ? 1 : 0;
    return n;
  }

  TestDatabase db_{GetParam()};
  testing::CliSandbox dir_;
  std::unique_ptr<storage::Store> store_;
  std::vector<std::string> lines_;
};

TEST_P(AlertsRescreenTest, AddedEntryOpensOneAlertAgainNoneRemovedClosesIt) {
  AddParties("microsoft", {Party("C-1", "Gulf Gate Spedition GmbH", "AT"),
                           Party("C-2", "Contoso Bicycles Ltd", "US")});
  auto first = Import(Version("v1.csv", false), "2019-06-01");
  EXPECT_TRUE(OnEntry().empty());

  auto second = Import(Version("v2.csv", true), "2019-06-02");
  auto alerts = OnEntry();
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(second.alerts_opened, 1u);
  const alerts::Alert& a = alerts[0];
  EXPECT_EQ(a.party_external_id, "C-1");
  EXPECT_EQ(a.list, "EL");
  EXPECT_EQ(a.state, alerts::State::kOpen);
  EXPECT_EQ(a.list_version, second.version.id);
  EXPECT_GE(a.score, 0.85);
  EXPECT_FALSE(a.match.value("explanation", "").empty());
  // The score is the forward screening's: what screening the party gives.
  auto loaded = ShippedRules()();
  rules::Engine engine(*loaded, *store_);
  auto party = store_->GetParty("microsoft", "C-1");
  auto forward = parties::BestHits(engine, *party, Date::Parse("2019-06-02").value());
  ASSERT_TRUE(forward.ok());
  bool found = false;
  for (const auto& hit : *forward) {
    if (hit.entry_id == a.entry_id && hit.list == a.list) {
      found = true;
      EXPECT_NEAR(hit.score, a.score, 1e-4);
      EXPECT_EQ(rules::ToJson(hit), a.match);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(AuditCount("alert.open"), OnEntry().size() + (first.alerts_opened));

  // The same file again: no version, no alert.
  auto again = Import(Version("v2.csv", true), "2019-06-02");
  EXPECT_TRUE(again.unchanged);
  EXPECT_EQ(OnEntry().size(), 1u);
  // Another file with the same entries: a version, but nothing added: no alert.
  const std::string v2b = Version("v2b.csv", true);
  std::ofstream(v2b, std::ios::app) << "\n";  // other bytes, the same entries
  auto same = Import(v2b, "2019-06-03");
  EXPECT_FALSE(same.unchanged);
  EXPECT_EQ(same.alerts_opened, 0u);
  EXPECT_EQ(OnEntry().size(), 1u);

  // Removed: closed, and the closure recorded.
  auto third = Import(Version("v3.csv", false), "2019-06-04");
  EXPECT_EQ(third.alerts_closed, 1u);
  alerts = OnEntry();
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].state, alerts::State::kClosed);
  EXPECT_EQ(alerts[0].changed.value("removed_in", 0), third.version.id);
  EXPECT_EQ(AuditCount("alert.close"), 1u);
  // Nobody else's master: qualcomm holds no party, so no alert.
  EXPECT_TRUE(OnEntry("qualcomm").empty());
}

TEST_P(AlertsRescreenTest, FalsePositiveHoldsUntilTheEntryOrThePartyChanges) {
  AddParties("microsoft", {Party("C-1", "Gulf Gate Spedition GmbH", "AT")});
  Import(Version("v1.csv", false), "2019-06-01");
  Import(Version("v2.csv", true), "2019-06-02");
  auto alerts = OnEntry();
  ASSERT_EQ(alerts.size(), 1u);
  const std::int64_t id = alerts[0].id;

  auto decided = alerts::DecideAlert(*store_, "microsoft", id, alerts::Action::kFalsePositive,
                                     "our forwarder in Graz, another firm", kAnalyst1);
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  EXPECT_EQ(decided->state, alerts::State::kDecided);
  EXPECT_EQ(decided->decided_by, "applicant ana");
  EXPECT_EQ(AuditCount("alert.decide"), 1u);

  // A version that changes another entry only: the false positive holds.
  auto other = Import(Version("v3.csv", true), "2019-06-03");
  EXPECT_EQ(OnEntry()[0].state, alerts::State::kDecided);

  // The entry's address changes: open again, saying what changed.
  auto moved = Import(Version("v4.csv", true,
                              [](std::string l) {
                                auto at = l.find("Vienna");
                                return l.replace(at, 6, "Linz");
                              }),
                      "2019-06-04");
  EXPECT_EQ(moved.alerts_reopened, 1u);
  auto reopened = OnEntry()[0];
  EXPECT_EQ(reopened.state, alerts::State::kOpen);
  EXPECT_EQ(reopened.disposition, alerts::Disposition::kNone);
  ASSERT_TRUE(reopened.changed.contains("entry")) << reopened.changed.dump();
  EXPECT_TRUE(reopened.changed["entry"].contains("addresses"));
  EXPECT_EQ(AuditCount("alert.reopen"), 1u);

  // Cleared again, then the party's name changes: open again, the party side named.
  ASSERT_TRUE(alerts::DecideAlert(*store_, "microsoft", id, alerts::Action::kFalsePositive,
                                  "still another firm", kAnalyst1)
                  .ok());
  AddParties("microsoft", {Party("C-1", "Gulf Gate Spedition Gesellschaft mbH", "AT")});
  auto party_changed = OnEntry()[0];
  EXPECT_EQ(party_changed.state, alerts::State::kOpen);
  ASSERT_TRUE(party_changed.changed.contains("party")) << party_changed.changed.dump();
  EXPECT_EQ(party_changed.changed["party"]["name"]["after"],
            "Gulf Gate Spedition Gesellschaft mbH");
}

TEST_P(AlertsRescreenTest, TrueMatchIsReleasedOnlyByASecondPerson) {
  AddParties("microsoft", {Party("C-1", "Gulf Gate Spedition GmbH", "AT")});
  Import(Version("v1.csv", false), "2019-06-01");
  Import(Version("v2.csv", true), "2019-06-02");
  const std::int64_t id = OnEntry()[0].id;
  ASSERT_TRUE(alerts::DecideAlert(*store_, "microsoft", id, alerts::Action::kTrueMatch,
                                  "same firm, same address in Vienna", kAnalyst1)
                  .ok());
  const auto audit_before = store_->AuditLog()->size();
  for (auto action : {alerts::Action::kFalsePositive, alerts::Action::kReopen}) {
    auto refused =
        alerts::DecideAlert(*store_, "microsoft", id, action, "changed my mind", kAnalyst1);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
    EXPECT_NE(refused.error().message.find("four eyes"), std::string::npos);
  }
  EXPECT_EQ(store_->AuditLog()->size(), audit_before);
  EXPECT_EQ(OnEntry()[0].disposition, alerts::Disposition::kTrueMatch);
  auto released = alerts::DecideAlert(*store_, "microsoft", id, alerts::Action::kReopen,
                                      "check again", kAnalyst2);
  ASSERT_TRUE(released.ok()) << released.error().message;
  EXPECT_EQ(released->state, alerts::State::kOpen);
  // A true match is not closed by a removal either.
  ASSERT_TRUE(alerts::DecideAlert(*store_, "microsoft", id, alerts::Action::kTrueMatch, "confirmed",
                                  kAnalyst2)
                  .ok());
  Import(Version("v3.csv", false), "2019-06-03");
  EXPECT_EQ(OnEntry()[0].disposition, alerts::Disposition::kTrueMatch);
}

TEST_P(AlertsRescreenTest, BadInputIsRefusedAndChangesNothing) {
  AddParties("microsoft", {Party("C-1", "Gulf Gate Spedition GmbH", "AT")});
  Import(Version("v1.csv", false), "2019-06-01");
  Import(Version("v2.csv", true), "2019-06-02");
  const auto before = OnEntry()[0];
  const auto audit_before = store_->AuditLog()->size();
  auto unknown = alerts::ParseAction("maybe");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("disposition: 'maybe'"), std::string::npos);
  // Another organization's alert answers as no alert at all.
  auto foreign = alerts::DecideAlert(*store_, "qualcomm", before.id, alerts::Action::kFalsePositive,
                                     "not ours", kAnalyst1);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);
  auto no_comment = alerts::DecideAlert(*store_, "microsoft", before.id,
                                        alerts::Action::kFalsePositive, " ", kAnalyst1);
  ASSERT_FALSE(no_comment.ok());
  EXPECT_NE(no_comment.error().message.find("comment:"), std::string::npos);
  auto assignee = alerts::AssignAlert(*store_, "microsoft", before.id, "nobody", kAnalyst1);
  ASSERT_FALSE(assignee.ok());
  EXPECT_NE(assignee.error().message.find("assignee:"), std::string::npos);
  EXPECT_EQ(OnEntry()[0], before);
  EXPECT_EQ(store_->AuditLog()->size(), audit_before);
  auto assigned = alerts::AssignAlert(*store_, "microsoft", before.id, "bo", kAnalyst1);
  ASSERT_TRUE(assigned.ok()) << assigned.error().message;
  EXPECT_EQ(assigned->assignee, "bo");
}

// The inverse path against the obvious one: every party screened forward against every
// entry in force. On a new configuration the whole master goes through the party index
// (the first import here), so what it opens must be exactly what forward screening finds.
// A party that another process changes while an import screens (before the import
// takes the write lock) is screened again under the lock: no party is stored without
// its screening, although the import reads the master again only when it moved.
TEST_P(AlertsRescreenTest, APartyChangedWhileAnImportScreensIsScreenedUnderTheLock) {
  Import(Version("v1.csv", true), "2019-06-01");
  AddParties("microsoft", {Party("C-1", "Contoso Bicycles Ltd", "US")});
  auto other = storage::OpenStore(db_.url());  // another process, on the same database
  ASSERT_TRUE(other.ok()) << other.error().message;
  bool changed = false;
  const parties::Progress change_meanwhile = [&](std::size_t, std::size_t) {
    if (changed) return;
    changed = true;
    parties::Party moved = Party("C-1", "Contoso Bicycles Ltd", "US");
    moved.address = "1 Elsewhere Road";
    auto r = (*other)->UpsertParties("microsoft", {moved}, kSetup);
    EXPECT_TRUE(r.ok()) << r.error().message;
  };
  auto loaded = ShippedRules()();
  ASSERT_TRUE(loaded.ok());
  rules::Engine engine(*loaded, *store_);
  const storage::ChangeStamp stamp{"ana", "2019-06-02T00:00:00Z"};
  auto done = parties::ImportParties(
      *store_, engine, "microsoft",
      {Party("C-1", "Contoso Bicycles Ltd", "US"), Party("C-2", "Gulf Gate Spedition GmbH", "AT")},
      stamp, Date::Parse("2019-06-02").value(), change_meanwhile,
      (*loaded)->list_rules.screening().review_threshold);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_TRUE(changed);
  EXPECT_EQ(done->added, 1);
  EXPECT_EQ(done->changed, 1);
  auto party = store_->GetParty("microsoft", "C-1");
  ASSERT_TRUE(party.ok()) << party.error().message;
  EXPECT_EQ(party->address, "");
  EXPECT_EQ(party->screening.screened_at, stamp.timestamp);
  EXPECT_EQ(party->screening.as_of, "2019-06-02");
}

TEST_P(AlertsRescreenTest, InverseIndexFindsWhatForwardScreeningFinds) {
  // Names as they are listed, and as an exporter's master writes them: cut, reordered,
  // misspelt, with another legal form, and names of nobody listed.
  std::vector<parties::Party> master;
  const std::vector<std::pair<std::string, std::string>> names = {
      {"Gulf Gate Spedition GmbH", "AT"},
      {"Gulf Gate Spedition", "AT"},
      {"Gulf Gate Shiping Co", "AE"},
      {"Gazprombank", "RU"},
      {"GAZPROMBANK OAO", "RU"},
      {"Al Naser Wings", "IQ"},
      {"Gunther Migeote", "NO"},
      {"Migeotte Gunther", "NO"},
      {"A.P. Finance Ltd", "GB"},
      {"54th Research Institute", "CN"},
      {"Guangdong Univ. of Technology", "CN"},
      {"Bank of Kunlun", "CN"},
      {"Transneft AK", "RU"},
      {"Adrian Hernandez", "US"},
      {"Shvabe AO", "RU"},
      {"Contoso Bicycles Ltd", "US"},
      {"Fabrikam Logistics GmbH", "DE"},
      {"Northwind Traders", "US"},
      {"Huawei Investment Co Guiyang", "CN"},
      {"Gryphon Aero Space", "SG"}};
  for (std::size_t i = 0; i < names.size(); ++i) {
    master.push_back(Party("P-" + std::to_string(i), names[i].first, names[i].second));
  }
  AddParties("microsoft", master);
  auto report = Import(SharedList("csl_sample_2019.csv"), "2019-06-02");

  auto loaded = ShippedRules()();
  rules::Engine engine(*loaded, *store_);
  std::set<std::tuple<std::string, std::string, std::string>> forward;
  auto stored = store_->ListParties("microsoft");
  ASSERT_TRUE(stored.ok());
  for (const auto& p : *stored) {
    auto hits = parties::BestHits(engine, p, Date::Parse("2019-06-02").value());
    ASSERT_TRUE(hits.ok());
    for (const auto& h : *hits) forward.insert({p.external_id, h.list, h.entry_id});
  }
  alerts::Filter filter;
  filter.organization = "microsoft";
  filter.per_page = alerts::kMaxPerPage;
  std::set<std::tuple<std::string, std::string, std::string>> opened;
  auto page = store_->ListAlerts(filter);
  ASSERT_TRUE(page.ok());
  for (const auto& a : page->alerts) {
    opened.insert({a.party_external_id, a.list, a.entry_id});
  }
  EXPECT_GE(forward.size(), 5u);  // the master is not all clean names
  EXPECT_EQ(opened, forward);
  EXPECT_EQ(report.alerts_opened, forward.size());
}

// Two servers on one database import the same list version at once, each through its
// own connection: one version is stored, and each alert exists once.
// Issue 15, item 5: a new or reopened alert is queued for the organization's webhooks in
// the transaction that stores it, once; other organizations' webhooks get nothing.
TEST_P(AlertsRescreenTest, NewAndReopenedAlertsAreQueuedForTheOrganizationsWebhooksOnce) {
  for (const char* organization : {"microsoft", "qualcomm"}) {
    auto hook = store_->AddWebhook(
        {0, organization, "http://127.0.0.1:9/" + std::string(organization), "k", "", "", ""},
        kSetup);
    ASSERT_TRUE(hook.ok()) << hook.error().message;
  }
  AddParties("microsoft", {Party("C-1", "Gulf Gate Spedition GmbH", "AT")});
  Import(Version("v1.csv", false), "2019-06-01");
  Import(Version("v2.csv", true), "2019-06-02");
  const auto deliveries = [&](const std::string& organization) {
    auto found = store_->ListDeliveries(organization, std::nullopt, 100);
    EXPECT_TRUE(found.ok());
    return found.ok() ? *found : std::vector<webhooks::Delivery>{};
  };
  auto queued = deliveries("microsoft");
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0].event_type, "alert.opened");
  EXPECT_EQ(queued[0].state, webhooks::DeliveryState::kPending);
  auto body = nlohmann::json::parse(queued[0].payload);
  EXPECT_EQ(body["type"], "alert.opened");
  EXPECT_EQ(body["data"]["party"]["external_id"], "C-1") << body.dump();
  EXPECT_EQ(body["data"]["id"], OnEntry()[0].id);

  // The same entries again: nothing new to tell.
  const std::string v2b = Version("v2b.csv", true);
  std::ofstream(v2b, std::ios::app) << "\n";
  Import(v2b, "2019-06-03");
  EXPECT_EQ(deliveries("microsoft").size(), 1u);

  // Cleared, then the entry moves: reopened, and told.
  ASSERT_TRUE(alerts::DecideAlert(*store_, "microsoft", OnEntry()[0].id,
                                  alerts::Action::kFalsePositive, "another firm", kAnalyst1)
                  .ok());
  Import(Version("v4.csv", true,
                 [](std::string l) {
                   auto at = l.find("Vienna");
                   return l.replace(at, 6, "Linz");
                 }),
         "2019-06-04");
  queued = deliveries("microsoft");
  ASSERT_EQ(queued.size(), 2u);
  EXPECT_EQ(queued[0].event_type, "alert.reopened");  // newest first
  EXPECT_TRUE(deliveries("qualcomm").empty());
}

TEST_P(AlertsRescreenTest, TwoConnectionsImportingTheSameVersionAtOnceOpenEachAlertOnce) {
  AddParties("microsoft",
             {Party("C-1", "Gulf Gate Spedition GmbH", "AT"), Party("C-2", "Gazprombank", "RU"),
              Party("C-3", "Bank of Kunlun", "CN")});
  ASSERT_TRUE(
      store_->AddWebhook({0, "microsoft", "http://127.0.0.1:9/hook", "k", "", "", ""}, kSetup)
          .ok());
  Import(Version("v1.csv", false), "2019-06-01");
  const auto before = OnEntry().size();
  const std::string v2 = Version("v2.csv", true);
  std::vector<lists::ImportReport> reports(2);
  std::vector<std::string> errors(2);
  std::vector<std::thread> servers;
  for (int i = 0; i < 2; ++i) {
    servers.emplace_back([&, i] {
      auto own = storage::OpenStore(db_.url());
      if (!own.ok()) {
        errors[i] = own.error().message;
        return;
      }
      lists::ImportOptions options;
      options.as_of = Date::Parse("2019-06-02").value();
      auto report = licensing::ImportAndRescreen(**own, v2, options, ShippedRules());
      if (report.ok()) {
        reports[i] = *report;
      } else {
        errors[i] = report.error().message;
      }
    });
  }
  for (auto& t : servers) t.join();
  EXPECT_EQ(errors, std::vector<std::string>(2));
  EXPECT_NE(reports[0].unchanged, reports[1].unchanged);  // one stored it, one found it stored
  EXPECT_EQ(reports[0].alerts_opened + reports[1].alerts_opened, 1u);
  EXPECT_EQ(before, 0u);
  EXPECT_EQ(OnEntry().size(), 1u);
  EXPECT_EQ(AuditCount("alert.open"), [&] {
    alerts::Filter filter;
    filter.organization = "microsoft";
    return static_cast<std::size_t>(store_->ListAlerts(filter)->total);
  }());
  // And each alert was queued for the webhook once (issue 15, item 5).
  auto deliveries = store_->ListDeliveries("microsoft", std::nullopt, 1000);
  ASSERT_TRUE(deliveries.ok());
  EXPECT_EQ(deliveries->size(), AuditCount("alert.open"));
  // And each party screened against the new version is on record once (item 6): the
  // one connection that stored it screened and recorded.
  const auto stored = reports[0].unchanged ? reports[1].version.id : reports[0].version.id;
  storage::HistoryFilter continuous;
  continuous.channel = "continuous";
  continuous.limit = 1000;
  auto records = store_->FindScreenings(continuous);
  ASSERT_TRUE(records.ok()) << records.error().message;
  std::map<std::string, int> per_party;
  for (const auto& r : *records) {
    for (const auto& v : r.lists) per_party[r.name] += v["id"] == stored ? 1 : 0;
  }
  EXPECT_EQ(per_party[kEntryName], 1);
  for (const auto& [name, count] : per_party) EXPECT_LE(count, 1) << name;
}

// Continuous screenings on record (items 2 and 6): each party the re-screening of a list
// change screens forward, and each party an import of the master adds, is a screenings
// record with its channel, who caused it, the versions in force and the answer with its
// explanation; a version that changes nothing for a party records nothing for it. Read
// back through the real `tollgate history screenings --channel`, as an auditor would.
TEST_P(AlertsRescreenTest, ListChangeRecordsThePartyItScreenedAndNothingWhenItChangesNothing) {
  AddParties("microsoft",
             {Party("C-1", kEntryName, "AT"), Party("C-2", "Contoso Bicycles Ltd", "US")},
             {"operator setup", "2019-06-01T00:00:00Z"});
  const testing::CliSandbox cli(db_.url());
  // `history screenings` through the real CLI, as JSON.
  const auto history = [&cli](const std::string& flags) {
    auto r = cli.Run("history screenings --format json " + flags);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto body = nlohmann::json::parse(r.out, nullptr, false);
    return body.is_discarded() ? nlohmann::json::array() : body["screenings"];
  };
  // Added before any list was in force: screened, against nothing, and on record so.
  auto imported = history("--channel party_import");
  ASSERT_EQ(imported.size(), 2u);
  EXPECT_EQ(imported[0]["outcome"], "nothing_screened");
  EXPECT_EQ(imported[0]["requested_by"], "operator setup");

  Import(Version("v1.csv", false), "2019-06-01", "operator lists-desk");
  const auto before = history("--channel continuous").size();

  // The version that lists the entry: the party named like it is screened again,
  // and the record says by whom, against what, and why it matched.
  auto listed = Import(Version("v2.csv", true), "2019-06-02", "operator lists-desk");
  ASSERT_EQ(listed.alerts_opened, 1u);
  auto continuous = history("--channel continuous");
  ASSERT_GT(continuous.size(), before);
  const auto& record = continuous[0];  // newest first
  EXPECT_EQ(record["query"]["name"], kEntryName);
  EXPECT_EQ(record["query"]["as_of"], "2019-06-02");
  EXPECT_EQ(record["query"]["country"], "AT");
  EXPECT_EQ(record["channel"], "continuous");
  EXPECT_EQ(record["requested_by"], "operator lists-desk");
  EXPECT_EQ(record["organization"], "microsoft");
  EXPECT_EQ(record["outcome"], "hit") << record.dump();
  bool names_version = false;
  for (const auto& v : record["lists_searched"]) {
    names_version = names_version || v["id"] == listed.version.id;
  }
  EXPECT_TRUE(names_version) << record["lists_searched"].dump();
  bool explained = false;
  for (const auto& m : record["matches"]) {
    explained = explained || (m["entry_name"] == kEntryName && m["list"] == "EL" &&
                              !m["explanation"].get<std::string>().empty());
  }
  EXPECT_TRUE(explained) << record["matches"].dump();
  // Only the parties the change made candidates: Contoso was not screened again.
  for (std::size_t i = 0; i < continuous.size() - before; ++i) {
    EXPECT_NE(continuous[i]["query"]["name"], "Contoso Bicycles Ltd");
  }

  // A new file with the same entries: nothing changed for any party, nothing recorded.
  const std::string v3 = Version("v3.csv", true);
  std::ofstream(v3, std::ios::app) << "\n";
  auto same = Import(v3, "2019-06-03", "operator lists-desk");
  ASSERT_FALSE(same.unchanged);
  EXPECT_EQ(history("--channel continuous").size(), continuous.size());

  // The channels filter apart, and a channel that does not exist is refused by name.
  EXPECT_EQ(history("--channel cli").size(), 0u);
  EXPECT_EQ(history("").size(), continuous.size() + imported.size());
  auto bad = cli.Run("history screenings --channel email");
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("--channel: 'email'"), std::string::npos) << bad.err;
  auto csv = cli.Run("history screenings --channel continuous --format csv --limit 1");
  EXPECT_NE(csv.out.find(std::string("EL ")), std::string::npos) << csv.out;
}

// The queue's totals (migration 15): for the views kept as counts (all, a state, a list)
// the total a page gives is the number of alerts that view lists, through every change
// of state an alert goes through: opened, decided, reopened, closed.
TEST_P(AlertsRescreenTest, QueueTotalsFollowEveryChangeOfState) {
  const auto check_totals = [&](const char* step) {
    SCOPED_TRACE(step);
    alerts::Filter all;
    all.organization = "microsoft";
    all.per_page = alerts::kMaxPerPage;
    auto listed = store_->ListAlerts(all);
    ASSERT_TRUE(listed.ok()) << listed.error().message;
    ASSERT_LT(listed->alerts.size(), static_cast<std::size_t>(alerts::kMaxPerPage));
    EXPECT_EQ(listed->total, static_cast<std::int64_t>(listed->alerts.size()));
    for (auto state : {alerts::State::kOpen, alerts::State::kDecided, alerts::State::kClosed}) {
      for (const std::string list : {"", "EL", "SDN"}) {
        std::int64_t rows = 0;
        for (const auto& a : listed->alerts) {
          rows += a.state == state && (list.empty() || a.list == list) ? 1 : 0;
        }
        alerts::Filter view = all;
        view.state = state;
        view.list = list;
        auto page = store_->ListAlerts(view);
        ASSERT_TRUE(page.ok()) << page.error().message;
        EXPECT_EQ(page->total, rows) << alerts::StateName(state) << " " << list;
        EXPECT_EQ(static_cast<std::int64_t>(page->alerts.size()), rows);
      }
    }
  };
  AddParties("microsoft", {Party("C-1", "Gulf Gate Spedition GmbH", "AT"),
                           Party("C-2", "Contoso Bicycles Ltd", "US")});
  check_totals("before any alert");
  Import(Version("v1.csv", false), "2019-06-01");
  Import(Version("v2.csv", true), "2019-06-02");
  auto alerts = OnEntry();
  ASSERT_EQ(alerts.size(), 1u);
  check_totals("opened");
  ASSERT_TRUE(alerts::DecideAlert(*store_, "microsoft", alerts[0].id,
                                  alerts::Action::kFalsePositive, "another firm", kAnalyst1)
                  .ok());
  check_totals("decided");
  Import(
      Version("v3.csv", true, [](std::string l) { return l.replace(l.find("Vienna"), 6, "Linz"); }),
      "2019-06-03");
  ASSERT_EQ(OnEntry()[0].state, alerts::State::kOpen);
  check_totals("reopened");
  Import(Version("v4.csv", false), "2019-06-04");
  ASSERT_EQ(OnEntry()[0].state, alerts::State::kClosed);
  check_totals("closed");
  // Another organization's alerts are not counted in this one's totals.
  AddParties("qualcomm", {Party("Q-1", "Gulf Gate Spedition GmbH", "AT")});
  Import(Version("v5.csv", true), "2019-06-05");
  ASSERT_FALSE(OnEntry("qualcomm").empty());
  check_totals("another organization's alert");
}

INSTANTIATE_TEST_SUITE_P(Backends, AlertsRescreenTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate
