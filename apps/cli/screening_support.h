// Screening the parties of license applications from the CLI: the rules engine's
// party screening wired into a Workflow (at submission), and re-screening the open
// applications after a list version is imported (`lists import`, `lists update`).
//
// Thread-safety: one thread, as the Store.
// Failure: the rules loader's and the store's errors.
#pragma once

#include <memory>
#include <string>

#include "cli_context.h"
#include "tollgate/licensing/workflow.h"
#include "tollgate/rules/engine.h"

namespace tollgate::cli {

// Screens with `engine` (shared with the returned function).
licensing::Workflow::PartyScreener ScreenerFor(std::shared_ptr<rules::Engine> engine);

// Wires a screener over `store` and the rules into `workflow`; fails when the rules
// cannot be loaded.
Status UseRulesScreener(licensing::Workflow& workflow, storage::Store& store);

// After a list version in force from `as_of` was stored: screens the open
// applications again and prints how many new matches were recorded. Returns the exit
// code (0, or the error's).
int RescreenAfterListChange(storage::Store& store, Date as_of, const std::string& reason);

}  // namespace tollgate::cli
