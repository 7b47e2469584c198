// Importing list files as dated versions, and resolving what was in force on a date.
//
// An import reads and validates the whole file first (lists/format.h) and only then
// stores it, in one transaction: a malformed file leaves the store exactly as it was.
// A file identical (SHA-256) to the feed's latest version is not stored again; that
// check and the write are one transaction (storage::UnitOfWork), so two imports of the
// same file at once store it once. Each stored version has its audit record.
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
  // Who imports, for the audit record: licensing::Describe of the user ("admin
  // admin"), or "operator" for the CLI run by whoever holds the database.
  std::string actor = "operator";
  // The name the version records for its file; default: the file's own base name. An
  // upload is read from a private copy but keeps the name the client gave.
  std::string file_name;
  // OFAC's legacy primary file without its alias and address files loses most aliases
  // (the remarks name about a third of them) and every address, so the import is
  // refused unless this says the loss is meant.
  bool primary_only = false;
};

struct ImportReport {
  storage::ListVersion version;  // the stored version (or the existing identical one)
  bool unchanged = false;        // true when the file matched the latest version
  std::vector<std::string> warnings;
  // Screening matches the import recorded on open applications (licensing/list_change.h;
  // ImportListFile alone records none).
  std::size_t new_matches = 0;
  // Alerts on the party masters the import opened (again) and closed
  // (alerts/rescreen.h; ImportListFile alone changes none).
  std::size_t alerts_opened = 0;
  std::size_t alerts_reopened = 0;
  std::size_t alerts_closed = 0;
};

// A file read, validated and identified, not yet stored: what an import does before it
// takes the store's write lock.
struct PreparedImport {
  ParsedList parsed;
  storage::ListVersion version;  // feed, format, as_of, imported_at, file_name, sha256
};
Result<PreparedImport> PrepareImport(const std::filesystem::path& path,
                                     const ImportOptions& options = {});
// Stores `prepared` unless identical to the feed's latest version: the check and the
// write in one unit of work (joining the caller's, when one is open).
Result<ImportReport> StoreImport(storage::Store& store, PreparedImport prepared,
                                 const ImportOptions& options = {});

// PrepareImport, then StoreImport.
Result<ImportReport> ImportListFile(storage::Store& store, const std::filesystem::path& path,
                                    const ImportOptions& options = {});

// For each feed, the latest version whose as_of is on or before `date`.
Result<std::vector<storage::ListVersion>> VersionsInForce(storage::Store& store, Date date);

// The entries of the versions in force on `date` whose own start/end dates cover it.
Result<std::vector<ListEntry>> EntriesInForce(storage::Store& store, Date date);

}  // namespace tollgate::lists
