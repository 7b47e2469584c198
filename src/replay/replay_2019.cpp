#include "tollgate/replay/replay_2019.h"

#include <algorithm>
#include <map>

#include "replay/review_plan.h"
#include "replay/rng.h"
#include "replay/synthetic_stream.h"
#include "tollgate/common/data_dir.h"
#include "tollgate/licensing/workflow.h"
#include "tollgate/lists/import.h"

namespace tollgate::replay {
namespace {

using licensing::Application;
using licensing::User;

constexpr const char* kSetupActor = "system replay-2019 (synthetic setup)";

// Microsoft's request as far as it is public (seeds: Microsoft's statement of 21 Nov
// 2019): mass-market software, 5D992.c, to Huawei Technologies Co., Ltd. The contact,
// quantities and values are not public and are illustrative.
Application MicrosoftForm() {
  Application a;
  a.organization = "microsoft";
  a.applicant = {"Microsoft Corporation", "One Microsoft Way, Redmond, WA 98052", "US"};
  a.contact = {"Export compliance (illustrative contact)", "+1 555 0100", "exports@example.com"};
  const licensing::Party huawei{"Huawei Technologies Co., Ltd.",
                                "Bantian, Longgang District, Shenzhen 518129", "CN"};
  a.purchaser = huawei;
  a.ultimate_consignee = huawei;
  a.end_use = "Windows and Office installed on laptops and PCs Huawei sells to the public";
  a.destination = "CN";
  a.items = {{"5D992.c", "Windows operating system licenses (mass-market software)", 1000000, "ea",
              4500, 45000000},
             {"5D992.c", "Office licenses (mass-market software)", 200000, "ea", 6000, 12000000}};
  a.documents = {
      "Quantities and values illustrative (not public); license granted 2019-11-20 "
      "per Microsoft's statement of 2019-11-21"};
  return a;
}

struct Applicant {
  licensing::Organization organization;
  User user;
};

// Steps that share a date are taken in filing order; the clock moves a minute per step
// so the audit timestamps keep that order too.
struct Runner {
  storage::Store& store;
  licensing::FixedClock& clock;
  licensing::Workflow workflow;
  std::map<std::size_t, std::string> control_numbers;
  Date day;
  int step_of_day = 0;

  void MoveTo(Date on) {
    if (on != day) {
      day = on;
      step_of_day = 0;
    }
    clock.Set(std::chrono::sys_seconds(
        std::chrono::seconds(static_cast<long long>(on.days_since_epoch()) * 86400 + 8LL * 3600 +
                             60LL * step_of_day++)));
  }
};

Error InStep(const Error& error, std::size_t filing, const char* what, Date on) {
  return MakeError(error.code, "replay: application " + std::to_string(filing) + ", " + what +
                                   " on " + on.ToString() + ": " + error.message);
}

}  // namespace

Result<std::filesystem::path> ShippedEntityList2019() {
  return ShippedPath("data/lists/huawei_entity_list_2019.csv");
}

Result<ReplayResult> RunReplay2019(storage::Store& store, licensing::FixedClock& clock,
                                   const licensing::CriteriaCatalog& catalog,
                                   const ReplayOptions& options) {
  auto existing = store.ListOrganizations();
  if (!existing.ok()) return existing.error();
  if (!existing->empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the database already holds organizations: the replay needs a new "
                     "database (--db var/replay-2019.db)");
  }
  if (options.entity_list) {
    lists::ImportOptions import_options;
    import_options.as_of = Date::FromYmd(2019, 5, 16).value();  // 84 FR 22961 effective
    auto imported = lists::ImportListFile(store, *options.entity_list, import_options);
    if (!imported.ok()) return imported.error();
  }

  Rng rng(options.seed);
  const SyntheticStream stream =
      GenerateStream(rng, options.synthetic_applications, options.first_day, options.last_day);
  const Cast cast = MakeCast();
  const storage::ChangeStamp setup{kSetupActor, "2019-05-20T08:00:00Z"};
  ReplayResult result;
  std::vector<Applicant> applicants;
  applicants.push_back(
      {{"microsoft", "Microsoft Corporation"},
       {"syn-microsoft-exports", licensing::Role::kApplicant, "microsoft", std::nullopt}});
  for (const Exporter& e : stream.exporters) applicants.push_back({e.organization, e.user});
  for (const Applicant& a : applicants) {
    if (auto s = store.AddOrganization(a.organization, setup); !s.ok()) return s.error();
    if (auto s = store.AddUser(a.user, setup); !s.ok()) return s.error();
    ++result.organizations;
  }
  for (const User* user : {&cast.defense, &cast.state, &cast.energy, &cast.clock}) {
    if (auto s = store.AddUser(*user, setup); !s.ok()) return s.error();
  }
  for (const User& officer : cast.officers) {
    if (auto s = store.AddUser(officer, setup); !s.ok()) return s.error();
  }

  // Filing 0 is Microsoft's: its filing date is not public, so it is drawn like the
  // early filings (within 60 days, so its review is complete by its decision date,
  // which is public).
  struct Filed {
    const User* user;
    const Application* form;
    Date submit_on;
  };
  const Application microsoft = MicrosoftForm();
  std::vector<Filed> filings;
  filings.push_back(
      {&applicants[0].user, &microsoft,
       options.first_day.AddDays(std::min(60, static_cast<int>(rng.Exponential(25))))});
  for (const Filing& f : stream.filings) {
    filings.push_back({&applicants[f.exporter + 1].user, &f.form, f.submit_on});
  }
  std::vector<PlannedStep> steps;
  const Date hold = Date::FromYmd(2019, 11, 18).value();
  for (std::size_t i = 0; i < filings.size(); ++i) {
    ReviewOptions review{hold, std::nullopt, true, true};
    if (i == 0) review = {hold, Date::FromYmd(2019, 11, 20).value(), false, false};
    steps.push_back({filings[i].submit_on, i, 0, filings[i].user, {}});
    for (auto& step : PlanReview(rng, cast, *filings[i].user, i, *filings[i].form,
                                 filings[i].submit_on, review)) {
      steps.push_back(std::move(step));
    }
  }
  std::stable_sort(steps.begin(), steps.end(), [](const PlannedStep& a, const PlannedStep& b) {
    if (a.on != b.on) return a.on < b.on;
    if (a.filing != b.filing) return a.filing < b.filing;
    return a.order < b.order;
  });

  Runner run{store, clock, licensing::Workflow(store, clock, catalog), {}, Date(), 0};
  for (const PlannedStep& step : steps) {
    if (step.on > options.last_day) break;
    run.MoveTo(step.on);
    if (step.order == 0) {
      auto filed = run.workflow.Submit(*step.user, *filings[step.filing].form);
      if (!filed.ok()) return InStep(filed.error(), step.filing, "submit", step.on);
      run.control_numbers[step.filing] = filed->control_number;
      ++result.applications;
    } else {
      auto done =
          run.workflow.Transition(*step.user, run.control_numbers.at(step.filing), step.event);
      if (!done.ok()) {
        return InStep(done.error(), step.filing, licensing::EventName(step.event.kind), step.on);
      }
    }
    ++result.steps;
  }
  result.microsoft_control_number = run.control_numbers[0];
  result.reviewer = cast.officers.front().name;
  return result;
}

}  // namespace tollgate::replay
