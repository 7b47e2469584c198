#include "screening_support.h"

#include <iostream>

#include "check_support.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/rules/determination.h"

namespace tollgate::cli {
namespace {

void AddParty(std::vector<rules::Party>& parties, rules::PartyRole role,
              const std::optional<licensing::Party>& party) {
  if (party && !party->name.empty()) parties.push_back({role, party->name, party->country});
}

}  // namespace

licensing::Workflow::PartyScreener ScreenerFor(std::shared_ptr<rules::Engine> engine) {
  return [engine](const licensing::Application& application,
                  Date date) -> Result<std::vector<storage::ScreeningMatchRecord>> {
    // Every party on the form, the applicant too (a denied exporter may not export).
    std::vector<rules::Party> parties;
    AddParty(parties, rules::PartyRole::kExporter, application.applicant);
    AddParty(parties, rules::PartyRole::kPurchaser, application.purchaser);
    AddParty(parties, rules::PartyRole::kIntermediateConsignee, application.intermediate_consignee);
    AddParty(parties, rules::PartyRole::kUltimateConsignee, application.ultimate_consignee);
    AddParty(parties, rules::PartyRole::kEndUser, application.end_user);
    auto hits = engine->ScreenParties(parties, date);
    if (!hits.ok()) return hits.error();
    std::vector<storage::ScreeningMatchRecord> matches;
    for (const auto& hit : *hits) {
      storage::ScreeningMatchRecord match;
      match.role = rules::PartyRoleName(hit.role);
      match.party = hit.party;
      match.list = hit.list;
      match.entry_id = hit.entry_id;
      match.detail = rules::ToJson(hit);
      matches.push_back(std::move(match));
    }
    return matches;
  };
}

Status UseRulesScreener(licensing::Workflow& workflow, storage::Store& store) {
  auto rules = LoadRulesForCli("");
  if (!rules.ok()) return rules.error();
  workflow.UseScreener(ScreenerFor(std::make_shared<rules::Engine>(*rules, store)));
  return {};
}

int RescreenAfterListChange(storage::Store& store, Date as_of, const std::string& reason) {
  // Nothing open, nothing to screen: the rules are not even loaded.
  auto applications = store.ListApplications();
  if (!applications.ok()) return Fail(applications.error());
  bool any_open = false;
  for (const auto& a : *applications) {
    any_open = any_open ||
               (a.state != licensing::ApplicationState::kDraft && !licensing::IsFinal(a.state));
  }
  if (!any_open) return 0;
  licensing::SystemClock clock;
  licensing::CriteriaCatalog no_criteria;  // re-screening decides nothing
  licensing::Workflow workflow(store, clock, no_criteria);
  if (auto s = UseRulesScreener(workflow, store); !s.ok()) return Fail(s.error());
  auto recorded = workflow.RescreenOpen(as_of, reason);
  if (!recorded.ok()) return Fail(recorded.error());
  if (*recorded > 0) {
    // On stderr, so `lists update --json` keeps its stdout to the report.
    std::cerr << "re-screened open applications: " << *recorded << " new match(es) recorded\n";
  }
  return 0;
}

}  // namespace tollgate::cli
