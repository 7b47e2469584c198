// Which two versions of a feed a diff compares, and the diff itself: the one use case
// behind `tollgate lists diff` and GET /api/lists/diff. Without ids, the latest version
// against the one imported just before it; with only --to (to=), that one against the
// version before it; with only --from, it against the latest.
//
// Thread-safety: SelectDiffVersions is pure; DiffVersions as the Store (one thread).
// Failure: kNotFound when the feed has fewer than two versions and an id is left to
// choose, or when an id is not a version of the feed; `wrong` then says which argument
// the error is about (the API names it in its error body). The store's errors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/lists/diff.h"
#include "tollgate/storage/store.h"

namespace tollgate::lists {

enum class DiffArgument { kSource, kFrom, kTo };
// "source", "from", "to": the names the API's query parameters have.
const char* DiffArgumentName(DiffArgument argument);

struct DiffPair {
  storage::ListVersion from;
  storage::ListVersion to;
};

// `versions`: the feed's versions in import order (Store::ListVersions(feed)); an id of
// 0 is "not given".
Result<DiffPair> SelectDiffVersions(const std::vector<storage::ListVersion>& versions,
                                    const std::string& feed, std::int64_t from_id,
                                    std::int64_t to_id,
                                    std::optional<DiffArgument>* wrong = nullptr);

struct VersionDiff {
  storage::ListVersion from;
  storage::ListVersion to;
  ListDiff diff;
};

// The versions chosen as above, their entries loaded and compared (DiffEntries).
Result<VersionDiff> DiffVersions(storage::Store& store, const std::string& feed,
                                 std::int64_t from_id, std::int64_t to_id,
                                 std::optional<DiffArgument>* wrong = nullptr);

}  // namespace tollgate::lists
