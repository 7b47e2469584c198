// Screening the parties of license applications from the CLI: the rules engine's
// party screening (licensing::ScreenerFor) wired into a Workflow at submission, and
// the rules the list commands re-screen the open applications with
// (licensing/list_change.h).
//
// Thread-safety: one thread, as the Store.
// Failure: the rules loader's and the store's errors.
#pragma once

#include "cli_context.h"
#include "tollgate/licensing/list_change.h"
#include "tollgate/licensing/workflow.h"

namespace tollgate::cli {

// Wires a screener over `store` and the rules into `workflow`; fails when the rules
// cannot be loaded.
Status UseRulesScreener(licensing::Workflow& workflow, storage::Store& store);

// The rules as the CLI finds them, loaded when called.
licensing::RulesLoader CliRules();

// "re-screened open applications: N new match(es) recorded" on stderr (so that
// `--json` keeps stdout to its report), when N > 0.
void PrintNewMatches(std::size_t new_matches);
// What an import did to the alerts on the party masters, on stderr; nothing when none.
void PrintAlertChanges(const lists::ImportReport& report);

}  // namespace tollgate::cli
