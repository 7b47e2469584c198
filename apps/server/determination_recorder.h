// Determinations that concurrent /api/check requests record, written together: the
// request that finds no write in progress writes every record queued by then (its own
// included) in one transaction, and the others wait for their ids. SQLite admits one
// writer at a time, so one transaction per request queued the requests on its lock
// (p99 255-330 ms at 64 connections, BENCHMARKS.md "HTTP server"); a batch takes the
// lock once for all of them. Each request still gets its record's id, and a request
// answers only once its record is stored.
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
  // Stores `record` (through `store`, or through another waiting request's store) and
  // returns its id.
  Result<std::int64_t> Record(storage::Store& store, storage::DeterminationRecord record);

 private:
  struct Pending {
    storage::DeterminationRecord record;
    std::optional<Result<std::int64_t>> result;
  };

  std::mutex mutex_;
  std::condition_variable written_;
  std::vector<Pending*> queue_;
  bool writing_ = false;
};

}  // namespace tollgate::server
