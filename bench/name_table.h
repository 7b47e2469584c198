// Every screenable name of a set of entries (primary names and aliases) with the
// entry it belongs to: what the peers search and what the query mix draws from. It
// keeps only names and keys, so the entries themselves can be moved into the Index
// and the benchmark does not hold a second copy of a 1M-entry list.
//
// Thread-safety: immutable after construction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tollgate/lists/entry.h"

namespace tollgate::bench {

// The identity a match is checked against: list code and entry id. Two list versions
// of the same entry (the two SDN files two days apart) share it, which is right: a
// query built from either is answered by either.
std::string EntryKey(const lists::ListEntry& entry);

struct NameTable {
  std::vector<std::string> names;       // as published
  std::vector<std::uint32_t> entry_of;  // names[i] belongs to entry entry_of[i]
  std::vector<std::string> entry_keys;  // EntryKey of each entry, by entry index
  std::size_t entries() const { return entry_keys.size(); }
};

NameTable MakeNameTable(const std::vector<lists::ListEntry>& entries);

}  // namespace tollgate::bench
