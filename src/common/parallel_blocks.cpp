#include "tollgate/common/parallel_blocks.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace tollgate {

Status ParallelBlocks(std::size_t count, std::size_t block, const ItemWork& work,
                      const BlockProgress& progress) {
  block = std::max<std::size_t>(block, 1);
  std::atomic<std::size_t> next{0};
  std::mutex mutex;  // guards failure, done and the calls of progress
  std::optional<Error> failure;
  std::size_t done = 0;
  const auto run = [&] {
    for (;;) {
      const std::size_t begin = next.fetch_add(block);
      if (begin >= count) return;
      const std::size_t end = std::min(begin + block, count);
      for (std::size_t i = begin; i < end; ++i) {
        if (auto status = work(i); !status.ok()) {
          const std::lock_guard lock(mutex);
          if (!failure) failure = status.error();
          next.store(count);  // the others stop at their next block
          return;
        }
      }
      const std::lock_guard lock(mutex);
      const std::size_t before = done;
      done += end - begin;
      if (progress && done / 1000 != before / 1000) progress(done, count);
    }
  };
  const std::size_t blocks = (count + block - 1) / block;
  const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1,
                                                      std::max<std::size_t>(1, blocks));
  std::vector<std::thread> others;
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      others.emplace_back(run);
    } catch (const std::system_error&) {
      break;  // no thread to be had: the ones running (this one at least) do it all
    }
  }
  run();
  for (auto& thread : others) thread.join();
  if (failure) return *failure;
  if (progress) progress(count, count);
  return {};
}

}  // namespace tollgate
