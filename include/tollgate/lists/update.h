// Updating the restricted lists from their official download locations: download every
// file of every configured source, then import each source's primary file as a new list
// version (lists/import.h), and report per source what happened.
//
// Sources come from a JSON file; data/sources.json ships the official locations:
//   - "csl":       trade.gov Consolidated Screening List (CSV). It includes the BIS
//                  Denied Persons List (and the Entity, Unverified and MEU lists), so
//                  the DPL needs no download of its own; a "bis-dpl" source can still
//                  be configured for a DPL file published separately.
//   - "ofac-sdn":  OFAC Sanctions List Service SDN.CSV + ALT.CSV + ADD.CSV.
//   - "ofac-cons": OFAC non-SDN lists CONS_PRIM.CSV + CONS_ALT.CSV + CONS_ADD.CSV.
//   - "un":        UN Security Council consolidated list XML.
//
// Sources file format:
//   {
//     "sources": [
//       { "name": "un", "format": "un-xml",
//         "url": "https://scsanctions.un.org/resources/xml/en/consolidated.xml" },
//       { "name": "ofac-sdn", "format": "ofac-sdn",
//         "description": "free text for people (optional)",
//         "files": [ { "url": "https://.../SDN.CSV", "save_as": "sdn.csv" },
//                    { "url": "https://.../ALT.CSV", "save_as": "alt.csv" },
//                    { "url": "https://.../ADD.CSV", "save_as": "add.csv" } ] }
//     ]
//   }
//   name     unique; letters, digits, '-' and '_' (it names the source in reports)
//   format   a format name lists::ParseFormat accepts ("csl-csv", "ofac-sdn", ...)
//   url      one file; or "files": the primary file first, then its companions
//   save_as  the local file name (default: the last segment of the URL's path). The
//            OFAC reader finds companions by name beside the primary file (sdn.csv ->
//            alt.csv/add.csv, cons_prim.csv -> cons_alt.csv/cons_add.csv, in the case
//            of the primary's name), so for the OFAC formats every companion must be
//            saved under the name the reader derives; the loader checks that. Other
//            formats take exactly one file.
//   Unknown fields are rejected, so a misspelt key is an error rather than ignored.
// URLs may be http://, https:// or file:// (a local mirror); redirects are followed
// only to http(s).
//
// Failure behaviour: a source that fails (download, HTTP status >= 400, timeout, parse
// or storage error) is reported as failed and the other sources still proceed. A
// source is imported only after all of its files downloaded, and the import itself is
// all-or-nothing, so a failure never leaves part of a list in the store. UpdateLists
// returns an Error only when it cannot start (invalid sources, no temporary directory).
//
// Thread-safety: free functions. UpdateLists uses the Store it is given from the
// calling thread only, and calls the callbacks on that thread. ResolveSourcesPath reads
// the environment (do not call setenv concurrently).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/lists/format.h"
#include "tollgate/lists/import.h"
#include "tollgate/storage/store.h"

namespace tollgate::lists {

struct SourceFile {
  std::string url;
  std::string save_as;  // plain file name in the source's download directory
};

struct Source {
  std::string name;
  Format format = Format::kCslCsv;
  std::vector<SourceFile> files;  // primary first, then companions
  std::string description;
};

// The environment variable naming a sources file when no --sources flag is given.
inline constexpr const char* kSourcesEnvVar = "TOLLGATE_SOURCES";

// Where the sources file is: `flag` when given, else $TOLLGATE_SOURCES when set and not
// empty, else data/sources.json in the working directory, else data/sources.json of
// the data folder (common/data_dir.h). Fails with kNotFound naming the
// places looked at when the last two do not exist; an explicit flag or environment
// value is returned as given (LoadSources reports a missing file).
Result<std::filesystem::path> ResolveSourcesPath(
    const std::optional<std::filesystem::path>& flag = std::nullopt);

// Reads and validates a sources file. Errors (kNotFound, kIoError, kParseError,
// kInvalidArgument) name the file and the place in it, e.g.
// `data/sources.json: sources[2] ("un"): unknown format "un-xmll"`.
Result<std::vector<Source>> LoadSources(const std::filesystem::path& path);
// The same from JSON text; `origin` names it in messages.
Result<std::vector<Source>> ParseSources(std::string_view json_text, std::string_view origin);
// The checks LoadSources applies, for sources built in code.
Status ValidateSources(const std::vector<Source>& sources);

// Progress of one file's download. Bytes are counted as received from the network
// (compressed when the server compresses).
struct DownloadProgress {
  std::string_view source;  // Source::name
  std::string_view url;
  std::size_t file_index = 0;  // 0-based, within the source
  std::size_t file_count = 0;
  std::int64_t bytes_so_far = 0;
  std::optional<std::int64_t> bytes_total;  // unset when the server sends no length
};

struct SourceReport;

struct UpdateOptions {
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(30)};
  // Per file, from connect to the last byte: the CSL is ~16 MB from a slow server.
  std::chrono::milliseconds total_timeout{std::chrono::minutes(10)};
  // Where the per-run temporary directory is created; empty: the system's.
  std::filesystem::path temp_parent;
  // The date from which the new versions are in force; default as in ImportOptions.
  std::optional<Date> as_of;
  // Called whenever a file's received byte count changes, and once when it completes.
  std::function<void(const DownloadProgress&)> on_progress;
  // Called when a source is done (imported, unchanged or failed), before the next.
  std::function<void(const SourceReport&)> on_source_done;
  // How a downloaded source is imported; unset: ImportListFile. What the licensing
  // use case (licensing/list_change.h) sets to re-screen with each import.
  std::function<Result<ImportReport>(storage::Store&, const std::filesystem::path&,
                                     const ImportOptions&)>
      import;
  std::string actor = "operator";  // who updates, for the audit records (ImportOptions)
};

enum class SourceOutcome { kImported, kUnchanged, kFailed };
// "imported", "unchanged", "failed".
const char* SourceOutcomeName(SourceOutcome outcome);

struct SourceReport {
  std::string source;  // Source::name
  std::string feed;    // lists::FeedOf(format)
  SourceOutcome outcome = SourceOutcome::kFailed;
  std::int64_t downloaded_bytes = 0;  // saved bytes of all the source's files
  // Imported: the new version. Unchanged: the feed's latest version, identical to the
  // download. Failed: unset.
  std::optional<storage::ListVersion> version;
  std::vector<std::string> warnings;  // from the reader
  std::optional<Error> error;         // set exactly when failed
  std::size_t new_matches = 0;        // recorded on open applications (ImportReport)
};

struct UpdateReport {
  std::vector<SourceReport> sources;  // in the order of the input
  std::size_t CountOf(SourceOutcome outcome) const;
};

// Downloads and imports every source, in order; see the failure behaviour above.
Result<UpdateReport> UpdateLists(storage::Store& store, const std::vector<Source>& sources,
                                 const UpdateOptions& options = {});

// {"sources": [{"source", "feed", "outcome", "downloaded_bytes", "version": {"id",
// "as_of", "entry_count", "sha256"}, "warnings", "error": {"code", "message"}}]}
nlohmann::json ToJson(const UpdateReport& report);

}  // namespace tollgate::lists
