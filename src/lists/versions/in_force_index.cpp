#include "tollgate/lists/in_force_index.h"

#include <algorithm>
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

std::size_t EntryBytes(const ListEntry& e) {
  std::size_t bytes = sizeof e + e.list.capacity() + e.entry_id.capacity() + e.name.capacity() +
                      e.license_requirement.capacity() + e.license_policy.capacity() +
                      e.title.capacity() + e.remarks.capacity() + e.source_url.capacity();
  for (const auto& a : e.aliases) bytes += sizeof a + a.name.capacity();
  for (const auto& a : e.addresses) {
    bytes += sizeof a + a.street.capacity() + a.city.capacity() + a.state.capacity() +
             a.postal_code.capacity() + a.country.capacity() + a.country_name.capacity();
  }
  for (const auto& i : e.ids) bytes += sizeof i + i.type.capacity() + i.value.capacity();
  for (const auto* texts :
       {&e.programs, &e.federal_register, &e.nationalities, &e.dates_of_birth}) {
    for (const auto& t : *texts) bytes += sizeof t + t.capacity();
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
  std::vector<ListEntry> entries;
  std::size_t entry_bytes = 0;
  for (const auto& version : out.versions) {
    auto loaded = store.LoadEntries(version.id);
    if (!loaded.ok()) return loaded.error();
    for (const auto& e : *loaded) entry_bytes += EntryBytes(e);
    entries.insert(entries.end(), std::make_move_iterator(loaded->begin()),
                   std::make_move_iterator(loaded->end()));
  }
  out.index = screening::Index::Build(std::move(entries));
  ++builds_;
  // Published only into the snapshot it was computed from: after a Refresh the old
  // version set may no longer be current, and the new snapshot starts empty.
  if (latest == snapshot || SameVersions(latest->versions, snapshot->versions)) {
    auto added = std::make_shared<Cached>();
    added->index = out.index;
    added->bytes = IndexBytes(*out.index, entry_bytes);
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
    next->indexes[key] = std::move(added);
    current_.store(std::move(next));
  }
  return out;
}

}  // namespace tollgate::lists
