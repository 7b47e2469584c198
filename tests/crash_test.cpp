// A crash mid-batch leaves the database consistent (issue 4): a child process drives
// many transitions through the Workflow and is killed with SIGKILL at a random moment,
// several times over, on SQLite and on PostgreSQL. After each kill the database opens;
// every application is what replaying its timeline gives (the state, the review record
// and the version agree with the recorded steps); `tollgate audit verify` passes; and
// there is exactly one audit record per recorded change.
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
#include "tollgate/licensing/workflow.h"

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
    if (!a.control_number.empty()) advance(a);
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
  }  // no connection is open across fork()
  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  std::int64_t changes_before = kOrganizations + kUsers;
  int killed = 0;
  for (int round = 0; round < 4; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) DriveBatch(db_.url());
    std::this_thread::sleep_for(std::chrono::milliseconds(150 + rng() % 1200));
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
    for (const Application& a : *applications) {
      auto timeline = (*store)->Timeline(a.id);
      ASSERT_TRUE(timeline.ok()) << timeline.error().message;
      EXPECT_EQ(Disagreement(a, *timeline), "") << licensing::Subject(a);
      steps += static_cast<std::int64_t>(timeline->size());
    }
    auto log = (*store)->AuditLog();
    ASSERT_TRUE(log.ok()) << log.error().message;
    const std::int64_t changes =
        kOrganizations + kUsers + static_cast<std::int64_t>(applications->size()) + steps;
    EXPECT_EQ(static_cast<std::int64_t>(log->size()), changes)
        << "one audit record per organization, user, application created and step";
    EXPECT_GT(changes, changes_before) << "the child made progress before it was killed";
    changes_before = changes;
    auto verify = cli_.Run("audit verify");
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    EXPECT_EQ(verify.out.find("NOT intact"), std::string::npos) << verify.out;
  }
  EXPECT_GE(killed, 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, CrashTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing
