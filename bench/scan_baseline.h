// The brute-force peer: scores the query against every name with Jaro-Winkler over
// token-sorted, ASCII-folded text. It is the obvious way to screen and the speed an
// index has to beat; it is not meant as a quality reference (no legal-form, phonetic
// or transliteration handling).
//
// Thread-safety: immutable after construction; Search may run concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "name_table.h"

namespace tollgate::bench {

// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4 bytes).
double JaroWinkler(std::string_view a, std::string_view b);
// The same with caller-owned match flags, so a scan allocates once, not once per name.
double JaroWinkler(std::string_view a, std::string_view b, std::vector<char>& scratch);

struct ScanHit {
  std::uint32_t entry = 0;  // NameTable entry index
  std::uint32_t name = 0;   // NameTable name index, the best-scoring name of the entry
  double score = 0;
};

class ScanBaseline {
 public:
  explicit ScanBaseline(const NameTable& table);

  // Entries whose best name scores >= threshold, best first, at most `limit`.
  std::vector<ScanHit> Search(std::string_view query, double threshold, std::size_t limit) const;

  std::size_t names() const { return keys_.size(); }

 private:
  std::vector<std::string> keys_;  // TokenSortKey of each name
  std::vector<std::uint32_t> entry_of_;
};

}  // namespace tollgate::bench
