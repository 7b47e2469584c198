// The Store contract for the licensing workflow (organizations, users, applications,
// timelines, the audit log), on every backend: SQLite and a real PostgreSQL server.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <barrier>
#include <set>
#include <thread>

#include "licensing/test_application.h"
#include "test_databases.h"
#include "tollgate/audit/verify.h"
#include "tollgate/licensing/issue.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {
namespace {

using licensing::Agency;
using licensing::Application;
using licensing::ApplicationState;
using licensing::Event;
using licensing::EventKind;
using licensing::Recommendation;
using licensing::Role;
namespace lt = licensing::testing;
using tollgate::testing::TestDatabase;

const ChangeStamp kAdmin{"system setup", "2019-05-20T08:00:00Z"};

class WorkflowStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase db_{GetParam()};

  std::unique_ptr<Store> Open() {
    auto store = OpenStore(db_.url());
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // Runs SQL behind the store's back; returns the database's error, "" on success.
  std::string Raw(const std::string& sqlite_sql, const std::string& postgres_sql) {
    std::string error;
    if (db_.backend() == "postgres") {
      PGconn* conn = PQconnectdb(db_.url().c_str());
      PGresult* r = PQexec(conn, postgres_sql.c_str());
      if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
        error = PQresultErrorMessage(r);
      }
      PQclear(r);
      PQfinish(conn);
    } else {
      sqlite3* conn = nullptr;
      sqlite3_open(db_.url().c_str(), &conn);
      char* message = nullptr;
      if (sqlite3_exec(conn, sqlite_sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        error = message ? message : "failed";
      }
      sqlite3_free(message);
      sqlite3_close(conn);
    }
    return error;
  }

  static void Seed(Store& store) {
    ASSERT_TRUE(store.AddOrganization({"microsoft", "Microsoft Corporation"}, kAdmin).ok());
    ASSERT_TRUE(
        store.AddUser({"msft-exports", Role::kApplicant, "microsoft", std::nullopt}, kAdmin).ok());
  }

  static Application Draft(Store& store) {
    auto draft = store.CreateApplication(lt::CompleteDraft(),
                                         {"applicant msft-exports", "2019-06-01T09:00:00Z"});
    EXPECT_TRUE(draft.ok()) << draft.error().message;
    return draft.ok() ? *draft : Application{};
  }

  // Applies `event` to `current` on `date` and records it.
  static Result<Application> Act(Store& store, const Application& current, Event event,
                                 const char* date) {
    if (event.kind == EventKind::kSubmit) {
      auto acn = store.IssueControlNumber();
      if (!acn.ok()) return acn.error();
      event.control_number = acn->ToString();
    }
    auto next = licensing::Apply(current, event, lt::D(date), lt::Catalog());
    if (!next.ok()) return next.error();
    return store.RecordTransition(*next, event, lt::D(date), std::string(date) + "T12:00:00Z");
  }

  static Application Must(Result<Application> result) {
    EXPECT_TRUE(result.ok()) << result.error().message;
    return result.ok() ? *result : Application{};
  }

  static Application Referred(Store& store) {
    Application a = Must(Act(store, Draft(store), lt::Submit(), "2019-06-01"));
    a = Must(Act(store, a, lt::MakeEvent(EventKind::kRegister, lt::System()), "2019-06-03"));
    return Must(Act(store, a, lt::Refer({Agency::kDefense, Agency::kState}), "2019-06-10"));
  }

  static void ExpectChainVerifies(Store& store, std::int64_t records) {
    auto log = store.AuditLog();
    ASSERT_TRUE(log.ok()) << log.error().message;
    auto verification = audit::Verify(*log);
    EXPECT_TRUE(verification.ok()) << "sequence " << verification.problems[0].sequence << ": "
                                   << verification.problems[0].what;
    EXPECT_EQ(verification.records, records);
    EXPECT_EQ(verification.last_sequence, records);
  }
};

TEST_P(WorkflowStoreTest, OrganizationsAndUsersAreStoredOnceAndAudited) {
  auto store = Open();
  ASSERT_TRUE(store);
  Seed(*store);
  ASSERT_TRUE(store->AddUser({"dod.liaison", Role::kAgency, "", Agency::kDefense}, kAdmin).ok());

  auto again = store->AddOrganization({"microsoft", "Microsoft"}, kAdmin);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto orphan =
      store->AddUser({"qcom-exports", Role::kApplicant, "qualcomm", std::nullopt}, kAdmin);
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(orphan.error().message, "no organization 'qualcomm'");
  EXPECT_EQ(store->AddUser({"x", Role::kAgency, "", std::nullopt}, kAdmin).error().code,
            ErrorCode::kInvalidArgument);

  auto reopened = Open();
  ASSERT_TRUE(reopened);
  auto organizations = reopened->ListOrganizations();
  ASSERT_TRUE(organizations.ok());
  EXPECT_EQ(*organizations,
            (std::vector<licensing::Organization>{{"microsoft", "Microsoft Corporation"}}));
  auto liaison = reopened->GetUser("dod.liaison");
  ASSERT_TRUE(liaison.ok()) << liaison.error().message;
  EXPECT_EQ(*liaison, (licensing::User{"dod.liaison", Role::kAgency, "", Agency::kDefense}));
  EXPECT_EQ(reopened->GetUser("msft-exports")->organization, "microsoft");
  EXPECT_EQ(reopened->GetUser("nobody").error().code, ErrorCode::kNotFound);

  auto log = reopened->AuditLog();
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 3u) << "only the changes that happened are recorded";
  EXPECT_EQ((*log)[0].action, "organization.create");
  EXPECT_EQ((*log)[0].subject, "organization microsoft");
  EXPECT_EQ((*log)[2].after["agency"], "defense");
  ExpectChainVerifies(*reopened, 3);
}

TEST_P(WorkflowStoreTest, AnApplicationKeepsItsStateTimelineAndAuditTrailAcrossReopening) {
  std::int64_t id = 0;
  {
    auto store = Open();
    ASSERT_TRUE(store);
    Seed(*store);
    Application a = Draft(*store);
    EXPECT_EQ(a.version, 1);
    EXPECT_GT(a.id, 0);
    a = Must(Act(*store, a, lt::Submit(), "2019-06-01"));
    EXPECT_EQ(a.control_number, "D000001");
    EXPECT_EQ(a.version, 2);
    a = Must(Act(*store, a, lt::MakeEvent(EventKind::kRegister, lt::System()), "2019-06-03"));
    a = Must(Act(*store, a,
                 lt::Decide(EventKind::kIntentToDeny, {"presumption_of_denial"}, "listed"),
                 "2019-08-01"));
    id = a.id;
  }
  auto store = Open();
  ASSERT_TRUE(store);
  auto found = store->FindApplication("D000001");
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->state, ApplicationState::kIntentToDeny);
  EXPECT_EQ(found->version, 4);
  EXPECT_EQ(found->review.registered_on, lt::D("2019-06-03"));
  EXPECT_EQ(found->review.intent_to_deny->response_due, lt::D("2019-08-21"));
  EXPECT_EQ(found->items, lt::CompleteDraft().items);
  EXPECT_EQ(*store->GetApplication(id), *found);

  auto timeline = store->Timeline(id);
  ASSERT_TRUE(timeline.ok()) << timeline.error().message;
  ASSERT_EQ(timeline->size(), 3u);
  EXPECT_EQ((*timeline)[0].seq, 1);
  EXPECT_EQ((*timeline)[0].event.kind, EventKind::kSubmit);
  EXPECT_EQ((*timeline)[0].event.control_number, "D000001");
  EXPECT_EQ((*timeline)[2].from, ApplicationState::kRegistered);
  EXPECT_EQ((*timeline)[2].to, ApplicationState::kIntentToDeny);
  EXPECT_EQ((*timeline)[2].on, lt::D("2019-08-01"));
  EXPECT_EQ((*timeline)[2].event.criteria, std::vector<std::string>{"presumption_of_denial"});

  auto log = store->AuditLog();
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 6u);  // organization, user, create, submit, register, notice
  EXPECT_EQ((*log)[2].action, "application.create");
  EXPECT_EQ((*log)[5].action, "application.intent_to_deny");
  EXPECT_EQ((*log)[5].subject, "application D000001");
  EXPECT_EQ((*log)[5].actor, "reviewer licensing-officer-1");
  EXPECT_EQ((*log)[5].before["state"], "registered");
  EXPECT_EQ((*log)[5].after["state"], "intent_to_deny");
  ExpectChainVerifies(*store, 6);

  EXPECT_EQ(store->FindApplication("D999999").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store->GetApplication(id + 100).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store->Timeline(id + 100).error().code, ErrorCode::kNotFound);
}

TEST_P(WorkflowStoreTest, ApplicationsAreListedByOrganizationAndState) {
  auto store = Open();
  ASSERT_TRUE(store);
  Seed(*store);
  ASSERT_TRUE(store->AddOrganization({"qualcomm", "Qualcomm Incorporated"}, kAdmin).ok());
  Application ms = Draft(*store);
  Application qc_form = lt::CompleteDraft();
  qc_form.organization = "qualcomm";
  ASSERT_TRUE(store->CreateApplication(qc_form, kAdmin).ok());
  Must(Act(*store, ms, lt::Submit(), "2019-06-01"));

  EXPECT_EQ(store->ListApplications()->size(), 2u);
  auto mine = store->ListApplications({std::string("microsoft"), std::nullopt});
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].organization, "microsoft");
  auto drafts = store->ListApplications({std::nullopt, ApplicationState::kDraft});
  ASSERT_EQ(drafts->size(), 1u);
  EXPECT_EQ((*drafts)[0].organization, "qualcomm");

  Application unknown = lt::CompleteDraft();
  unknown.organization = "huawei";
  EXPECT_EQ(store->CreateApplication(unknown, kAdmin).error().code, ErrorCode::kNotFound);
  Application not_fresh = lt::CompleteDraft();
  not_fresh.state = ApplicationState::kApproved;
  EXPECT_EQ(store->CreateApplication(not_fresh, kAdmin).error().code, ErrorCode::kInvalidArgument);
}

TEST_P(WorkflowStoreTest, AllTimelinesReadsEveryApplicationsStepsInOrder) {
  auto store = Open();
  ASSERT_TRUE(store);
  Seed(*store);
  EXPECT_TRUE(store->AllTimelines()->empty());
  Application first = Referred(*store);
  Application second = Must(Act(*store, Draft(*store), lt::Submit(), "2019-06-02"));
  Draft(*store);  // a draft has no timeline yet

  auto all = store->AllTimelines();
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), 4u);
  auto one_by_one = store->Timeline(first.id);
  ASSERT_TRUE(one_by_one.ok());
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& one = (*one_by_one)[i];
    EXPECT_EQ((*all)[i].application_id, first.id);
    EXPECT_EQ((*all)[i].seq, one.seq);
    EXPECT_EQ((*all)[i].on, one.on);
    EXPECT_EQ((*all)[i].to, one.to);
    EXPECT_EQ((*all)[i].event, one.event);
  }
  EXPECT_EQ((*all)[2].to, ApplicationState::kReferred);
  EXPECT_EQ((*all)[3].application_id, second.id);
  EXPECT_EQ((*all)[3].event.control_number, "D000002");
}

TEST_P(WorkflowStoreTest, AChangeBasedOnAStaleVersionIsAConflictAndChangesNothing) {
  auto store = Open();
  ASSERT_TRUE(store);
  Seed(*store);
  Application submitted = Must(Act(*store, Draft(*store), lt::Submit(), "2019-06-01"));
  Application registered =
      Must(Act(*store, submitted, lt::MakeEvent(EventKind::kRegister, lt::System()), "2019-06-03"));
  const auto audit_before = store->AuditLog()->size();

  // A reviewer still looking at the submitted version returns it without action.
  Event rwa = lt::MakeEvent(EventKind::kReturn, lt::Reviewer());
  rwa.text = "deficient";
  auto stale = Act(*store, submitted, rwa, "2019-06-04");
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().message,
            "application D000001 was changed by someone else: it is at version 3, this change "
            "was based on version 2; reload it and try again");
  EXPECT_EQ(*store->GetApplication(registered.id), registered);
  EXPECT_EQ(store->Timeline(registered.id)->size(), 2u);
  EXPECT_EQ(store->AuditLog()->size(), audit_before);
}

TEST_P(WorkflowStoreTest, TwoStoresRacingOnOneApplicationOneWinsAndNothingIsLost) {
  auto setup = Open();
  ASSERT_TRUE(setup);
  Seed(*setup);
  const Application referred = Referred(*setup);
  const auto audit_before = static_cast<std::int64_t>(setup->AuditLog()->size());

  auto defense_store = Open();
  auto state_store = Open();
  ASSERT_TRUE(defense_store && state_store);
  const Application seen_by_defense = *defense_store->GetApplication(referred.id);
  const Application seen_by_state = *state_store->GetApplication(referred.id);
  const Event defense = lt::Recommend(Agency::kDefense, Recommendation::kApprove, "no concern");
  const Event state = lt::Recommend(Agency::kState, Recommendation::kApprove, "no concern");

  std::barrier start(2);
  Result<Application> defense_result = MakeError(ErrorCode::kInternal, "not run");
  Result<Application> state_result = MakeError(ErrorCode::kInternal, "not run");
  std::thread a([&] {
    start.arrive_and_wait();
    defense_result = Act(*defense_store, seen_by_defense, defense, "2019-06-20");
  });
  std::thread b([&] {
    start.arrive_and_wait();
    state_result = Act(*state_store, seen_by_state, state, "2019-06-20");
  });
  a.join();
  b.join();

  ASSERT_NE(defense_result.ok(), state_result.ok()) << "exactly one wins";
  Store& loser_store = defense_result.ok() ? *state_store : *defense_store;
  const Event& loser_event = defense_result.ok() ? state : defense;
  const Error& lost = defense_result.ok() ? state_result.error() : defense_result.error();
  EXPECT_EQ(lost.code, ErrorCode::kConflict) << lost.message;

  // The loser reloads and tries again: both recommendations are kept.
  auto fresh = loser_store.GetApplication(referred.id);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->version, referred.version + 1);
  Application both = Must(Act(loser_store, *fresh, loser_event, "2019-06-20"));
  EXPECT_EQ(both.review.recommendations.size(), 2u);
  EXPECT_EQ(setup->GetApplication(referred.id)->review.recommendations.size(), 2u);
  EXPECT_EQ(setup->Timeline(referred.id)->size(), 5u);
  ExpectChainVerifies(*setup, audit_before + 2);
}

TEST_P(WorkflowStoreTest, ConcurrentWritersKeepOneUnbrokenChainAndDistinctControlNumbers) {
  auto setup = Open();
  ASSERT_TRUE(setup);
  Seed(*setup);
  constexpr int kPerWriter = 8;
  std::vector<std::string> issued[2];
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w) {
    writers.emplace_back([&, w] {
      auto store = Open();
      if (!store) return;
      for (int i = 0; i < kPerWriter; ++i) {
        Application submitted = Must(Act(*store, Draft(*store), lt::Submit(), "2019-06-01"));
        issued[w].push_back(submitted.control_number);
      }
    });
  }
  for (auto& t : writers) t.join();
  std::set<std::string> all(issued[0].begin(), issued[0].end());
  all.insert(issued[1].begin(), issued[1].end());
  EXPECT_EQ(all.size(), 2u * kPerWriter) << "no control number issued twice";
  ExpectChainVerifies(*setup, 2 + 2 * 2 * kPerWriter);
}

TEST_P(WorkflowStoreTest, AChangeWhoseAuditRecordCannotBeWrittenIsNotMadeAtAll) {
  auto store = Open();
  ASSERT_TRUE(store);
  Seed(*store);
  Application submitted = Must(Act(*store, Draft(*store), lt::Submit(), "2019-06-01"));
  ASSERT_EQ(Raw("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END",
                "CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "RAISE EXCEPTION 'simulated failure'; END; $$; CREATE TRIGGER fail_audit BEFORE "
                "INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_audit()"),
            "");
  auto failed =
      Act(*store, submitted, lt::MakeEvent(EventKind::kRegister, lt::System()), "2019-06-03");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kStorageError);
  EXPECT_NE(failed.error().message.find("simulated failure"), std::string::npos);
  EXPECT_EQ(*store->GetApplication(submitted.id), submitted) << "the state change rolled back";
  EXPECT_EQ(store->Timeline(submitted.id)->size(), 1u);

  ASSERT_EQ(Raw("DROP TRIGGER fail_audit", "DROP TRIGGER fail_audit ON audit_log"), "");
  Must(Act(*store, submitted, lt::MakeEvent(EventKind::kRegister, lt::System()), "2019-06-03"));
  ExpectChainVerifies(*store, 5);
}

TEST_P(WorkflowStoreTest, AuditRecordsCannotBeChangedAndTamperingIsFound) {
  auto store = Open();
  ASSERT_TRUE(store);
  Seed(*store);
  Referred(*store);  // audit: organization, user, create, submit, register, refer
  const std::string update =
      "UPDATE audit_log SET after = '{\"state\":\"approved\"}' "
      "WHERE sequence = 5";
  EXPECT_NE(Raw(update, update).find("append-only"), std::string::npos);
  EXPECT_NE(Raw("DELETE FROM audit_log WHERE sequence = 6",
                "DELETE FROM audit_log "
                "WHERE sequence = 6")
                .find("append-only"),
            std::string::npos);
  ExpectChainVerifies(*store, 6);
  auto guarded = store->AuditGuardProblems();
  ASSERT_TRUE(guarded.ok()) << guarded.error().message;
  EXPECT_EQ(*guarded, std::vector<std::string>{});

  // Someone with the database's keys removes the guard and edits a record.
  ASSERT_EQ(Raw("DROP TRIGGER audit_log_no_update; " + update,
                "DROP TRIGGER audit_log_append_only ON audit_log; " + update),
            "");
  auto log = store->AuditLog();
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(audit::Verify(*log).problems,
            (std::vector<audit::Problem>{{5, "edited: its content does not match its hash"}}));
  auto unguarded = store->AuditGuardProblems();
  ASSERT_TRUE(unguarded.ok()) << unguarded.error().message;
  ASSERT_EQ(unguarded->size(), 1u);
  EXPECT_NE((*unguarded)[0].find(GetParam() == "postgres" ? "trigger audit_log_append_only is "
                                                            "missing"
                                                          : "trigger audit_log_no_update is "
                                                            "missing"),
            std::string::npos)
      << (*unguarded)[0];
}

TEST_P(WorkflowStoreTest, AnApprovalAndTheLicenseItIssuesAreWrittenTogetherOrNotAtAll) {
  auto store = Open();
  ASSERT_TRUE(store);
  Seed(*store);
  Application referred = Referred(*store);
  Event approve = lt::Decide(EventKind::kApprove, {"mass_market"}, "mass-market software");
  approve.conditions = {"no reexport"};
  auto approved = licensing::Apply(referred, approve, lt::D("2019-11-20"), lt::Catalog());
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  auto terms = licensing::LoadLicenseTerms(licensing::ShippedLicenseTermsPath().value());
  ASSERT_TRUE(terms.ok()) << terms.error().message;
  auto license = licensing::LicenseForApproval(*approved, "Microsoft Corporation", *terms);
  ASSERT_TRUE(license.ok()) << license.error().message;
  // Licenses registered by hand: one holds the next number to issue, one has a number
  // of another form; issuing skips the first and is not confused by the second.
  for (const char* number : {"D0000001", "EXP-7"}) {
    licensing::License by_hand = *license;
    by_hand.number = number;
    by_hand.organization = "";
    by_hand.application = std::string(number) == "EXP-7" ? "paper file 7" : "";
    ASSERT_TRUE(store->AddLicense(by_hand, {"operator", "2019-11-20T00:00:00Z"}).ok());
  }
  const auto audit_before = store->AuditLog()->size();

  ASSERT_EQ(Raw("CREATE TRIGGER fail_items BEFORE INSERT ON license_items "
                "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END",
                "CREATE FUNCTION fail_items() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "RAISE EXCEPTION 'simulated failure'; END; $$; CREATE TRIGGER fail_items BEFORE "
                "INSERT ON license_items FOR EACH ROW EXECUTE FUNCTION fail_items()"),
            "");
  auto failed = store->RecordApproval(*approved, approve, lt::D("2019-11-20"),
                                      "2019-11-20T12:00:00Z", *license);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kStorageError);
  EXPECT_EQ(*store->GetApplication(referred.id), referred) << "the approval rolled back";
  EXPECT_EQ(store->ListLicenses()->size(), 2u);
  EXPECT_EQ(store->AuditLog()->size(), audit_before);

  ASSERT_EQ(Raw("DROP TRIGGER fail_items", "DROP TRIGGER fail_items ON license_items"), "");
  auto recorded = store->RecordApproval(*approved, approve, lt::D("2019-11-20"),
                                        "2019-11-20T12:00:00Z", *license);
  ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  EXPECT_EQ(recorded->application.state, ApplicationState::kApproved);
  EXPECT_EQ(recorded->license.number, "D0000002");
  EXPECT_EQ(recorded->license.created_by, "reviewer licensing-officer-1") << "who issued it";
  auto mine = store->FindLicenses({std::string("microsoft"), std::nullopt});
  ASSERT_TRUE(mine.ok()) << mine.error().message;
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->front(), recorded->license);
  EXPECT_EQ(mine->front().application, referred.control_number);
  EXPECT_TRUE(store->FindLicenses({std::string("qualcomm"), std::nullopt})->empty());
  auto log = store->AuditLog();
  EXPECT_EQ(log->back().action, "license.issue");
  EXPECT_EQ(log->back().subject, "license D0000002");
  EXPECT_EQ(log->back().actor, "reviewer licensing-officer-1");
  ExpectChainVerifies(*store, static_cast<std::int64_t>(audit_before) + 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkflowStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::storage
