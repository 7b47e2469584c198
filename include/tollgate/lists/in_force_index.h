// InForceIndexes: the screening index of the lists in force on a date, built once per
// set of list versions and shared by every reader, for a long-running process (the
// server). Every date with the same versions in force shares one index: the entries'
// own start and end dates are applied per query (screening::Query::as_of).
//
// Readers take an immutable snapshot (version list and the indexes built for it); a
// list change is seen by Refresh, which publishes a new snapshot atomically: requests
// in flight finish on the old one, later ones build the new index once.
//
// The indexes kept are bounded by bytes (issue 11, item 8): each distinct as_of date
// can need its own version set, and any applicant can name dates, so an unbounded
// cache let eleven dates take the server from 73 to 764 MiB. When a new index would
// take the cache over its budget, the least recently used ones are dropped first (a
// request still holding one keeps it alive until it finishes); the newest is always
// kept, even alone over the budget. Memory freed by an eviction is handed back to the
// system (malloc_trim), so the budget shows in the process's resident size.
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
#include "tollgate/lists/entry.h"
#include "tollgate/screening/screening.h"
#include "tollgate/storage/store.h"

namespace tollgate::lists {

// For each feed, the latest version whose as_of is on or before `date` (among equal
// dates, the later import). VersionsInForce is this over the store's versions.
std::vector<storage::ListVersion> SelectInForce(const std::vector<storage::ListVersion>& all,
                                                Date date);

// An index's size estimated from its own structures (screening::IndexStats) and the
// entries' text it holds. The cache counts the larger of this and what the build
// left allocated (glibc's mallinfo2) plus the entries.
std::size_t IndexBytes(const screening::Index& index, std::size_t entry_bytes);
// Approximate heap and inline bytes of one entry (strings, aliases, addresses, ids).
std::size_t EntryBytes(const ListEntry& entry);

// The index of `entries` with what it holds: the larger of IndexBytes and what the
// build left allocated (glibc's count; the estimate misses the allocator's overhead on
// the many small strings, about half), plus the entries. Every cache of indexes bounded
// by bytes counts them so.
struct MeasuredIndex {
  std::shared_ptr<const screening::Index> index;
  std::size_t bytes = 0;
};
MeasuredIndex BuildMeasuredIndex(std::vector<ListEntry> entries);

class InForceIndexes {
 public:
  static constexpr std::size_t kDefaultBudgetBytes = std::size_t{256} << 20;

  explicit InForceIndexes(std::size_t budget_bytes = kDefaultBudgetBytes)
      : budget_bytes_(budget_bytes) {}

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
  // Seconds the last build took (loading the entries and indexing them), and all of
  // them together (for the server's /metrics).
  double last_build_seconds() const { return last_build_seconds_.load(); }
  double build_seconds_total() const { return build_seconds_total_.load(); }
  // How many indexes the cache holds, and their bytes as counted (IndexBytes).
  std::size_t cached() const;
  std::size_t cached_bytes() const;

 private:
  struct Cached {
    std::shared_ptr<const screening::Index> index;
    std::size_t bytes = 0;
    // Last use, on the cache's own clock (use_clock_): a read bumps it without
    // copying the snapshot.
    mutable std::atomic<std::uint64_t> used{0};
  };
  struct Snapshot {
    std::vector<storage::ListVersion> versions;
    std::map<std::vector<std::int64_t>, std::shared_ptr<const Cached>> indexes;
  };

  std::size_t budget_bytes_;
  std::atomic<std::uint64_t> use_clock_{0};
  std::atomic<std::shared_ptr<const Snapshot>> current_;
  std::mutex build_mu_;
  std::atomic<std::size_t> builds_{0};
  std::atomic<double> last_build_seconds_{0};
  std::atomic<double> build_seconds_total_{0};
};

}  // namespace tollgate::lists
