#include "tollgate/rules/engine.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "rules/determine.h"
#include "rules/item_requirements.h"
#include "rules/screen_parties.h"
#include "tollgate/licensing/license_access.h"
#include "tollgate/lists/import.h"
#include "tollgate/lists/in_force_index.h"
#include "tollgate/rules/stored_general_licenses.h"

namespace tollgate::rules {

Status ValidateTransaction(const RuleSet& rules, const Transaction& transaction) {
  auto normalized = internal::NormalizeTransaction(rules, transaction);
  if (!normalized.ok()) return normalized.error();
  return Status();
}

Engine::Engine(std::shared_ptr<const RuleSet> rules, storage::Store& store)
    : rules_(std::move(rules)),
      store_(store),
      screen_seen_(kScreenSeenSize / std::size(SeenSet{}.hashes)) {}

void Engine::SetIndexBudget(std::size_t bytes) {
  std::lock_guard lock(mu_);
  index_budget_bytes_ = bytes;
  EvictIndexesOverBudget(nullptr);
}

void Engine::EvictIndexesOverBudget(const Snapshot* keep) {
  std::size_t total = 0;
  for (const auto& [key, snapshot] : by_versions_) total += snapshot->bytes;
  while (total > index_budget_bytes_ && by_versions_.size() > 1) {
    auto victim = by_versions_.end();
    for (auto it = by_versions_.begin(); it != by_versions_.end(); ++it) {
      if (it->second.get() == keep) continue;
      if (victim == by_versions_.end() ||
          last_used_[it->second->id] < last_used_[victim->second->id]) {
        victim = it;
      }
    }
    if (victim == by_versions_.end()) break;
    const Snapshot* gone = victim->second.get();
    std::erase_if(by_date_,
                  [gone](const auto& date) { return date.second.snapshot.get() == gone; });
    // Memo keys name the snapshot: its entries could never be hit again.
    screen_memo_.clear();
    total -= gone->bytes;
    last_used_.erase(gone->id);
    by_versions_.erase(victim);  // a request still holding it keeps it until it ends
  }
  stats_.dates = by_date_.size();
  stats_.indexes_kept = by_versions_.size();
  stats_.index_bytes = total;
}

void Engine::ShareIndexes(lists::InForceIndexes& indexes) {
  std::lock_guard lock(mu_);
  shared_ = &indexes;
}

Result<Engine::DateEntry> Engine::ForDateShared(Date date) {
  // The store is used under mu_ only (one thread at a time), as in ForDate.
  auto in_force = shared_->ForDate(store_, date);
  if (!in_force.ok()) return in_force.error();
  std::vector<std::int64_t> key;
  for (const auto& v : in_force->versions) key.push_back(v.id);
  std::sort(key.begin(), key.end());
  SharedId& known = shared_ids_[key];
  if (known.id == 0 || known.index.lock() != in_force->index) {
    // First sight of this index, or the cache rebuilt it after an eviction: a new id,
    // so no memo key of the old one can answer for it; those entries are dropped as an
    // eviction here drops them.
    if (known.id != 0) screen_memo_.clear();
    known.index = in_force->index;
    known.id = ++next_snapshot_id_;
    stats_.index_builds = shared_->builds();
  }
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->id = known.id;
  snapshot->versions = std::move(in_force->versions);
  snapshot->index = std::move(in_force->index);  // held for this call only
  auto& step = shared_steps_[date];
  if (step.first != known.id || !step.second) {
    step = {known.id, std::make_shared<const TraceStep>(
                          internal::ListVersionsStep(snapshot->versions, date))};
  }
  // Any applicant can name dates: the steps kept are bounded, as the memo is.
  if (shared_steps_.size() > kItemRulesMemoSize) {
    auto kept = step;
    shared_steps_.clear();
    shared_steps_[date] = kept;
  }
  stats_.dates = shared_steps_.size();
  return DateEntry{std::move(snapshot), shared_steps_[date].second};
}

Result<Engine::DateEntry> Engine::ForDate(Date date) {
  std::lock_guard lock(mu_);
  if (shared_ != nullptr) return ForDateShared(date);
  if (auto it = by_date_.find(date); it != by_date_.end()) {
    last_used_[it->second.snapshot->id] = ++use_tick_;
    return it->second;
  }
  auto versions = lists::VersionsInForce(store_, date);
  if (!versions.ok()) return versions.error();
  std::vector<std::int64_t> key;
  for (const auto& v : *versions) key.push_back(v.id);
  std::sort(key.begin(), key.end());
  std::shared_ptr<const Snapshot> snapshot;
  if (auto it = by_versions_.find(key); it != by_versions_.end()) {
    snapshot = it->second;
  } else {
    // Every entry of the versions, whatever its own dates: Query::as_of applies those
    // per transaction, so one index serves every date with this version set.
    std::vector<lists::ListEntry> entries;
    for (const auto& version : *versions) {
      auto loaded = store_.LoadEntries(version.id);
      if (!loaded.ok()) return loaded.error();
      entries.insert(entries.end(), std::make_move_iterator(loaded->begin()),
                     std::make_move_iterator(loaded->end()));
    }
    auto built = std::make_shared<Snapshot>();
    built->id = ++stats_.index_builds;
    built->versions = std::move(*versions);
    lists::MeasuredIndex measured = lists::BuildMeasuredIndex(std::move(entries));
    built->index = std::move(measured.index);
    built->bytes = measured.bytes;
    by_versions_[key] = built;
    snapshot = built;
  }
  last_used_[snapshot->id] = ++use_tick_;
  DateEntry entry{snapshot, std::make_shared<const TraceStep>(
                                internal::ListVersionsStep(snapshot->versions, date))};
  by_date_[date] = entry;
  EvictIndexesOverBudget(snapshot.get());
  return entry;
}

Result<std::shared_ptr<const std::vector<licensing::License>>> Engine::Licenses() {
  std::lock_guard lock(mu_);
  if (licenses_) return licenses_;
  auto licenses = store_.ListLicenses();
  if (!licenses.ok()) return licenses.error();
  licenses_ = std::make_shared<const std::vector<licensing::License>>(std::move(*licenses));
  return licenses_;
}

Engine::Matches Engine::Screen(const Snapshot& snapshot, const screening::Query& query) {
  // The key holds every field of the query that can change the answer: the numbers as
  // their bytes (a fixed 32), whether matches are explained, the country and the name.
  ScreenKey key;
  std::string& bytes = key.bytes;
  bytes.reserve(4 * sizeof(long long) + 5 + query.name.size());
  for (long long part :
       {static_cast<long long>(snapshot.id),
        static_cast<long long>(query.as_of ? query.as_of->days_since_epoch() : 0),
        std::llround(query.threshold * 1e6), static_cast<long long>(query.limit)}) {
    bytes.append(reinterpret_cast<const char*>(&part), sizeof part);
  }
  bytes += query.explain ? 'e' : '-';
  if (query.country) bytes += *query.country;
  // The secondary facts (screening/facts.h) change the score too.
  if (query.date_of_birth) {
    for (int part :
         {query.date_of_birth->year, query.date_of_birth->month, query.date_of_birth->day}) {
      bytes += std::to_string(part) + '-';
    }
  }
  if (query.nationality) bytes += 'n' + *query.nationality;
  for (const auto& id : query.ids) bytes += '\x1e' + id.type + '\x1d' + id.value;
  bytes += '\x1f';
  bytes += query.name;
  key.hash = std::hash<std::string>{}(bytes);
  {
    std::lock_guard lock(mu_);
    if (auto it = screen_memo_.find(key); it != screen_memo_.end()) {
      ++stats_.memo_hits;
      return it->second;
    }
  }
  // Read after the screening; fetched now, its cache miss is not waited for.
  SeenSet& seen = screen_seen_[key.hash % screen_seen_.size()];
  __builtin_prefetch(&seen, 1);
  // Outside the lock: the index is immutable and may be read by any number of threads.
  auto found = snapshot.index->Screen(query);
  // Most names match nothing: those share one empty answer, held without an owner (the
  // aliasing constructor), so there is no allocation and no count for threads to share.
  static const std::vector<screening::Match> kNoMatches;
  Matches matches = found.empty()
                        ? Matches(Matches(), &kNoMatches)
                        : std::make_shared<const std::vector<screening::Match>>(std::move(found));
  std::lock_guard lock(mu_);
  ++stats_.screens;
  // Kept only from the second time its hash is seen (among the last eight of its set):
  // a name that comes once, as in a batch of new customers, would otherwise pay a node, a
  // table that outgrows the caches, and its share of clearing it, for nothing. Eight per
  // set, not one per slot: two recurring names sharing one slot would evict each other
  // forever and never be kept (with 3,000 names in 16,384 slots, about one in six).
  auto* end = std::end(seen.hashes);
  if (std::find(std::begin(seen.hashes), end, key.hash) == end) {
    std::copy_backward(std::begin(seen.hashes), end - 1, end);
    seen.hashes[0] = key.hash;
    return matches;
  }
  if (screen_memo_.size() >= kScreenMemoSize) screen_memo_.clear();
  screen_memo_.emplace(std::move(key), matches);
  return matches;
}

Result<std::shared_ptr<const internal::ItemRules>> Engine::ItemRulesFor(std::string_view eccn,
                                                                        const CountryRules& country,
                                                                        Date date) {
  std::string key;
  key.reserve(eccn.size() + country.code.size() + 16);
  key.append(eccn);
  key += '\x1f';
  key += country.code;
  key += '\x1f';
  key += std::to_string(date.days_since_epoch());
  {
    std::lock_guard lock(mu_);
    if (auto it = item_rules_.find(key); it != item_rules_.end()) return it->second;
  }
  // The catalog and the countries are the same in the effective rules (only the
  // general licenses differ), so rules_ answers for both.
  auto built = internal::ItemRulesFor(*rules_, eccn, country, date);
  if (!built.ok()) return built.error();
  auto item = std::make_shared<const internal::ItemRules>(std::move(built).value());
  std::lock_guard lock(mu_);
  if (item_rules_.size() >= kItemRulesMemoSize) item_rules_.clear();
  item_rules_.emplace(std::move(key), item);
  return item;
}

Result<Determination> Engine::Determine(Transaction transaction) {
  return DetermineFor(std::move(transaction), nullptr, nullptr);
}

Result<Determination> Engine::Determine(Transaction transaction, const licensing::User& asker) {
  return DetermineFor(std::move(transaction), &asker, nullptr);
}

Result<Determination> Engine::Determine(Transaction transaction, const licensing::User* asker,
                                        const PartyDecisions* decisions) {
  return DetermineFor(std::move(transaction), asker, decisions);
}

Result<Determination> Engine::DetermineFor(Transaction transaction, const licensing::User* asker,
                                           const PartyDecisions* decisions) {
  // Bad input fails before the store is read.
  auto normalized = internal::NormalizeTransaction(
      *rules_, std::move(transaction),
      [this](std::string_view eccn, const CountryRules& country, Date date) {
        return ItemRulesFor(eccn, country, date);
      });
  if (!normalized.ok()) return normalized.error();
  auto lists = ForDate(normalized->tx.date);
  if (!lists.ok()) return lists.error();
  auto licenses = Licenses();
  if (!licenses.ok()) return licenses.error();
  // A license authorizes its holder alone (15 CFR 750.7(a)): an applicant's own.
  if (asker != nullptr && licensing::VisibleOrganization(*asker)) {
    std::vector<licensing::License> usable;
    for (const auto& license : **licenses) {
      if (licensing::MayUse(*asker, license)) usable.push_back(license);
    }
    *licenses = std::make_shared<const std::vector<licensing::License>>(std::move(usable));
  }
  auto effective = EffectiveRules();
  if (!effective.ok()) return effective.error();
  // `lists` keeps the snapshot alive for the call; the lambda holds two pointers, which
  // std::function stores without allocating.
  const Snapshot* snapshot = lists->snapshot.get();
  internal::ListsInForce in_force{
      snapshot->versions, lists->versions_step,
      [this, snapshot](const screening::Query& query) { return Screen(*snapshot, query); }};
  return internal::DetermineNormalized(**effective, std::move(normalized).value(), in_force,
                                       **licenses, decisions);
}

Result<std::vector<ScreeningHit>> Engine::ScreenParties(const std::vector<Party>& parties,
                                                        Date date,
                                                        const std::vector<PartyFacts>& facts) {
  auto lists = ForDate(date);
  if (!lists.ok()) return lists.error();
  Transaction tx;
  tx.parties = parties;
  tx.party_facts = facts;
  tx.date = date;
  std::shared_ptr<const Snapshot> snapshot = lists->snapshot;
  std::vector<TraceStep> trace;
  auto screened = internal::ScreenParties(
      *rules_, tx,
      [this, snapshot](const screening::Query& query) { return Screen(*snapshot, query); }, trace);
  return std::move(screened.hits);
}

Result<std::shared_ptr<const RuleSet>> Engine::EffectiveRules() {
  std::lock_guard lock(mu_);
  if (effective_) return effective_;
  auto records = store_.ListGeneralLicenses();
  if (!records.ok()) return records.error();
  if (records->empty()) {
    effective_ = rules_;
    return effective_;
  }
  auto general_licenses = GeneralLicensesFromRecords(*records, rules_->activities);
  if (!general_licenses.ok()) return general_licenses.error();
  auto rules = std::make_shared<RuleSet>(*rules_);
  rules->general_licenses = std::move(general_licenses).value();
  effective_ = std::move(rules);
  return effective_;
}

void Engine::Refresh() {
  std::lock_guard lock(mu_);
  shared_ids_.clear();
  shared_steps_.clear();
  by_date_.clear();
  by_versions_.clear();
  last_used_.clear();
  stats_.indexes_kept = 0;
  stats_.index_bytes = 0;
  licenses_.reset();
  effective_.reset();
  screen_memo_.clear();
  item_rules_.clear();
}

Engine::CacheStats Engine::cache_stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

}  // namespace tollgate::rules
