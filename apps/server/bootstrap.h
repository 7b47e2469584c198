// First start: an empty database gets an admin user with a random one-time password
// (never a fixed default) and the shipped Entity List extract (data/lists, in force
// from 2019-05-16, 84 FR 22961), so that screening answers from the first request.
//
// Thread-safety: call before the server starts taking requests.
// Failure: the store's or the import's error; the database may then hold the admin
// without the extract (a second start imports it).
#pragma once

#include <ostream>
#include <string>

#include "tollgate/licensing/clock.h"
#include "tollgate/storage/store.h"

namespace tollgate::server {

// Loads the extract when no list was ever imported; creates the admin when there is
// no user at all, and then tells `out` how to log in.
Status BootstrapIfEmpty(storage::Store& store, const licensing::Clock& clock,
                        const std::string& base_url, std::ostream& out);

}  // namespace tollgate::server
