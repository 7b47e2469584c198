// Determinations that concurrent /api/check requests record, written together: the
// request that finds no write in progress writes every record queued by then (its own
// included) in one transaction, and the others wait for their ids. SQLite admits one
// writer at a time, so one transaction per request queued the requests on its lock
// (p99 255-330 ms at 64 connections, BENCHMARKS.md "HTTP server"); a batch takes the
// lock once for all of them. Each request still gets its record's id, and a request
// answers only once its record is stored.
//
// PostgreSQL commits concurrent transactions together (one flush of its log for all
// that wait), so there up to `writers` batches are written at once, each on its own
// connection: with one, a request arriving during a commit waited for that commit's
// flush and then its own (BENCHMARKS.md "HTTP server", issue 14). SQLite takes one.
//
// Thread-safety: Record may be called from any number of threads, each with its own
// store. Failure: when a batch's write fails, every request in it gets that error and
// none of its records is stored (RecordDeterminations is all or none).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/storage/store.h"

namespace tollgate::server {

class DeterminationRecorder {
 public:
  explicit DeterminationRecorder(int writers = 1) : max_writers_(writers < 1 ? 1 : writers) {}

  // Stores `record` (through `store`, or through another waiting request's store) and
  // returns its id.
  Result<std::int64_t> Record(storage::Store& store, storage::DeterminationRecord record);

 private:
  struct Pending {
    storage::DeterminationRecord record;
    std::optional<Result<std::int64_t>> result;
    bool taken = false;  // in a batch being written
  };

  std::mutex mutex_;
  std::condition_variable written_;
  std::vector<Pending*> queue_;
  const int max_writers_;
  int writers_ = 0;  // batches being written
};

}  // namespace tollgate::server
