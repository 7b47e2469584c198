// Screening many names at once on every core: the work behind
// `tollgate screen --batch`. Results come back in input order.
//
// Thread-safety: ScreenBatch starts and joins its own worker threads; the progress
// callback is called from one thread at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "tollgate/screening/screening.h"

namespace tollgate::screening {

struct BatchProgress {
  std::size_t done = 0;
  std::size_t total = 0;
  double seconds = 0;  // since the batch started
};

struct BatchOptions {
  unsigned threads = 0;  // 0: every core
  // Called about every 100 ms while the batch runs, and once at the end.
  std::function<void(const BatchProgress&)> on_progress;
};

// results[i] holds the matches for queries[i].
std::vector<std::vector<Match>> ScreenBatch(const Index& index, const std::vector<Query>& queries,
                                            const BatchOptions& options = {});

}  // namespace tollgate::screening
