// Importing list files as dated versions, and resolving what was in force on a date.
//
// An import reads and validates the whole file first (lists/format.h) and only then
// stores it, in one transaction: a malformed file leaves the store exactly as it was.
// A file identical (SHA-256) to the feed's latest version is not stored again.
//
// Thread-safety: free functions; the Store serializes access.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/lists/entry.h"
#include "tollgate/lists/format.h"
#include "tollgate/storage/store.h"

namespace tollgate::lists {

struct ImportOptions {
  std::optional<Format> format;  // detected from the content when unset
  // The date from which the version is in force. Default: the date the file states
  // (UN dateGenerated), else today.
  std::optional<Date> as_of;
};

struct ImportReport {
  storage::ListVersion version;  // the stored version (or the existing identical one)
  bool unchanged = false;        // true when the file matched the latest version
  std::vector<std::string> warnings;
};

Result<ImportReport> ImportListFile(storage::Store& store, const std::filesystem::path& path,
                                    const ImportOptions& options = {});

// For each feed, the latest version whose as_of is on or before `date`.
Result<std::vector<storage::ListVersion>> VersionsInForce(storage::Store& store, Date date);

// The entries of the versions in force on `date` whose own start/end dates cover it.
Result<std::vector<ListEntry>> EntriesInForce(storage::Store& store, Date date);

}  // namespace tollgate::lists
