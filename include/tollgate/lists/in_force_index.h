// InForceIndexes: the screening index of the lists in force on a date, built once per
// set of list versions and shared by every reader, for a long-running process (the
// server). Every date with the same versions in force shares one index: the entries'
// own start and end dates are applied per query (screening::Query::as_of).
//
// Readers take an immutable snapshot (version list and the indexes built for it); a
// list change is seen by Refresh, which publishes a new snapshot atomically: requests
// in flight finish on the old one, later ones build the new index once.
//
// Thread-safety: ForDate and Refresh may be called from any number of threads; each
// caller passes a Store of its own (stores are one per thread). Builds are serialized
// so one version set is never built twice at once.
// Failure: the store's errors; nothing is published then.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/screening/screening.h"
#include "tollgate/storage/store.h"

namespace tollgate::lists {

// For each feed, the latest version whose as_of is on or before `date` (among equal
// dates, the later import). VersionsInForce is this over the store's versions.
std::vector<storage::ListVersion> SelectInForce(const std::vector<storage::ListVersion>& all,
                                                Date date);

class InForceIndexes {
 public:
  struct InForce {
    std::vector<storage::ListVersion> versions;
    std::shared_ptr<const screening::Index> index;
  };

  // The versions in force on `date` and their index (built now if this is the first
  // request for that version set since the last change). Loads the version list on
  // first use.
  Result<InForce> ForDate(storage::Store& store, Date date);

  // Re-reads the version list; when it differs from the published one, publishes a
  // snapshot without indexes (built on demand). True when something changed.
  Result<bool> Refresh(storage::Store& store);

  // How many indexes were built since construction (for readiness and tests).
  std::size_t builds() const { return builds_.load(); }

 private:
  struct Snapshot {
    std::vector<storage::ListVersion> versions;
    std::map<std::vector<std::int64_t>, std::shared_ptr<const screening::Index>> indexes;
  };

  std::atomic<std::shared_ptr<const Snapshot>> current_;
  std::mutex build_mu_;
  std::atomic<std::size_t> builds_{0};
};

}  // namespace tollgate::lists
