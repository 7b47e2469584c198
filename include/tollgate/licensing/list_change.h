// A list changes, the open applications are screened again: the one use case behind
// `tollgate lists import|update`, POST /api/lists/import and /api/lists/update, and the
// server's first start (issue 11, item 5). An import and the re-screening it causes are
// one transaction (storage::UnitOfWork): a process killed between them leaves neither,
// so the same file imported again is stored and screened then, never reported as
// "identical" for a version nobody screened against (item 10).
//
// Re-screening records the matches an open application (submitted, not decided) does
// not hold yet, each with its audit record; the parties are screened against the lists
// in force on the new version's as-of date, read through the same store, so inside the
// transaction they include the version being imported.
//
// Thread-safety: as the Store (one thread). Failure: the reader's errors (the file,
// line and field), the rules loader's and the store's; nothing is stored then.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "tollgate/licensing/workflow.h"
#include "tollgate/lists/import.h"
#include "tollgate/lists/update.h"
#include "tollgate/rules/engine.h"
#include "tollgate/rules/rule_set.h"
#include "tollgate/storage/store.h"

namespace tollgate::alerts {
class PartyIndexCache;
}

namespace tollgate::licensing {

// Screens an application's parties (the applicant as exporter, purchaser, consignees,
// end user) with `engine`, shared with the returned function.
Workflow::PartyScreener ScreenerFor(std::shared_ptr<rules::Engine> engine);

// The rules to screen with; called only when an application is open, so an import
// into a store without applications never loads them.
using RulesLoader = std::function<Result<std::shared_ptr<const rules::RuleSet>>()>;

// Imports the file at `path` (lists::ImportListFile) and, when a version was stored,
// re-screens the open applications and the party masters (alerts::RescreenParties,
// which puts each party screened on record), in one transaction. The report's
// new_matches counts what the re-screening recorded. `party_index`, when given, keeps
// the index of the parties from one import to the next (a server's); without it the
// index is built for this import alone.
Result<lists::ImportReport> ImportAndRescreen(storage::Store& store,
                                              const std::filesystem::path& path,
                                              const lists::ImportOptions& options,
                                              const RulesLoader& rules,
                                              alerts::PartyIndexCache* party_index = nullptr);

// lists::UpdateLists with every downloaded source imported by ImportAndRescreen.
Result<lists::UpdateReport> UpdateAndRescreen(storage::Store& store,
                                              const std::vector<lists::Source>& sources,
                                              lists::UpdateOptions options,
                                              const RulesLoader& rules,
                                              alerts::PartyIndexCache* party_index = nullptr);

}  // namespace tollgate::licensing
