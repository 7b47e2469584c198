// Work over many independent items on every core: a party master screened on import,
// the candidates a list change finds screened forward. Items are drawn in blocks from
// a shared counter, so a thread that draws slow items (parties with many aliases) does
// not hold the others back.
//
// Thread-safety: `work` is called from up to one thread per core at once, each index
// once; it must be safe to call concurrently for different indexes (writing only to
// its own item). `progress` is called under a lock, from any of those threads.
// Failure mode: the first failing item's error is returned; the other threads stop at
// their next block, so some items may not have been worked on.
#pragma once

#include <cstddef>
#include <functional>

#include "tollgate/common/result.h"

namespace tollgate {

using ItemWork = std::function<Status(std::size_t index)>;
// Items done so far and in all; called when a thousand more are done, and at the end.
using BlockProgress = std::function<void(std::size_t done, std::size_t total)>;

// Runs work(i) for every i in [0, count), on up to one thread per core (no more threads
// than blocks; this thread is one of them), `block` items at a time.
Status ParallelBlocks(std::size_t count, std::size_t block, const ItemWork& work,
                      const BlockProgress& progress = {});

}  // namespace tollgate
