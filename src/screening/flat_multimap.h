// FlatMultiMap: a hash table from 64-bit keys to every 32-bit value inserted under
// them. The index keeps its typo, phonetic, prefix and concatenation keys here as
// hashes only: callers verify each value they get back against the real strings, so
// a hash collision costs a check, never a wrong match.
//
// Built in two steps: Insert collects pairs, Freeze lays them out once as an
// open-addressing table of distinct keys, each pointing at its run of values in one
// array (a popular key, such as a deletion shared by many words, is one probe).
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
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}
inline std::uint64_t HashKey(std::string_view text, std::uint64_t seed) {
  return FinishHash(HashRange(HashStart(seed), text));
}

class FlatMultiMap {
 public:
  void Insert(std::uint64_t key, std::uint32_t value) { pending_.push_back({key, value}); }

  void Freeze() {
    std::sort(pending_.begin(), pending_.end());
    pending_.erase(std::unique(pending_.begin(), pending_.end()), pending_.end());
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < pending_.size(); ++i) {
      distinct += i == 0 || pending_[i].first != pending_[i - 1].first;
    }
    std::size_t capacity = 16;
    while (capacity < 2 * distinct) capacity *= 2;
    slots_.assign(capacity, Slot{});
    values_.clear();
    values_.reserve(pending_.size());
    const std::size_t mask = capacity - 1;
    for (std::size_t i = 0; i < pending_.size();) {
      const std::uint64_t key = pending_[i].first;
      Slot slot{key, static_cast<std::uint32_t>(values_.size()), 0};
      for (; i < pending_.size() && pending_[i].first == key; ++i) {
        values_.push_back(pending_[i].second);
        ++slot.count;
      }
      std::size_t at = key & mask;
      while (slots_[at].key != 0) at = (at + 1) & mask;
      slots_[at] = slot;
    }
    pending_.clear();
    pending_.shrink_to_fit();
  }

  // Starts loading the key's slot; a caller with many keys prefetches them all before
  // probing, so the cache misses overlap.
  void Prefetch(std::uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & (slots_.size() - 1)]);
  }

  template <typename Fn>
  void ForEach(std::uint64_t key, Fn&& fn) const {
    if (slots_.empty()) return;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = key & mask; slots_[at].key != 0; at = (at + 1) & mask) {
      if (slots_[at].key != key) continue;
      const std::uint32_t* value = values_.data() + slots_[at].begin;
      for (std::uint32_t k = 0; k < slots_[at].count; ++k) fn(value[k]);
      return;
    }
  }

  std::size_t MemoryBytes() const {
    return slots_.capacity() * sizeof(Slot) + values_.capacity() * sizeof(std::uint32_t) +
           pending_.capacity() * sizeof(pending_[0]);
  }

 private:
  struct Slot {
    std::uint64_t key = 0;  // 0: empty (HashKey never returns 0)
    std::uint32_t begin = 0;
    std::uint32_t count = 0;
  };

  std::vector<std::pair<std::uint64_t, std::uint32_t>> pending_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> values_;
};

}  // namespace tollgate::screening
