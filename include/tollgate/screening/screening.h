// Screening: is this party on a restricted list? An Index is built once over the
// entries of the list versions in force (normalize -> token postings, typo-tolerant
// keys, phonetic keys), then answers queries from a few lookups, never a scan, and
// scores each candidate with an explanation an analyst can check.
//
// Thread-safety: an Index is immutable after Build and may be shared by any number of
// threads calling Screen concurrently. IndexHolder swaps a new index in atomically.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/lists/entry.h"

namespace tollgate::screening {

// Default alert threshold. DOMAIN.md §7: common practice is >= 0.95 block,
// 0.85-0.94 manual review; below 0.85 is not shown unless asked for.
inline constexpr double kDefaultThreshold = 0.85;
inline constexpr std::size_t kDefaultLimit = 10;
// A score within this of the threshold counts as reaching it: scores are sums of
// weighted similarities, and 0.85 computed one way may come out as 0.8499999999.
inline constexpr double kScoreTolerance = 1e-9;

struct Query {
  std::string name;
  std::optional<std::string> country;    // ISO alpha-2; agreement raises, conflict lowers
  std::optional<lists::EntryType> type;  // a different type lowers the score
  std::optional<Date> as_of;             // only entries in force on that date
  double threshold = kDefaultThreshold;
  std::size_t limit = kDefaultLimit;
};

// How one query token lined up with the matched name.
struct TokenAlignment {
  std::string query_token;  // normalized; "" for an entry token the query lacks
  std::string entry_token;  // normalized; "" for a query token the entry lacks
  // "exact", "typo", "phonetic", "joined", "split", "initial", "missing", "extra".
  std::string kind;
  double similarity = 0;  // 0..1
  double weight = 0;      // how much the token counts (legal forms and common words little)
};

struct Match {
  std::shared_ptr<const lists::ListEntry> entry;
  double score = 0;          // 0..1, after adjustments
  double name_score = 0;     // 0..1, from the name alone
  std::string matched_name;  // the primary name or the alias that matched
  bool matched_alias = false;
  std::vector<TokenAlignment> alignment;
  std::vector<std::string> adjustments;  // e.g. "country CN agrees with an address: +0.02"
  std::string explanation;               // one readable paragraph built from the above
};

struct IndexStats {
  std::size_t entries = 0;
  std::size_t names = 0;   // primary names and aliases indexed
  std::size_t tokens = 0;  // distinct normalized tokens
  std::size_t memory_bytes = 0;
};

class Index {
 public:
  // Builds the index over `entries` (typically all entries of the versions in force).
  static std::shared_ptr<const Index> Build(std::vector<lists::ListEntry> entries);

  // Matches at or above query.threshold (less kScoreTolerance), best first, at most
  // query.limit.
  std::vector<Match> Screen(const Query& query) const;

  // Scores `query` against one entry's names directly, without candidate generation,
  // thresholds or dates, using this index's token weights: the slow path that the
  // tests compare Screen with, and the answer to "why did (or didn't) this match?".
  // Also scores a pair of names (make an entry holding the second name).
  Match Explain(const Query& query, const lists::ListEntry& entry) const;

  IndexStats Stats() const;

  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  // Opaque: defined in src/screening/index_impl.h, where the index's own parts use it.
  struct Impl;

 private:
  explicit Index(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Holds the current index; readers take a snapshot, a list update publishes a new one.
class IndexHolder {
 public:
  std::shared_ptr<const Index> Get() const { return current_.load(std::memory_order_acquire); }
  void Publish(std::shared_ptr<const Index> index) {
    current_.store(std::move(index), std::memory_order_release);
  }

 private:
  std::atomic<std::shared_ptr<const Index>> current_;
};

}  // namespace tollgate::screening
