// Engine: does this export need a license, and what authorizes it? (DOMAIN.md
// section 3.) It screens every party against the restricted lists in force on the
// transaction's date, applies the catalog, the Country Chart, embargoes and the list
// rules, and looks for a license held in the store, a general license or a license
// exception that covers the transaction; see rules/determination.h for the answer.
//
// Caching, so a batch or an order pipeline pays for an index once: the screening
// index is built per set of list versions in force (every date with the same versions
// shares it; each entry's own start/end dates are applied per query), and the
// licenses and general licenses are read from the store once. Screening results are memoized per
// (version set, date, name, country): the index is immutable, so the answer cannot differ, and an
// order book names the same parties again and again (a query is kept from its second
// sighting on, so one-off names do not fill it; at most kScreenMemoSize queries are kept; then
// the memo starts over). Likewise what an item means to a destination on a date (its
// classification, embargoes and Country Chart, with their trace steps) is kept per (ECCN as
// given, destination, date), at most kItemRulesMemoSize of them. Call Refresh() after the store's
// lists or licenses change; the CLI opens one Engine per command.
//
// Thread-safety: Determine may be called from several threads at once; the caches are
// guarded by a mutex and the index is immutable. The Store is only used under that
// mutex, so it must not be used by another thread meanwhile.
// Failure: Determine returns kInvalidArgument for bad input (unknown ECCN, country or
// activity, a party without a name), kNotFound when the rules have nothing in force on
// the date, and the store's error when reading lists or licenses fails.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/rules/determination.h"
#include "tollgate/rules/party_decisions.h"
#include "tollgate/rules/rule_set.h"
#include "tollgate/rules/transaction.h"
#include "tollgate/screening/screening.h"
#include "tollgate/storage/store.h"

namespace tollgate::lists {
class InForceIndexes;
}

namespace tollgate::rules {

namespace internal {
struct ItemRules;
}

// Checks a transaction against the rules without any store: unknown ECCN, country or
// activity, a party without a name. What Engine::Determine checks first, and what a
// caller runs before opening or writing anything.
Status ValidateTransaction(const RuleSet& rules, const Transaction& transaction);

class Engine {
 public:
  static constexpr std::size_t kScreenMemoSize = 1 << 16;
  static constexpr std::size_t kScreenSeenSize = 1 << 14;
  static constexpr std::size_t kItemRulesMemoSize = 1 << 12;

  Engine(std::shared_ptr<const RuleSet> rules, storage::Store& store);

  // The screening indexes kept (one per set of list versions) are bounded by bytes,
  // least recently used dropped first, the newest always kept (issue 11, item 8: any
  // applicant can name dates, each of which can need its own index). Default 256 MiB;
  // the server passes its --index-cache-mb.
  void SetIndexBudget(std::size_t bytes);

  // Takes the screening indexes from `indexes` instead of building its own: a process
  // that also screens names (the server's /api/screen) then holds one index per version
  // set, not two, and one budget bounds them all (issue 14). The engine keeps no
  // index itself then (SetIndexBudget does not apply; an index the cache evicts is freed
  // once the requests using it finish), only which index instance its memo keys name.
  // `indexes` must outlive the engine. Call before the first Determine.
  void ShareIndexes(lists::InForceIndexes& indexes);

  // By value: the Determination holds the transaction, so a caller done with it moves
  // it in and its strings are not copied.
  Result<Determination> Determine(Transaction transaction);
  // As asked by `asker`: only the licenses it may use (licensing::MayUse) are
  // considered, so an applicant is never authorized by, nor shown, another
  // organization's license.
  Result<Determination> Determine(Transaction transaction, const licensing::User& asker);
  // Either of the above (`asker` may be null), with an organization's dispositions of
  // its own parties (rules/party_decisions.h: alerts::DecisionsOf reads them), which
  // clear or confirm the matches they cover; null: none.
  Result<Determination> Determine(Transaction transaction, const licensing::User* asker,
                                  const PartyDecisions* decisions);

  // Screens `parties` (and `exporter`, when given) against the lists in force on
  // `date` exactly as Determine does, with what each match means under the list rules;
  // no determination is made. What licensing screens an application's parties with.
  // `facts`, when not empty, is parallel to `parties`: what each is screened with
  // besides its name and country.
  Result<std::vector<ScreeningHit>> ScreenParties(const std::vector<Party>& parties, Date date,
                                                  const std::vector<PartyFacts>& facts = {});

  // Forgets the cached list versions, indexes and licenses.
  void Refresh();

  struct CacheStats {
    std::size_t index_builds = 0;  // indexes built since construction
    std::size_t dates = 0;         // dates resolved to a version set
    std::size_t screens = 0;       // queries the index answered (memo misses)
    std::size_t memo_hits = 0;     // queries answered from the memo
    std::size_t indexes_kept = 0;  // indexes held now
    std::size_t index_bytes = 0;   // their estimated size (lists::IndexBytes)
  };
  CacheStats cache_stats() const;

 private:
  struct Snapshot {
    std::size_t id = 0;  // distinct per build, part of the memo key
    std::vector<storage::ListVersion> versions;
    std::shared_ptr<const screening::Index> index;
    std::size_t bytes = 0;  // lists::IndexBytes of the index and its entries
  };
  struct DateEntry {
    std::shared_ptr<const Snapshot> snapshot;
    std::shared_ptr<const TraceStep> versions_step;
  };
  using Matches = std::shared_ptr<const std::vector<screening::Match>>;
  // A screening memo key with its hash, taken once for the memo and the seen sets.
  struct ScreenKey {
    std::string bytes;
    std::size_t hash = 0;
    bool operator==(const ScreenKey& other) const {
      return hash == other.hash && bytes == other.bytes;
    }
  };
  struct ScreenKeyHash {
    std::size_t operator()(const ScreenKey& key) const { return key.hash; }
  };

  Result<Determination> DetermineFor(Transaction transaction, const licensing::User* asker,
                                     const PartyDecisions* decisions);
  Result<DateEntry> ForDate(Date date);
  // ForDate when the indexes are shared (ShareIndexes). Called with mu_ held.
  Result<DateEntry> ForDateShared(Date date);
  // Drops the least recently used indexes (never `keep`) while over the budget; their
  // dates and memo entries go with them. Called with mu_ held.
  void EvictIndexesOverBudget(const Snapshot* keep);
  Result<std::shared_ptr<const std::vector<licensing::License>>> Licenses();
  // The rules with the store's general licenses (rules/stored_general_licenses.h);
  // the rules data's own when the store holds none (never loaded).
  Result<std::shared_ptr<const RuleSet>> EffectiveRules();
  Matches Screen(const Snapshot& snapshot, const screening::Query& query);
  Result<std::shared_ptr<const internal::ItemRules>> ItemRulesFor(std::string_view eccn,
                                                                  const CountryRules& country,
                                                                  Date date);

  std::shared_ptr<const RuleSet> rules_;
  storage::Store& store_;
  mutable std::mutex mu_;
  std::map<Date, DateEntry> by_date_;
  std::map<std::vector<std::int64_t>, std::shared_ptr<const Snapshot>> by_versions_;
  std::map<std::size_t, std::uint64_t> last_used_;  // snapshot id -> use tick
  std::uint64_t use_tick_ = 0;
  std::size_t index_budget_bytes_ = std::size_t{256} << 20;
  // Shared indexes (ShareIndexes): the snapshot id given to each index instance, held
  // weakly so the cache alone decides how long an index lives, and the trace step of
  // the versions in force per date (small: no index in it).
  lists::InForceIndexes* shared_ = nullptr;
  struct SharedId {
    std::weak_ptr<const screening::Index> index;
    std::size_t id = 0;
  };
  std::map<std::vector<std::int64_t>, SharedId> shared_ids_;
  std::map<Date, std::pair<std::size_t, std::shared_ptr<const TraceStep>>> shared_steps_;
  std::size_t next_snapshot_id_ = 0;
  std::shared_ptr<const std::vector<licensing::License>> licenses_;
  std::shared_ptr<const RuleSet> effective_;
  std::unordered_map<ScreenKey, Matches, ScreenKeyHash> screen_memo_;
  // Hashes of memo keys seen, the latest first; one cache line per set.
  struct alignas(64) SeenSet {
    std::size_t hashes[8] = {};
  };
  std::vector<SeenSet> screen_seen_;
  std::unordered_map<std::string, std::shared_ptr<const internal::ItemRules>> item_rules_;
  CacheStats stats_;
};

}  // namespace tollgate::rules
