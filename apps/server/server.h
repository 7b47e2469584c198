// `tollgate serve`: the HTTP JSON API and the web UI's static files, over the same
// library the CLI uses. RunServer opens (creating and migrating) the database; on an
// empty one it sets up an admin with a random one-time password and loads the shipped
// list extract, and prints how to log in. It returns when SIGINT or SIGTERM arrives.
//
// Thread-safety: call once per process.
// Failure: returns the exit code of the one table (common/error_code.cpp) after
// printing why it could not start (store, rules, address in use).
#pragma once

#include <iosfwd>
#include <memory>

#include "server_state.h"

namespace tollgate::server {

int RunServer(ServerOptions options);

// What RunServer serves from, opened as it opens it: the store (created, migrated, and
// on first start bootstrapped, its instructions written to `out`), the rules, the
// criteria and a warm screening index. `options` gets the shipped openapi.json and web
// folder where none is given. Also used by the HTTP-layer spikes (bench/http_spike).
Result<std::unique_ptr<ServerState>> OpenServerState(ServerOptions& options, std::ostream& out);

// Prints "METHOD PATH" for every route, one a line (for the OpenAPI test).
void PrintRoutes();

}  // namespace tollgate::server
