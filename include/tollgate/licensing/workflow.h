// Workflow: the licensing process as a user drives it, over a Store, a Clock and the
// criteria catalog: who may see what (organization.h), who may do what (the state
// machine's table), control numbers, and optimistic concurrency. The CLI and the
// server are thin adapters over it.
//
// Confidentiality: an application an applicant's user may not see is reported as not
// found, exactly like one that does not exist, so its existence is not disclosed.
//
// Thread-safety: as the Store it uses: one thread.
// Failure: the Store's errors, and those of licensing::Apply (kInvalidArgument,
// kPermissionDenied); kConflict when `expected_version` is given and stale.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/licensing/application.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/licensing/clocks.h"
#include "tollgate/licensing/criteria.h"
#include "tollgate/licensing/eccn_check.h"
#include "tollgate/licensing/issue.h"
#include "tollgate/licensing/license.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/licensing/shipment.h"
#include "tollgate/licensing/state_machine.h"
#include "tollgate/storage/store.h"

namespace tollgate::licensing {

class Workflow {
 public:
  Workflow(storage::Store& store, const Clock& clock, const CriteriaCatalog& criteria)
      : store_(store), clock_(clock), criteria_(criteria) {}

  // An applicant files `form` (as ApplicationFromJson(kForm) reads it): saved as a
  // draft of the user's organization and submitted at once, with a new control number.
  // A form naming another organization is refused.
  Result<Application> Submit(const User& applicant, Application form);

  // `event` (its actor is the user) on the application with `control_number`, taken on
  // the clock's date. With `expected_version`, a change to the application since that
  // version is kConflict.
  Result<Application> Transition(const User& user, const std::string& control_number, Event event,
                                 std::optional<std::int64_t> expected_version = std::nullopt);

  Result<Application> Show(const User& viewer, const std::string& control_number);
  Result<std::vector<storage::TimelineEntry>> Timeline(const User& viewer,
                                                       const std::string& control_number);
  Result<std::vector<Application>> List(const User& viewer,
                                        std::optional<ApplicationState> state = std::nullopt);
  // What is due or overdue on `as_of` across the applications the viewer may see.
  Result<std::vector<DueLine>> Due(const User& viewer, Date as_of);

  // ---- Issued licenses and shipments (licensing/issue.h, licensing/shipment.h) ----
  // An approve event through Transition also issues the license (LicenseForApproval,
  // holder: the applicant organization's name) in the same store transaction.

  // The terms of issued licenses (default validity); without this call, the first
  // approval reads data/rules/license_terms.json of the data folder (common/data_dir.h).
  void UseLicenseTerms(LicenseTerms terms) { terms_ = std::move(terms); }
  // The licenses the viewer may see (an applicant: its organization's), by number.
  Result<std::vector<License>> Licenses(const User& viewer);
  // One license; one the viewer may not see is kNotFound, like one that does not exist.
  Result<License> ShowLicense(const User& viewer, const std::string& number);
  // The license issued on the application with `control_number`, if any.
  Result<std::optional<License>> LicenseOf(const User& viewer, const std::string& control_number);
  // Records a shipment under a license the user's organization holds (a reviewer may
  // record one under any license; an agency may not). Returns the license after it.
  Result<License> Ship(const User& user, Shipment shipment);
  Result<std::vector<Shipment>> Shipments(const User& viewer, const std::string& number);

  // ---- The items' ECCNs (issue 12: one catalog behind everything) ----

  // Submit and Ship accept only the ECCNs that `check` accepts on the day
  // (licensing/eccn_check.h); the CLI and server wire CatalogEccnCheck here. Without
  // one, only the form of an ECCN is checked.
  void UseEccnCheck(EccnCheck check) { eccn_check_ = std::move(check); }

  // ---- Screening of the parties (issue 4: at submission and when a list changes) ----

  // The matches of `application`'s parties (the applicant as exporter, purchaser,
  // consignees, end user) against the lists in force on `date`; the CLI and server
  // wire rules::Engine::ScreenParties here. Without one, nothing is screened.
  using PartyScreener = std::function<Result<std::vector<storage::ScreeningMatchRecord>>(
      const Application& application, Date date)>;
  void UseScreener(PartyScreener screener) { screener_ = std::move(screener); }
  // Screens every open application (submitted and not decided) against the lists in
  // force on `on` and records the matches not recorded before, each audited, with
  // `reason` ("lists import EL as of 2019-05-16"). Returns how many were recorded.
  Result<std::size_t> RescreenOpen(Date on, const std::string& reason);
  // The matches recorded with an application the viewer may see, oldest first.
  Result<std::vector<storage::ScreeningMatchRecord>> Screening(const User& viewer,
                                                               const std::string& control_number);

 private:
  Result<Application> Approve(Application approved, const Event& event, Date today);
  storage::Store& store_;
  const Clock& clock_;
  const CriteriaCatalog& criteria_;
  std::optional<LicenseTerms> terms_;
  PartyScreener screener_;
  EccnCheck eccn_check_;
};

}  // namespace tollgate::licensing
