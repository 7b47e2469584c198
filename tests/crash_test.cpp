// A crash mid-batch leaves the database consistent (issue 4): a child process drives
// many transitions through the Workflow and is killed with SIGKILL at a random moment,
// several times over, on SQLite and on PostgreSQL. After each kill the database opens;
// every application is what replaying its timeline gives (the state, the review record
// and the version agree with the recorded steps); `tollgate audit verify` passes; and
// there is exactly one audit record per recorded change (an approval's license
// included).
//
// Issue 11, item 10: a submission (the draft, its control number, the submit step and
// the screening matches) and a list import with the re-screening it causes are each
// one transaction. The batch's submissions screen Huawei against the Entity List
// extract, so a kill between the steps would leave a draft, or a submitted application
// without its matches; a second child imports list files, each re-screening the open
// applications, and after its kill nothing a stored version should have recorded is
// missing.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include "cli_runner.h"
#include "licensing/test_application.h"
#include "test_databases.h"
#include "test_paths.h"
#include "tollgate/licensing/list_change.h"
#include "tollgate/licensing/workflow.h"
#include "tollgate/lists/import.h"
#include "tollgate/rules/rule_set.h"

namespace tollgate::testing {
namespace {

namespace lt = licensing::testing;
using licensing::Agency;
using licensing::Application;
using licensing::ApplicationState;
using licensing::EventKind;
using licensing::Role;
using licensing::User;

const User kApplicant{"msft-exports", Role::kApplicant, "microsoft", std::nullopt};
const User kOfficer{"officer", Role::kReviewer, "", std::nullopt};
const User kDefense{"dod", Role::kAgency, "", Agency::kDefense};
constexpr int kOrganizations = 1;
constexpr int kUsers = 3;
// More applications than a child can file and decide before it is killed.
constexpr int kBatch = 1000000;
constexpr int kListImports = 1;  // the Entity List extract the submissions screen against

licensing::RulesLoader ShippedRules() {
  return []() -> Result<std::shared_ptr<const rules::RuleSet>> {
    auto loaded = rules::LoadRules(std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data" / "rules");
    if (!loaded.ok()) return loaded.error();
    return std::make_shared<const rules::RuleSet>(std::move(loaded).value());
  };
}

// Screens with the shipped rules over `store`, as the CLI and the server do.
Status UseScreener(licensing::Workflow& workflow, storage::Store& store) {
  auto loaded = ShippedRules()();
  if (!loaded.ok()) return loaded.error();
  workflow.UseScreener(licensing::ScreenerFor(std::make_shared<rules::Engine>(*loaded, store)));
  return {};
}

// The next step for an application of the batch, or nullopt when it is final.
std::optional<std::pair<User, licensing::Event>> NextStep(const Application& a) {
  switch (a.state) {
    case ApplicationState::kSubmitted:
      return std::pair{kOfficer, lt::MakeEvent(EventKind::kRegister, {})};
    case ApplicationState::kRegistered:
      return std::pair{kOfficer, lt::Refer({Agency::kDefense})};
    case ApplicationState::kReferred:
      if (a.review.recommendations.empty()) {
        return std::pair{
            kDefense,
            lt::Recommend(Agency::kDefense, licensing::Recommendation::kApprove, "no objection")};
      }
      return std::pair{kOfficer,
                       lt::Decide(EventKind::kApprove, {"mass_market"}, "mass-market software")};
    default:
      return std::nullopt;
  }
}

// The child: finishes what earlier children left open, then files and drives new
// applications, one transaction per step, until killed (or the batch is done).
[[noreturn]] void DriveBatch(const std::string& url) {
  auto store = storage::OpenStore(url);
  if (!store.ok()) _exit(10);
  licensing::FixedClock clock(lt::D("2019-06-03"));
  licensing::Workflow workflow(**store, clock, lt::Catalog());
  if (!UseScreener(workflow, **store).ok()) _exit(14);
  auto advance = [&](Application a) {
    while (auto step = NextStep(a)) {
      auto next = workflow.Transition(step->first, a.control_number, step->second);
      if (!next.ok()) _exit(11);
      a = *next;
    }
  };
  auto open = (*store)->ListApplications();
  if (!open.ok()) _exit(12);
  for (const Application& a : *open) {
    if (a.control_number.empty()) _exit(15);  // a draft left by a half-done submission
    advance(a);
  }
  for (int i = 0; i < kBatch; ++i) {
    auto filed = workflow.Submit(kApplicant, lt::CompleteDraft());
    if (!filed.ok()) _exit(13);
    advance(*filed);
  }
  _exit(0);
}

// Replays the recorded timeline from the stored form and says where it disagrees with
// the stored application; "" when they agree.
std::string Disagreement(const Application& stored,
                         const std::vector<storage::TimelineEntry>& timeline) {
  Application replayed = stored;
  replayed.state = ApplicationState::kDraft;
  replayed.control_number.clear();
  replayed.review = {};
  for (const auto& step : timeline) {
    if (step.from != replayed.state)
      return "step " + std::to_string(step.seq) + " starts elsewhere";
    auto next = licensing::Apply(replayed, step.event, step.on, lt::Catalog());
    if (!next.ok()) return "step " + std::to_string(step.seq) + ": " + next.error().message;
    if (next->state != step.to) return "step " + std::to_string(step.seq) + " ends elsewhere";
    replayed = *next;
  }
  if (replayed != stored) return "the stored application is not what its timeline gives";
  if (stored.version != 1 + static_cast<std::int64_t>(timeline.size())) {
    return "version " + std::to_string(stored.version) + " after " +
           std::to_string(timeline.size()) + " step(s)";
  }
  return "";
}

class CrashTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(CrashTest, AKillDuringABatchLeavesEveryApplicationAndTheAuditChainConsistent) {
  {
    auto store = storage::OpenStore(db_.url());
    ASSERT_TRUE(store.ok()) << store.error().message;
    const storage::ChangeStamp setup{"system setup", "2019-05-20T00:00:00Z"};
    ASSERT_TRUE((*store)->AddOrganization({"microsoft", "Microsoft Corporation"}, setup).ok());
    for (const User& user : {kApplicant, kOfficer, kDefense}) {
      ASSERT_TRUE((*store)->AddUser(user, setup).ok());
    }
    lists::ImportOptions extract;
    extract.as_of = lt::D("2019-05-16");  // 84 FR 22961
    auto imported = lists::ImportListFile(
        **store,
        std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data/lists/huawei_entity_list_2019.csv",
        extract);
    ASSERT_TRUE(imported.ok()) << imported.error().message;
  }  // no connection is open across fork()
  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  std::int64_t changes_before = kOrganizations + kUsers + kListImports;
  std::optional<std::size_t> matches_per_application;
  int killed = 0;
  for (int round = 0; round < 4; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) DriveBatch(db_.url());
    // Long enough for the rules to load and the first submission to screen, then random.
    std::this_thread::sleep_for(std::chrono::milliseconds(400 + rng() % 1600));
    kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    if (WIFSIGNALED(status)) {
      ++killed;
    } else {
      ADD_FAILURE() << "the child ended before the kill, exit " << WEXITSTATUS(status);
    }

    auto store = storage::OpenStore(db_.url());
    ASSERT_TRUE(store.ok()) << "the database does not open after the kill: "
                            << store.error().message;
    auto applications = (*store)->ListApplications();
    ASSERT_TRUE(applications.ok()) << applications.error().message;
    std::int64_t steps = 0;
    std::int64_t matches = 0;
    for (const Application& a : *applications) {
      // A submission is whole: never a draft without its control number and submit step.
      EXPECT_NE(a.state, ApplicationState::kDraft) << licensing::Subject(a);
      auto timeline = (*store)->Timeline(a.id);
      ASSERT_TRUE(timeline.ok()) << timeline.error().message;
      EXPECT_EQ(Disagreement(a, *timeline), "") << licensing::Subject(a);
      steps += static_cast<std::int64_t>(timeline->size());
      // Every one names Huawei: each holds the same matches, recorded with its submission.
      auto screened = (*store)->ScreeningMatches(a.id);
      ASSERT_TRUE(screened.ok()) << screened.error().message;
      if (!matches_per_application) matches_per_application = screened->size();
      EXPECT_EQ(screened->size(), *matches_per_application) << licensing::Subject(a);
      matches += static_cast<std::int64_t>(screened->size());
    }
    ASSERT_TRUE(matches_per_application.has_value());
    EXPECT_GT(*matches_per_application, 0u) << "Huawei is on the extract in force";
    // An approval also issues a license, in the same transaction, with its own record.
    std::int64_t approvals = 0;
    for (const Application& a : *applications) approvals += a.state == ApplicationState::kApproved;
    auto licenses = (*store)->ListLicenses();
    ASSERT_TRUE(licenses.ok()) << licenses.error().message;
    EXPECT_EQ(static_cast<std::int64_t>(licenses->size()), approvals);
    auto log = (*store)->AuditLog();
    ASSERT_TRUE(log.ok()) << log.error().message;
    const std::int64_t changes = kOrganizations + kUsers + kListImports +
                                 static_cast<std::int64_t>(applications->size()) + steps +
                                 approvals + matches;
    EXPECT_EQ(static_cast<std::int64_t>(log->size()), changes)
        << "one audit record per organization, user, list import, application created, step, "
           "license and screening match";
    EXPECT_GT(changes, changes_before) << "the child made progress before it was killed";
    changes_before = changes;
    auto verify = cli_.Run("audit verify");
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    EXPECT_EQ(verify.out.find("NOT intact"), std::string::npos) << verify.out;
  }
  EXPECT_GE(killed, 3);
}

// Parties the list files of the import child name: the State ISN list (INKSNA) and
// OFAC's SDN list (CUBA program).
constexpr const char* kIsnParty = "150th Aircraft Repair Plant (ARZ) (Kaliningrad)";
constexpr const char* kSdnParty = "BANCO NACIONAL DE CUBA";
constexpr int kOpenApplications = 20;

struct ListFile {
  const char* name;
  const char* as_of;
};
const ListFile kListFiles[] = {{"state_isn_2019.csv", "2019-01-01"},
                               {"ofac_sdn_2021-07.csv", "2021-07-01"},
                               {"un_consolidated_2026-02.xml", "2026-02-27"}};

// The second child: imports the list files one after another, each with the
// re-screening of the open applications it causes, until killed or done.
[[noreturn]] void DriveImports(const std::string& url) {
  auto store = storage::OpenStore(url);
  if (!store.ok()) _exit(10);
  for (const ListFile& file : kListFiles) {
    lists::ImportOptions options;
    options.as_of = lt::D(file.as_of);
    auto imported =
        licensing::ImportAndRescreen(**store, SharedList(file.name), options, ShippedRules());
    if (!imported.ok()) _exit(16);
  }
  _exit(0);
}

// Organizations, users and open applications naming a party of each list file.
void FileOpenApplications(const std::string& url) {
  auto store = storage::OpenStore(url);
  ASSERT_TRUE(store.ok()) << store.error().message;
  const storage::ChangeStamp setup{"system setup", "2019-05-20T00:00:00Z"};
  ASSERT_TRUE((*store)->AddOrganization({"microsoft", "Microsoft Corporation"}, setup).ok());
  ASSERT_TRUE((*store)->AddUser(kApplicant, setup).ok());
  licensing::FixedClock clock(lt::D("2019-06-03"));
  licensing::Workflow workflow(**store, clock, lt::Catalog());
  for (int i = 0; i < kOpenApplications; ++i) {
    Application form = lt::CompleteDraft();
    form.end_user = licensing::Party{kIsnParty, "", "RU"};
    form.intermediate_consignee = licensing::Party{kSdnParty, "", "CU"};
    ASSERT_TRUE(workflow.Submit(kApplicant, form).ok());
  }
}

// What screening every open application again against the lists in force on each
// stored version's date records: nothing, when every import re-screened.
std::size_t MissingMatches(storage::Store& store) {
  auto versions = store.ListVersions();
  EXPECT_TRUE(versions.ok()) << versions.error().message;
  if (!versions.ok()) return 0;
  licensing::SystemClock clock;
  licensing::Workflow workflow(store, clock, lt::Catalog());
  EXPECT_TRUE(UseScreener(workflow, store).ok());
  std::size_t missing = 0;
  for (const auto& v : *versions) {
    auto recorded = workflow.RescreenOpen(v.as_of, "the crash test's check");
    EXPECT_TRUE(recorded.ok()) << recorded.error().message;
    if (recorded.ok()) missing += *recorded;
  }
  return missing;
}

// Runs the import child; kills it after `kill_after` unless it ends first. Returns
// whether it was killed.
bool RunImportChild(const std::string& url, std::optional<std::chrono::milliseconds> kill_after) {
  const pid_t child = fork();
  if (child == 0) DriveImports(url);
  if (kill_after) {
    std::this_thread::sleep_for(*kill_after);
    kill(child, SIGKILL);
  }
  int status = 0;
  EXPECT_EQ(waitpid(child, &status, 0), child);
  if (WIFEXITED(status)) {
    EXPECT_EQ(WEXITSTATUS(status), 0) << "the import child failed";
  }
  return WIFSIGNALED(status);
}

TEST_P(CrashTest, AKillDuringAListImportLeavesTheVersionAndItsRescreeningTogetherOrNeither) {
  // One run to the end: how long the whole sequence takes on this machine now, and
  // that it records matches at all.
  std::chrono::milliseconds whole{0};
  {
    TestDatabase db(GetParam());
    FileOpenApplications(db.url());
    const auto start = std::chrono::steady_clock::now();
    ASSERT_FALSE(RunImportChild(db.url(), std::nullopt));
    whole = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start);
    auto store = storage::OpenStore(db.url());
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto applications = (*store)->ListApplications();
    ASSERT_TRUE(applications.ok());
    auto matches = (*store)->ScreeningMatches(applications->front().id);
    ASSERT_TRUE(matches.ok());
    EXPECT_GE(matches->size(), 2u) << "the ISN and the SDN party";
    EXPECT_EQ(MissingMatches(**store), 0u);
  }
  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed) + ", whole run " + std::to_string(whole.count()) +
               " ms");
  std::mt19937 rng(seed);
  int killed = 0;
  // A child can finish before its kill lands (its own start varies with the machine's
  // load): rounds go on until three kills have landed, eight rounds at most.
  for (int round = 0; round < 8 && killed < 3; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    TestDatabase db(GetParam());
    FileOpenApplications(db.url());
    const auto kill_after = std::chrono::milliseconds(whole.count() * (5 + rng() % 80) / 100);
    killed += RunImportChild(db.url(), kill_after) ? 1 : 0;

    auto store = storage::OpenStore(db.url());
    ASSERT_TRUE(store.ok()) << "the database does not open after the kill: "
                            << store.error().message;
    auto versions = (*store)->ListVersions();
    ASSERT_TRUE(versions.ok()) << versions.error().message;
    auto applications = (*store)->ListApplications();
    ASSERT_TRUE(applications.ok()) << applications.error().message;
    std::int64_t matches = 0;
    for (const Application& a : *applications) {
      matches += static_cast<std::int64_t>((*store)->ScreeningMatches(a.id)->size());
    }
    auto log = (*store)->AuditLog();
    ASSERT_TRUE(log.ok()) << log.error().message;
    // The organization, the user, each application's creation and submission, each
    // version stored and each match recorded: one audit record each.
    EXPECT_EQ(static_cast<std::int64_t>(log->size()),
              2 + 2 * kOpenApplications + static_cast<std::int64_t>(versions->size()) + matches);
    EXPECT_EQ(MissingMatches(**store), 0u) << "a version stored without its re-screening";

    // The first file again: "identical" only when its version is stored (and screened).
    const bool isn_stored = !(*store)->ListVersions(std::string("state-isn"))->empty();
    lists::ImportOptions options;
    options.as_of = lt::D(kListFiles[0].as_of);
    auto again = licensing::ImportAndRescreen(**store, SharedList(kListFiles[0].name), options,
                                              ShippedRules());
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(again->unchanged, isn_stored);
    EXPECT_EQ(MissingMatches(**store), 0u);
    auto verify = CliSandbox(db.url()).Run("audit verify");
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  }
  EXPECT_GE(killed, 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, CrashTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
