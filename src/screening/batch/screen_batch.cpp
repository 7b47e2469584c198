#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "tollgate/screening/batch.h"

namespace tollgate::screening {
namespace {

// Workers take small chunks from a shared counter: even load across cores without a
// queue, and cheap enough that the index lookups dominate.
constexpr std::size_t kChunk = 64;

}  // namespace

std::vector<std::vector<Match>> ScreenBatch(const Index& index, const std::vector<Query>& queries,
                                            const BatchOptions& options) {
  std::vector<std::vector<Match>> results(queries.size());
  unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(
      std::min<std::size_t>(threads, std::max<std::size_t>(1, queries.size() / kChunk + 1)));

  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::mutex progress_mutex;
  double last_report = 0;

  auto worker = [&] {
    for (;;) {
      std::size_t begin = next.fetch_add(kChunk);
      if (begin >= queries.size()) return;
      std::size_t end = std::min(begin + kChunk, queries.size());
      for (std::size_t i = begin; i < end; ++i) results[i] = index.Screen(queries[i]);
      std::size_t now_done = done.fetch_add(end - begin) + (end - begin);
      if (options.on_progress) {
        std::unique_lock lock(progress_mutex, std::try_to_lock);
        if (lock.owns_lock() && elapsed() - last_report >= 0.1) {
          last_report = elapsed();
          options.on_progress({now_done, queries.size(), last_report});
        }
      }
    }
  };

  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (options.on_progress) options.on_progress({queries.size(), queries.size(), elapsed()});
  return results;
}

}  // namespace tollgate::screening
