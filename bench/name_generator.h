// The synthetic list for the 1M-name benchmark: deterministic (a seed gives the same
// names in the same order), distinct names, a realistic mix of entities (place, brand,
// business and industry words, legal forms) and individuals ("SURNAME, Given" and
// "GIVEN SURNAME" orders), built from the pools in name_tokens.h.
//
// Thread-safety: a NameGenerator is single-threaded; GenerateEntries is pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rng.h"
#include "tollgate/lists/entry.h"

namespace tollgate::bench {

// kRich (the default) adds coined brand words and surnames (coined_words.h) to the
// fixed pools, giving a vocabulary that grows with the list as real ones do. kPools
// draws from the fixed pools only: about 750 distinct normalized tokens however many
// names, a stress case for posting-list length.
enum class Vocabulary { kRich, kPools };

class NameGenerator {
 public:
  explicit NameGenerator(std::uint64_t seed, Vocabulary vocabulary = Vocabulary::kRich)
      : rng_(seed), vocabulary_(vocabulary) {}

  // One name of the given type; names may repeat across calls.
  std::string Next(lists::EntryType type);
  // The type of the next entry: about 55% entities, as on the real lists.
  lists::EntryType NextType();

 private:
  std::string Entity();
  std::string Individual();
  std::string Brand();    // a coined stem from the pool or, in kRich, a coined word
  std::string Surname();  // a pool surname or, in kRich, a coined one
  Rng rng_;
  Vocabulary vocabulary_;
};

// `count` entries with distinct primary names and no aliases, list code "GEN",
// entry ids "GEN-0000001"...; the same seed gives the same entries.
std::vector<lists::ListEntry> GenerateEntries(std::size_t count, std::uint64_t seed,
                                              Vocabulary vocabulary = Vocabulary::kRich);

// "rich" or "pools"; nullopt for anything else.
std::optional<Vocabulary> ParseVocabulary(std::string_view name);

}  // namespace tollgate::bench
