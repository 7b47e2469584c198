#include "tollgate/rules/engine.h"

#include <algorithm>

#include "rules/determine.h"
#include "tollgate/lists/import.h"

namespace tollgate::rules {

Engine::Engine(std::shared_ptr<const RuleSet> rules, storage::Store& store)
    : rules_(std::move(rules)), store_(store) {}

Status ValidateTransaction(const RuleSet& rules, const Transaction& transaction) {
  auto normalized = internal::NormalizeTransaction(rules, transaction);
  if (!normalized.ok()) return normalized.error();
  return Status();
}

Status Engine::Validate(const Transaction& transaction) const {
  return ValidateTransaction(*rules_, transaction);
}

Result<std::shared_ptr<const Engine::Snapshot>> Engine::SnapshotFor(Date date) {
  std::lock_guard lock(mu_);
  if (auto it = by_date_.find(date); it != by_date_.end()) return it->second;
  auto versions = lists::VersionsInForce(store_, date);
  if (!versions.ok()) return versions.error();
  std::vector<std::int64_t> key;
  for (const auto& v : *versions) key.push_back(v.id);
  std::sort(key.begin(), key.end());
  if (auto it = by_versions_.find(key); it != by_versions_.end()) {
    by_date_[date] = it->second;
    return it->second;
  }
  // Every entry of the versions, whatever its own dates: Query::as_of applies those per
  // transaction, so one index serves every date with this version set.
  std::vector<lists::ListEntry> entries;
  for (const auto& version : *versions) {
    auto loaded = store_.LoadEntries(version.id);
    if (!loaded.ok()) return loaded.error();
    entries.insert(entries.end(), std::make_move_iterator(loaded->begin()),
                   std::make_move_iterator(loaded->end()));
  }
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->versions = std::move(*versions);
  snapshot->index = screening::Index::Build(std::move(entries));
  ++index_builds_;
  by_versions_[key] = snapshot;
  by_date_[date] = snapshot;
  return std::shared_ptr<const Snapshot>(snapshot);
}

Result<std::shared_ptr<const std::vector<licensing::License>>> Engine::Licenses() {
  std::lock_guard lock(mu_);
  if (licenses_) return licenses_;
  auto licenses = store_.ListLicenses();
  if (!licenses.ok()) return licenses.error();
  licenses_ = std::make_shared<const std::vector<licensing::License>>(std::move(*licenses));
  return licenses_;
}

Result<Determination> Engine::Determine(const Transaction& transaction) {
  // Bad input fails before the store is read.
  auto normalized = internal::NormalizeTransaction(*rules_, transaction);
  if (!normalized.ok()) return normalized.error();
  auto snapshot = SnapshotFor(normalized->date);
  if (!snapshot.ok()) return snapshot.error();
  auto licenses = Licenses();
  if (!licenses.ok()) return licenses.error();
  return internal::Determine(*rules_, *normalized, *(*snapshot)->index, (*snapshot)->versions,
                             **licenses);
}

void Engine::Refresh() {
  std::lock_guard lock(mu_);
  by_date_.clear();
  by_versions_.clear();
  licenses_.reset();
}

Engine::CacheStats Engine::cache_stats() const {
  std::lock_guard lock(mu_);
  return {index_builds_, by_date_.size()};
}

}  // namespace tollgate::rules
