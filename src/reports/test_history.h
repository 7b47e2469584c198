// Test helper: a small history with known figures, built through the real Workflow on
// a real store (either backend). Seven applications:
//   D000001 microsoft  submitted 06-01, registered 06-03, referred to Defense 06-10,
//                      Defense recommends approval 06-20, approved 07-01
//                      (mass_market, no_5g_contribution): 28 days
//   D000002 microsoft  submitted 06-02, registered 06-04, intent to deny 06-24
//                      (presumption_of_denial, telecom_infrastructure_threat): 20 days;
//                      no response; denied 07-20 on the notice's criteria
//   D000003 qualcomm   submitted and registered 06-05, approved in part 06-15
//                      (non_sensitive_item): 10 days
//   D000004 qualcomm   submitted 06-10, registered 06-12, referred to Defense 06-14;
//                      no recommendation (due 07-14): still referred
//   D000005 qualcomm   submitted 06-20, returned without action 06-21 (unregistered)
//   D000006 microsoft  submitted 06-25, withdrawn 06-26
//   D000007 microsoft  submitted 07-30, registered 08-01
// The stored users (for the CLI): msft-exports, qcom-exports, officer, dod, clock.
#pragma once

#include <gtest/gtest.h>

#include "licensing/test_application.h"
#include "tollgate/licensing/workflow.h"

namespace tollgate::reports::testing {

namespace lt = licensing::testing;
using licensing::Agency;
using licensing::Event;
using licensing::EventKind;
using licensing::Role;
using licensing::User;

inline const User kMicrosoft{"msft-exports", Role::kApplicant, "microsoft", std::nullopt};
inline const User kQualcomm{"qcom-exports", Role::kApplicant, "qualcomm", std::nullopt};
inline const User kOfficer{"officer", Role::kReviewer, "", std::nullopt};
inline const User kDefense{"dod", Role::kAgency, "", Agency::kDefense};
inline const User kSystemClock{"clock", Role::kSystem, "", std::nullopt};

class HistoryBuilder {
 public:
  explicit HistoryBuilder(storage::Store& store)
      : store_(store), workflow_(store, clock_, lt::Catalog()) {}

  void Build() {
    const storage::ChangeStamp setup{"system setup", "2019-05-20T00:00:00Z"};
    ASSERT_TRUE(store_.AddOrganization({"microsoft", "Microsoft Corporation"}, setup).ok());
    ASSERT_TRUE(store_.AddOrganization({"qualcomm", "Qualcomm Incorporated"}, setup).ok());
    for (const User& user : {kMicrosoft, kQualcomm, kOfficer, kDefense, kSystemClock}) {
      ASSERT_TRUE(store_.AddUser(user, setup).ok());
    }
    File(kMicrosoft, "2019-06-01");  // D000001
    File(kMicrosoft, "2019-06-02");  // D000002
    File(kQualcomm, "2019-06-05");   // D000003
    Do(kOfficer, "D000003", Plain(EventKind::kRegister), "2019-06-05");
    File(kQualcomm, "2019-06-10");  // D000004
    Do(kOfficer, "D000001", Plain(EventKind::kRegister), "2019-06-03");
    Do(kOfficer, "D000002", Plain(EventKind::kRegister), "2019-06-04");
    Do(kOfficer, "D000001", lt::Refer({Agency::kDefense}), "2019-06-10");
    Do(kOfficer, "D000004", Plain(EventKind::kRegister), "2019-06-12");
    Do(kOfficer, "D000004", lt::Refer({Agency::kDefense}), "2019-06-14");
    Event in_part = lt::Decide(EventKind::kApprove, {"non_sensitive_item"}, "EAR99 parts");
    in_part.approved_items = {{0, 500}};
    Do(kOfficer, "D000003", in_part, "2019-06-15");
    File(kQualcomm, "2019-06-20");  // D000005
    Do(kDefense, "D000001",
       lt::Recommend(Agency::kDefense, licensing::Recommendation::kApprove, "no military use"),
       "2019-06-20");
    Event rwa = Plain(EventKind::kReturn);
    rwa.text = "the end user is not named";
    Do(kOfficer, "D000005", rwa, "2019-06-21");
    Do(kOfficer, "D000002",
       lt::Decide(EventKind::kIntentToDeny,
                  {"presumption_of_denial", "telecom_infrastructure_threat"}, "5G base stations"),
       "2019-06-24");
    File(kMicrosoft, "2019-06-25");  // D000006
    Do(kMicrosoft, "D000006", Plain(EventKind::kWithdraw), "2019-06-26");
    Do(kOfficer, "D000001",
       lt::Decide(EventKind::kApprove, {"mass_market", "no_5g_contribution"}, "mass-market"),
       "2019-07-01");
    Do(kSystemClock, "D000002", Plain(EventKind::kDeny), "2019-07-20");
    File(kMicrosoft, "2019-07-30");  // D000007
    Do(kOfficer, "D000007", Plain(EventKind::kRegister), "2019-08-01");
  }

 private:
  static Event Plain(EventKind kind) { return lt::MakeEvent(kind, licensing::Actor{}); }

  void File(const User& applicant, const char* date) {
    clock_.Set(lt::D(date));
    licensing::Application form = lt::CompleteDraft();
    form.organization = applicant.organization;
    if (applicant.organization == "qualcomm") {
      form.applicant = {"Qualcomm Incorporated", "5775 Morehouse Drive, San Diego, CA", "US"};
    }
    auto filed = workflow_.Submit(applicant, form);
    ASSERT_TRUE(filed.ok()) << filed.error().message;
  }

  void Do(const User& user, const char* control_number, Event event, const char* date) {
    clock_.Set(lt::D(date));
    auto done = workflow_.Transition(user, control_number, std::move(event));
    ASSERT_TRUE(done.ok()) << control_number << " on " << date << ": " << done.error().message;
  }

  storage::Store& store_;
  licensing::FixedClock clock_{lt::D("2019-06-01")};
  licensing::Workflow workflow_;
};

}  // namespace tollgate::reports::testing
