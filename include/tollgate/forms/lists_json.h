// The JSON forms of list versions and of the difference between two versions, shared by
// `tollgate lists status|diff --json` and the server's /api/lists routes, so that both
// answer in the same shape (one serializer, in the library).
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "tollgate/lists/diff.h"
#include "tollgate/storage/store.h"

namespace tollgate::forms {

nlohmann::json VersionJson(const storage::ListVersion& version);

// {feed, from, to, added: [entry], removed: [entry], changed: [{before, after, fields}]}
nlohmann::json DiffJson(const std::string& feed, const storage::ListVersion& from,
                        const storage::ListVersion& to, const lists::ListDiff& diff);

}  // namespace tollgate::forms
