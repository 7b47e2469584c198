// Store: the durable state of Tollgate behind one interface. The SQLite backend is the
// embedded default (a file under var/); other backends implement the same interface.
// This part covers restricted-list versions; licensing adds its own tables.
//
// Thread-safety: one Store per thread (each holds its own connection); the database
// serializes writers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/lists/entry.h"

namespace tollgate::storage {

// One import of one file: a new version of its feed. Older versions stay.
struct ListVersion {
  std::int64_t id = 0;          // increasing per store
  std::string feed;             // "csl", "ofac-sdn", ... (lists/format.h FeedOf)
  std::string format;           // the format name it was read with
  Date as_of;                   // the date from which this version is in force
  std::string imported_at;      // UTC timestamp "YYYY-MM-DDTHH:MM:SSZ"
  std::string file_name;        // base name of the main file
  std::string sha256;           // of the file; for a set (OFAC), of its files' digests
  std::int64_t entry_count = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Stores a version and all its entries in one transaction: all or nothing.
  virtual Result<ListVersion> AddListVersion(ListVersion version,
                                             const std::vector<lists::ListEntry>& entries) = 0;
  // All versions, oldest first; only `feed`'s when given.
  virtual Result<std::vector<ListVersion>> ListVersions(
      const std::optional<std::string>& feed = std::nullopt) = 0;
  virtual Result<std::vector<lists::ListEntry>> LoadEntries(std::int64_t version_id) = 0;
};

// Opens (creating if needed, and migrating the schema) the store at `url`: a SQLite
// file path, or "sqlite:PATH". Fails with a message naming the path.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace tollgate::storage
