// FlatMultiMap: an open-addressing hash table from 64-bit keys to 32-bit values that
// keeps every value inserted under a key. The index keeps its typo, phonetic, prefix
// and concatenation keys here as hashes only: callers verify each value they get
// back against the real strings, so a hash collision costs a check, never a wrong
// match.
//
// Thread-safety: concurrent ForEach calls are safe once inserts are finished.
// Failure: none (allocation failure throws std::bad_alloc).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace tollgate::screening {

// FNV-1a with a per-table seed, then a splitmix64 finish so that nearby strings land
// far apart in the table.
inline std::uint64_t HashKey(std::string_view text, std::uint64_t seed) {
  std::uint64_t h = 1469598103934665603ULL ^ seed;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

class FlatMultiMap {
 public:
  void Insert(std::uint64_t key, std::uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Place(key, value);
    ++size_;
  }

  // Starts loading the key's first slot; a caller with many keys prefetches them all
  // before probing, so the cache misses overlap.
  void Prefetch(std::uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & (slots_.size() - 1)]);
  }

  template <typename Fn>
  void ForEach(std::uint64_t key, Fn&& fn) const {
    if (slots_.empty()) return;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = key & mask; slots_[slot].key != 0; slot = (slot + 1) & mask) {
      if (slots_[slot].key == key) fn(slots_[slot].value);
    }
  }

  std::size_t size() const { return size_; }
  std::size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  // Key and value side by side: one cache line per probe.
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = 0;
  };

  void Place(std::uint64_t key, std::uint32_t value) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = key & mask;
    while (slots_[slot].key != 0) slot = (slot + 1) & mask;
    slots_[slot] = {key, value};
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.key != 0) Place(s.key, s.value);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace tollgate::screening
