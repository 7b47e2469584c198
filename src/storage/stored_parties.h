// The stored form of a party's facts beyond its columns (aliases, address, date of
// birth, identifiers: the `body` column), read the same way by the party master's
// reads and by continuous screening's reads by id.
//
// Thread-safety: pure functions. Failure: ReadPartyBody throws (nlohmann::json's
// exceptions) on a body that lacks a field; the callers report the row as damaged.
#pragma once

#include <nlohmann/json.hpp>

#include "tollgate/parties/party.h"

namespace tollgate::storage {

// Sets `party`'s aliases, address, date of birth and identifiers from `body`.
void ReadPartyBody(const nlohmann::json& body, parties::Party& party);

}  // namespace tollgate::storage
