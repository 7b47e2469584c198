// The synthetic list for the 1M-name benchmark: deterministic (a seed gives the same
// names in the same order), distinct names, a realistic mix of entities (place, brand,
// business and industry words, legal forms) and individuals ("SURNAME, Given" and
// "GIVEN SURNAME" orders), built from the pools in name_tokens.h.
//
// Thread-safety: a NameGenerator is single-threaded; GenerateEntries is pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rng.h"
#include "tollgate/lists/entry.h"

namespace tollgate::bench {

class NameGenerator {
 public:
  explicit NameGenerator(std::uint64_t seed) : rng_(seed) {}

  // One name of the given type; names may repeat across calls.
  std::string Next(lists::EntryType type);
  // The type of the next entry: about 55% entities, as on the real lists.
  lists::EntryType NextType();

 private:
  std::string Entity();
  std::string Individual();
  Rng rng_;
};

// `count` entries with distinct primary names and no aliases, list code "GEN",
// entry ids "GEN-0000001"...; the same seed gives the same entries.
std::vector<lists::ListEntry> GenerateEntries(std::size_t count, std::uint64_t seed);

}  // namespace tollgate::bench
