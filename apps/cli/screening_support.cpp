#include "screening_support.h"

#include <iostream>

#include "tollgate/licensing/list_change.h"
#include "tollgate/rules/locate.h"

namespace tollgate::cli {

Status UseRulesScreener(licensing::Workflow& workflow, storage::Store& store) {
  auto rules = rules::LoadRulesAt("");
  if (!rules.ok()) return rules.error();
  workflow.UseScreener(licensing::ScreenerFor(std::make_shared<rules::Engine>(*rules, store)));
  return {};
}

licensing::RulesLoader CliRules() {
  return [] { return rules::LoadRulesAt(""); };
}

void PrintNewMatches(std::size_t new_matches) {
  if (new_matches == 0) return;
  std::cerr << "re-screened open applications: " << new_matches << " new match(es) recorded\n";
}

void PrintAlertChanges(const lists::ImportReport& report) {
  if (report.alerts_opened + report.alerts_reopened + report.alerts_closed == 0) return;
  std::cerr << "re-screened party masters: " << report.alerts_opened << " alert(s) opened, "
            << report.alerts_reopened << " reopened, " << report.alerts_closed << " closed\n";
}

}  // namespace tollgate::cli
