// Decoding what a backend read back into domain values, shared by every backend so
// that SQLite and PostgreSQL agree on the stored forms (and fail the same way on a
// damaged row).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "tollgate/audit/record.h"
#include "tollgate/common/result.h"
#include "tollgate/lists/entry.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

// An entry's stored body (canonical JSON, lists::ToJson).
// A score as text that reads back as the same double ("%.17g"): a parameter is an
// integer or a text (sql/driver.h), and the queries cast it.
std::string ScoreText(double score);

Result<lists::ListEntry> DecodeStoredEntry(std::string_view body, std::int64_t version_id);

// A list_versions row; `as_of` is "YYYY-MM-DD".
Result<ListVersion> DecodeVersionRow(std::int64_t id, std::string feed, std::string format,
                                     const std::string& as_of, std::string imported_at,
                                     std::string file_name, std::string sha256,
                                     std::int64_t entry_count);

Error UnknownVersion(std::int64_t version_id);

// The audit entry of a stored list version (with its id): which feed, from which file
// and date, and its digest, so the log says which screening data was in force when.
audit::Entry ListImported(const ListVersion& version, const ChangeStamp& stamp);

}  // namespace tollgate::storage
