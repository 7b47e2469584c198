// Records that concurrent requests make (determinations, screenings), written together:
// the request that finds a writer free writes every record queued by then (its own
// included) in one transaction, and the others wait for their ids. SQLite admits one
// writer at a time, so one transaction per request queued the requests on its lock
// (p99 255-330 ms at 64 connections, BENCHMARKS.md "HTTP server"); a batch takes the
// lock once for all of them. Each request still gets its record's id, and a request
// answers only once its record is stored: what was answered is on record (part 762)
// even if the process is killed right after (tests/answered_kill_test.cpp).
//
// PostgreSQL commits concurrent transactions together (one flush of its log for all
// that wait), so there up to `writers` batches are written at once, each on its own
// connection: with one, a request arriving during a commit waited for that commit's
// flush and then its own (BENCHMARKS.md "HTTP server", issue 14). SQLite takes one.
//
// Thread-safety: Record may be called from any number of threads, each with its own
// store. Failure: when a batch's write fails, every request in it gets that error and
// none of its records is stored (the store's Record* calls are all or none).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/storage/store.h"

namespace tollgate::history {

// How a batch of each kind of record is written: one transaction, all or none.
inline Result<std::vector<std::int64_t>> WriteBatch(
    storage::Store& store, const std::vector<storage::DeterminationRecord>& records) {
  return store.RecordDeterminations(records);
}
inline Result<std::vector<std::int64_t>> WriteBatch(
    storage::Store& store, const std::vector<storage::ScreeningRecord>& records) {
  return store.RecordScreenings(records);
}

template <typename R>
class GroupCommit {
 public:
  explicit GroupCommit(int writers = 1) : max_writers_(writers < 1 ? 1 : writers) {}

  // Stores `record` (through `store`, or through another waiting request's store) and
  // returns its id.
  Result<std::int64_t> Record(storage::Store& store, R record) {
    Pending mine(std::move(record));
    std::unique_lock lock(mutex_);
    queue_.push_back(&mine);
    while (!mine.result) {
      if (mine.taken || writers_ >= max_writers_) {
        // Woken only for this request: when its batch is written, or when it is first
        // in the queue and a writer is free (a wake-up of every waiter at each batch
        // cost more CPU than the insert, BENCHMARKS.md "Recording every answer").
        mine.woken.wait(lock);
        continue;
      }
      // A writer is free: this request writes what is queued, its own record too.
      ++writers_;
      std::vector<Pending*> batch;
      batch.swap(queue_);
      for (Pending* pending : batch) pending->taken = true;
      lock.unlock();
      std::vector<R> records;
      records.reserve(batch.size());
      for (Pending* pending : batch) records.push_back(std::move(pending->record));
      Result<std::vector<std::int64_t>> ids = WriteBatch(store, records);
      lock.lock();
      for (std::size_t i = 0; i < batch.size(); ++i) {
        if (ids.ok()) {
          batch[i]->result = (*ids)[i];
        } else {
          batch[i]->result = ids.error();
        }
        // Under the lock: the waiter returns, and its Pending ends, once it sees a result.
        if (batch[i] != &mine) batch[i]->woken.notify_one();
      }
      --writers_;
      // The first of those queued meanwhile writes them.
      if (!queue_.empty()) queue_.front()->woken.notify_one();
    }
    return std::move(*mine.result);
  }

 private:
  struct Pending {
    explicit Pending(R r) : record(std::move(r)) {}
    R record;
    std::optional<Result<std::int64_t>> result;
    bool taken = false;  // in a batch being written
    std::condition_variable woken;
  };

  std::mutex mutex_;
  std::vector<Pending*> queue_;
  const int max_writers_;
  int writers_ = 0;  // batches being written
};

using DeterminationRecorder = GroupCommit<storage::DeterminationRecord>;
using ScreeningRecorder = GroupCommit<storage::ScreeningRecord>;

}  // namespace tollgate::history
