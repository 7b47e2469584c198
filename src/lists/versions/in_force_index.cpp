#include "tollgate/lists/in_force_index.h"

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <string>

namespace tollgate::lists {
namespace {

bool SameVersions(const std::vector<storage::ListVersion>& a,
                  const std::vector<storage::ListVersion>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].id != b[i].id || a[i].as_of != b[i].as_of) return false;
  }
  return true;
}

}  // namespace

// A string's heap block as glibc allocates it (none within the small-string buffer):
// the capacity and its terminator, an 8-byte header, rounded up to 16.
std::size_t Heap(const std::string& s) {
  return s.capacity() <= 15 ? 0 : (s.capacity() + 1 + 8 + 15) / 16 * 16;
}

std::size_t EntryBytes(const ListEntry& e) {
  std::size_t bytes = sizeof e + Heap(e.list) + Heap(e.entry_id) + Heap(e.name) +
                      Heap(e.license_requirement) + Heap(e.license_policy) + Heap(e.title) +
                      Heap(e.remarks) + Heap(e.source_url);
  for (const auto& a : e.aliases) bytes += sizeof a + Heap(a.name);
  for (const auto& a : e.addresses) {
    bytes += sizeof a + Heap(a.street) + Heap(a.city) + Heap(a.state) + Heap(a.postal_code) +
             Heap(a.country) + Heap(a.country_name);
  }
  for (const auto& i : e.ids) bytes += sizeof i + Heap(i.type) + Heap(i.value);
  for (const auto* texts :
       {&e.programs, &e.federal_register, &e.nationalities, &e.dates_of_birth}) {
    // The string object itself (sizeof), then its heap buffer: not the container's size.
    for (const auto& t : *texts) bytes += sizeof t + Heap(t);  // NOLINT(bugprone-sizeof-container)
  }
  return bytes;
}

std::size_t IndexBytes(const screening::Index& index, std::size_t entry_bytes) {
  return index.Stats().memory_bytes + entry_bytes;
}

std::size_t InForceIndexes::cached() const {
  auto snapshot = current_.load();
  return snapshot ? snapshot->indexes.size() : 0;
}

std::size_t InForceIndexes::cached_bytes() const {
  auto snapshot = current_.load();
  std::size_t bytes = 0;
  if (snapshot) {
    for (const auto& [key, cached] : snapshot->indexes) bytes += cached->bytes;
  }
  return bytes;
}

std::vector<storage::ListVersion> SelectInForce(const std::vector<storage::ListVersion>& all,
                                                Date date) {
  std::map<std::string, storage::ListVersion> by_feed;
  for (const auto& v : all) {
    if (v.as_of > date) continue;
    auto it = by_feed.find(v.feed);
    if (it == by_feed.end() || it->second.as_of < v.as_of ||
        (it->second.as_of == v.as_of && it->second.id < v.id)) {
      by_feed[v.feed] = v;
    }
  }
  std::vector<storage::ListVersion> out;
  out.reserve(by_feed.size());
  for (auto& [feed, v] : by_feed) out.push_back(std::move(v));
  return out;
}

Result<bool> InForceIndexes::Refresh(storage::Store& store) {
  auto versions = store.ListVersions();
  if (!versions.ok()) return versions.error();
  std::lock_guard lock(build_mu_);
  auto current = current_.load();
  if (current && SameVersions(current->versions, *versions)) return false;
  auto next = std::make_shared<Snapshot>();
  next->versions = std::move(versions).value();
  current_.store(std::move(next));
  return true;
}

Result<InForceIndexes::InForce> InForceIndexes::ForDate(storage::Store& store, Date date) {
  auto snapshot = current_.load();
  if (!snapshot) {
    if (auto r = Refresh(store); !r.ok()) return r.error();
    snapshot = current_.load();
  }
  InForce out;
  out.versions = SelectInForce(snapshot->versions, date);
  std::vector<std::int64_t> key;
  for (const auto& v : out.versions) key.push_back(v.id);
  std::sort(key.begin(), key.end());
  if (auto it = snapshot->indexes.find(key); it != snapshot->indexes.end()) {
    it->second->used = ++use_clock_;
    out.index = it->second->index;
    return out;
  }

  std::lock_guard lock(build_mu_);
  // Another thread may have built it (or refreshed) while this one waited.
  auto latest = current_.load();
  if (auto it = latest->indexes.find(key); it != latest->indexes.end()) {
    it->second->used = ++use_clock_;
    out.index = it->second->index;
    return out;
  }
  const auto started = std::chrono::steady_clock::now();
  std::vector<ListEntry> entries;
  for (const auto& version : out.versions) {
    auto loaded = store.LoadEntries(version.id);
    if (!loaded.ok()) return loaded.error();
    entries.insert(entries.end(), std::make_move_iterator(loaded->begin()),
                   std::make_move_iterator(loaded->end()));
  }
  MeasuredIndex built = BuildMeasuredIndex(std::move(entries));
  out.index = built.index;
  // Builds are serialized (build_mu_): plain stores of the two figures suffice.
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  last_build_seconds_.store(seconds);
  build_seconds_total_.store(build_seconds_total_.load() + seconds);
  ++builds_;
  // Published only into the snapshot it was computed from: after a Refresh the old
  // version set may no longer be current, and the new snapshot starts empty.
  if (latest == snapshot || SameVersions(latest->versions, snapshot->versions)) {
    auto added = std::make_shared<Cached>();
    added->index = out.index;
    added->bytes = built.bytes;
    added->used = ++use_clock_;
    auto next = std::make_shared<Snapshot>(*latest);
    // Least recently used first, until the new one fits the budget.
    std::size_t total = added->bytes;
    for (const auto& [k, cached] : next->indexes) total += cached->bytes;
    while (total > budget_bytes_ && !next->indexes.empty()) {
      auto oldest = next->indexes.begin();
      for (auto it = next->indexes.begin(); it != next->indexes.end(); ++it) {
        if (it->second->used < oldest->second->used) oldest = it;
      }
      total -= oldest->second->bytes;
      next->indexes.erase(oldest);
    }
    const bool evicted = next->indexes.size() < latest->indexes.size();
    next->indexes[key] = std::move(added);
    current_.store(std::move(next));
    // An evicted index is freed when its last reader lets go (here, unless a request
    // still holds it); glibc keeps freed memory in its arenas unless asked to give it
    // back, and the budget is about the process's memory.
    if (evicted) {
      latest.reset();
      snapshot.reset();
      malloc_trim(0);
    }
  }
  return out;
}

MeasuredIndex BuildMeasuredIndex(std::vector<ListEntry> entries) {
  std::size_t entry_bytes = 0;
  for (const auto& e : entries) entry_bytes += EntryBytes(e);
  const std::size_t allocated_before = mallinfo2().uordblks;
  MeasuredIndex out;
  out.index = screening::Index::Build(std::move(entries));
  // The skeleton index is still being built on another thread: read the count once it
  // is done, or the figure would hold whatever part of it that thread had allocated.
  out.index->WaitForBackgroundBuild();
  const std::size_t allocated_after = mallinfo2().uordblks;
  const std::size_t built =
      allocated_after > allocated_before ? allocated_after - allocated_before : 0;
  out.bytes = std::max(IndexBytes(*out.index, entry_bytes), built + entry_bytes);
  return out;
}

}  // namespace tollgate::lists
