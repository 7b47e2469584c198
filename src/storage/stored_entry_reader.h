// Reads an entry's stored body (the canonical JSON of lists::ToJson, kept as text by
// both backends) straight into a ListEntry, without building a JSON tree first: every
// list read (Engine::ForDate, an import's OpenForParties, the server's index build)
// decodes each of the ~15,000 stored entries, and the tree plus the field-by-field
// checks cost ~84,000 instructions an entry.
//
// It takes only the plain canonical form: objects, arrays, strings and null, the known
// keys once each, no \u escape, valid UTF-8, the required fields non-empty, dates and
// kinds that parse; in any key order and with any JSON white space. Anything else gives
// nullopt, and the caller decodes through nlohmann::json + lists::EntryFromJson, which
// accepts the same values and names the bad field: so the values and the errors are
// those of the full path.
//
// Thread-safety: a pure function. Failure: nullopt, never a partial entry.
#pragma once

#include <optional>
#include <string_view>

#include "tollgate/lists/entry.h"

namespace tollgate::storage {

std::optional<lists::ListEntry> ReadCanonicalEntry(std::string_view body);

}  // namespace tollgate::storage
