// First start: an empty database gets an admin user with a random one-time password
// (never a fixed default) and the shipped Entity List extract (data/lists, in force
// from 2019-05-16, 84 FR 22961), so that screening answers from the first request.
//
// Thread-safety: call before the server starts taking requests.
// Failure: the store's or the import's error; the database may then hold the admin
// without the extract (a second start imports it).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "tollgate/licensing/clock.h"
#include "tollgate/licensing/list_change.h"
#include "tollgate/rules/rule_set.h"
#include "tollgate/storage/store.h"

namespace tollgate::server {

// Loads the extract when no list was ever imported (and re-screens any open
// application against it, licensing::ImportAndRescreen, with `rules`); creates the
// admin when there is no user at all, and then tells `out` how to log in; when there
// are users, tells `out` the command that gives an administrator of `db_url` a
// one-time password (`tollgate --db DB users set-password NAME`).
Status BootstrapIfEmpty(storage::Store& store, const licensing::Clock& clock,
                        const licensing::RulesLoader& rules, const std::string& base_url,
                        const std::string& db_url, std::ostream& out);

// When the store holds no general license: loads those of `rules_dir`/
// general_licenses.json (the Huawei TGL), as the CLI's first `general-licenses`
// command does, so that the API lists them and reviewers can extend them.
Status LoadGeneralLicensesIfNone(storage::Store& store, const rules::RuleSet& rules,
                                 const std::filesystem::path& rules_dir,
                                 const licensing::Clock& clock, std::ostream& out);

}  // namespace tollgate::server
