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
    out.index = it->second;
    return out;
  }

  std::lock_guard lock(build_mu_);
  // Another thread may have built it (or refreshed) while this one waited.
  auto latest = current_.load();
  if (auto it = latest->indexes.find(key); it != latest->indexes.end()) {
    out.index = it->second;
    return out;
  }
  std::vector<ListEntry> entries;
  for (const auto& version : out.versions) {
    auto loaded = store.LoadEntries(version.id);
    if (!loaded.ok()) return loaded.error();
    entries.insert(entries.end(), std::make_move_iterator(loaded->begin()),
                   std::make_move_iterator(loaded->end()));
  }
  out.index = screening::Index::Build(std::move(entries));
  ++builds_;
  // Published only into the snapshot it was computed from: after a Refresh the old
  // version set may no longer be current, and the new snapshot starts empty.
  if (latest == snapshot || SameVersions(latest->versions, snapshot->versions)) {
    auto next = std::make_shared<Snapshot>(*latest);
    next->indexes[key] = out.index;
    current_.store(std::move(next));
  }
  return out;
}

}  // namespace tollgate::lists
