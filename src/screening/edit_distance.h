// Edit distance between two short tokens: optimal string alignment (Levenshtein plus
// transposition of adjacent letters, each edit costing 1), the measure behind the
// index's typo keys and the scorer's typo similarity.
//
// Thread-safety: pure functions.
// Failure: none; a distance above `max_distance` is reported as max_distance + 1.
#pragma once

#include <cstdint>
#include <string_view>

namespace tollgate::screening {

// Bounded optimal-string-alignment distance; stops early once every path exceeds
// max_distance.
int BoundedOsaDistance(std::string_view a, std::string_view b, int max_distance);

// One bit per character (by its low six bits) of `word`: the index keeps it per token
// so that unrelated words are told apart before any distance is computed.
inline std::uint64_t LetterMask(std::string_view word) {
  std::uint64_t mask = 0;
  for (const char c : word) mask |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63);
  return mask;
}

// True when the words of masks `a` and `b` (both nonzero) cannot be within
// `max_distance` edits: each character of one that the other lacks needs its own
// edit. A zero mask (not computed) never rules anything out.
inline bool TooManyMissingLetters(std::uint64_t a, std::uint64_t b, int max_distance) {
  if (a == 0 || b == 0) return false;
  const auto more_than = [max_distance](std::uint64_t bits) {
    for (int k = 0; k <= max_distance; ++k) {
      if (bits == 0) return false;
      bits &= bits - 1;
    }
    return true;
  };
  return more_than(a & ~b) || more_than(b & ~a);
}

// The same, computed with the dynamic-programming table (the slow path for words of
// more than 64 letters, and what the tests check the fast path against).
int OsaDistanceTable(std::string_view a, std::string_view b, int max_distance);

}  // namespace tollgate::screening
