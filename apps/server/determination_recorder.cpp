#include "determination_recorder.h"

#include <utility>

namespace tollgate::server {

Result<std::int64_t> DeterminationRecorder::Record(storage::Store& store,
                                                   storage::DeterminationRecord record) {
  Pending mine{std::move(record), std::nullopt};
  std::unique_lock lock(mutex_);
  queue_.push_back(&mine);
  while (!mine.result) {
    if (mine.taken || writers_ >= max_writers_) {
      written_.wait(lock);
      continue;
    }
    // A writer is free: this request writes what is queued, its own record too.
    ++writers_;
    std::vector<Pending*> batch;
    batch.swap(queue_);
    for (Pending* pending : batch) pending->taken = true;
    lock.unlock();
    std::vector<storage::DeterminationRecord> records;
    records.reserve(batch.size());
    for (Pending* pending : batch) records.push_back(std::move(pending->record));
    Result<std::vector<std::int64_t>> ids = store.RecordDeterminations(records);
    lock.lock();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (ids.ok()) {
        batch[i]->result = (*ids)[i];
      } else {
        batch[i]->result = ids.error();
      }
    }
    --writers_;
    written_.notify_all();
  }
  return std::move(*mine.result);
}

}  // namespace tollgate::server
