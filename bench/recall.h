// Whether an engine found what it should: the source entry for exact and perturbed
// list names (by perturbation), and any alert at all for clean names. A peer that is
// fast because it finds nothing shows up here.
//
// Thread-safety: plain value type.
#pragma once

#include <cstddef>
#include <string>

#include "query_mix.h"

namespace tollgate::bench {

struct Rate {
  std::size_t hits = 0;
  std::size_t total = 0;
  double Percent() const { return total == 0 ? 0 : 100.0 * hits / total; }
  // "97.3% (292/300)"; "-" when nothing was counted
  std::string Text() const;
};

struct RecallCounts {
  Rate exact;      // source entry returned for an exact list name
  Rate perturbed;  // source entry returned for a perturbed list name
  Rate typo;       // the perturbed ones, by perturbation
  Rate dropped_word;
  Rate reordered;
  Rate clean_alerted;  // clean names with at least one result (lower is better)

  // `found_source`: the query's source entry is among the results; `any_result`: the
  // engine returned something.
  void Add(const BenchQuery& query, bool found_source, bool any_result);
};

}  // namespace tollgate::bench
