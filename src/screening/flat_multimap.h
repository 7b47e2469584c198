// FlatMultiMap: a hash table from 64-bit keys to every 32-bit value inserted under
// them. The index keeps its typo, phonetic, prefix and concatenation keys here as
// hashes only: callers verify each value they get back against the real strings, so
// a hash collision costs a check, never a wrong match.
//
// Built in two steps: Insert collects pairs, Freeze lays them out once as an
// open-addressing table of distinct keys (a popular key, such as a deletion shared by
// many words, is one probe). Memory is what the party index of 1,000,000 names is made
// of (BENCHMARKS.md, "the party index at 1,000,000 (h18x)"), so a slot is 8 bytes: a
// 32-bit tag (the key's high half) and either the key's one value or where its run of
// values starts. Two keys may share a tag: a lookup therefore reports every slot of its
// probe run that carries the tag (a superset of the key's values, never fewer), and
// the table is filled to at most two thirds rather than a power of two. A table whose
// tags all differ (checked by Freeze) stops at the first slot with the tag.
//
// Thread-safety: concurrent ForEach calls are safe after Freeze.
// Failure: none (allocation failure throws std::bad_alloc). ForEach before Freeze
// finds nothing.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tollgate::screening {

// FNV-1a with a per-table seed, then a splitmix64 finish so that nearby strings land
// far apart in the table. The steps are exposed so that keys sharing a prefix can
// share its hash state (DeleteVariantHashes).
inline std::uint64_t HashStart(std::uint64_t seed) { return 1469598103934665603ULL ^ seed; }
inline std::uint64_t HashStep(std::uint64_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
}
inline std::uint64_t HashRange(std::uint64_t h, std::string_view text) {
  for (const char c : text) h = HashStep(h, c);
  return h;
}
inline std::uint64_t FinishHash(std::uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h == 0 ? 1 : h;
}
inline std::uint64_t HashKey(std::string_view text, std::uint64_t seed) {
  return FinishHash(HashRange(HashStart(seed), text));
}

class FlatMultiMap {
 public:
  void Insert(std::uint64_t key, std::uint32_t value) { pending_.push_back({key, value}); }

  // Lays the table out with `slots_per_key` slots for each distinct key (at least 1.5,
  // two thirds full, as the party index's memory needs). A small table that takes
  // mostly misses (the lexicon's near words) affords more: a miss reads the probe run
  // to its first empty slot, about five slots at two thirds and under two at a quarter.
  void Freeze(double slots_per_key = 1.5) {
    std::sort(pending_.begin(), pending_.end());
    pending_.erase(std::unique(pending_.begin(), pending_.end()), pending_.end());
    std::size_t distinct = 0;
    std::size_t in_runs = 0;  // values_ entries: a count and the values of each run
    for (std::size_t i = 0; i < pending_.size();) {
      std::size_t end = i;
      while (end < pending_.size() && pending_[end].first == pending_[i].first) ++end;
      ++distinct;
      if (end - i > 1 || (pending_[i].second & kRun) != 0) in_runs += 1 + (end - i);
      i = end;
    }
    const auto slots =
        static_cast<std::size_t>(static_cast<double>(distinct) * std::max(1.5, slots_per_key));
    slots_.assign(std::max(slots, distinct + distinct / 2) + 1, Slot{});
    values_.clear();
    values_.reserve(in_runs);
    for (std::size_t i = 0; i < pending_.size();) {
      const std::uint64_t key = pending_[i].first;
      std::size_t end = i;
      while (end < pending_.size() && pending_[end].first == key) ++end;
      Slot slot{TagOf(key), pending_[i].second};
      if (end - i > 1 || (pending_[i].second & kRun) != 0) {
        slot.payload = static_cast<std::uint32_t>(values_.size()) | kRun;
        values_.push_back(static_cast<std::uint32_t>(end - i));
        for (std::size_t k = i; k < end; ++k) values_.push_back(pending_[k].second);
      }
      std::size_t at = HomeOf(key);
      while (slots_[at].tag != 0) at = at + 1 == slots_.size() ? 0 : at + 1;
      slots_[at] = slot;
      i = end;
    }
    pending_.clear();
    pending_.shrink_to_fit();
    tags_unique_ = TagsUnique();
  }

  // Starts loading the key's slot; a caller with many keys prefetches them all before
  // probing, so the cache misses overlap.
  void Prefetch(std::uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[HomeOf(key)]);
  }

  // Calls fn(value) for each value inserted under `key`, and for those of any other
  // key sharing its tag and probe run (rare; the caller verifies every value).
  template <typename Fn>
  void ForEach(std::uint64_t key, Fn&& fn) const {
    if (slots_.empty()) return;
    const std::uint32_t tag = TagOf(key);
    for (std::size_t at = HomeOf(key); slots_[at].tag != 0;
         at = at + 1 == slots_.size() ? 0 : at + 1) {
      if (slots_[at].tag != tag) continue;
      const std::uint32_t payload = slots_[at].payload;
      if ((payload & kRun) == 0) {
        fn(payload);
        if (tags_unique_) return;
        continue;
      }
      const std::uint32_t* run = values_.data() + (payload & ~kRun);
      for (std::uint32_t k = 1; k <= run[0]; ++k) fn(run[k]);
      // No other slot carries this tag: the rest of the run cannot hold more values.
      if (tags_unique_) return;
    }
  }

  std::size_t MemoryBytes() const {
    return slots_.capacity() * sizeof(Slot) + values_.capacity() * sizeof(std::uint32_t) +
           pending_.capacity() * sizeof(pending_[0]);
  }

 private:
  // payload: the key's one value, or with kRun set the offset in values_ of its run
  // (the count, then the values). A lone value with the bit set is kept as a run.
  static constexpr std::uint32_t kRun = 0x80000000u;
  struct Slot {
    std::uint32_t tag = 0;  // 0: empty
    std::uint32_t payload = 0;
  };

  static std::uint32_t TagOf(std::uint64_t key) {
    const auto tag = static_cast<std::uint32_t>(key >> 32);
    return tag == 0 ? 1 : tag;
  }
  // The low half of the key scaled to the table's size (no power of two needed).
  std::size_t HomeOf(std::uint64_t key) const {
    return static_cast<std::size_t>(((key & 0xffffffffULL) * slots_.size()) >> 32);
  }

  // True when no two keys share a tag (every table but the largest: tags are 32 bits),
  // so a lookup may stop at the first slot carrying its tag. Searching the probe run
  // on to its end cost most of a hit's probe at the table's two-thirds load.
  bool TagsUnique() const {
    std::vector<std::uint32_t> tags;
    tags.reserve(slots_.size());
    for (const Slot& slot : slots_) {
      if (slot.tag != 0) tags.push_back(slot.tag);
    }
    std::sort(tags.begin(), tags.end());
    return std::adjacent_find(tags.begin(), tags.end()) == tags.end();
  }

  std::vector<std::pair<std::uint64_t, std::uint32_t>> pending_;
  std::vector<Slot> slots_;
  bool tags_unique_ = false;
  std::vector<std::uint32_t> values_;
};

}  // namespace tollgate::screening
