// Downloading the official list files and importing what changed, as POST
// /api/lists/update asks and as the server's own schedule does (`serve
// --list-update-interval`, issue 15, item 2): the sources are data/sources.json or
// $TOLLGATE_SOURCES (lists/update.h), and each version stored re-screens the open
// applications and the party masters in its own transaction
// (licensing::UpdateAndRescreen), with the server's kept party index.
//
// Thread-safety: one call per Store; the ServerState's parts are thread-safe.
// Failure: kNotFound / kInvalidArgument for the sources file; a source that fails is
// in the report, not an error (lists::UpdateLists).
#pragma once

#include <string>

#include "server_state.h"
#include "tollgate/lists/update.h"

namespace tollgate::server {

// `actor`: licensing::Describe of who asked, or "system schedule".
Result<lists::UpdateReport> UpdateListsNow(ServerState& state, storage::Store& store,
                                           const std::string& actor);

}  // namespace tollgate::server
