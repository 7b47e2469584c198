// Differences between two versions of a list: which entries were added, removed or
// changed (and which fields changed), matched on (list, entry_id).
//
// Thread-safety: a pure function.
#pragma once

#include <string>
#include <vector>

#include "tollgate/lists/entry.h"

namespace tollgate::lists {

struct EntryChange {
  ListEntry before;
  ListEntry after;
  std::vector<std::string> fields;  // JSON field names that differ, e.g. "aliases"
};

struct ListDiff {
  std::vector<ListEntry> added;
  std::vector<ListEntry> removed;
  std::vector<EntryChange> changed;
};

ListDiff DiffEntries(const std::vector<ListEntry>& from, const std::vector<ListEntry>& to);

}  // namespace tollgate::lists
