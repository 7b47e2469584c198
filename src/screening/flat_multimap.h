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
    if ((size_ + 1) * 2 > keys_.size()) Grow();
    Place(key, value);
    ++size_;
  }

  template <typename Fn>
  void ForEach(std::uint64_t key, Fn&& fn) const {
    if (keys_.empty()) return;
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t slot = key & mask; keys_[slot] != 0; slot = (slot + 1) & mask) {
      if (keys_[slot] == key) fn(values_[slot]);
    }
  }

  std::size_t size() const { return size_; }
  std::size_t MemoryBytes() const {
    return keys_.capacity() * sizeof(std::uint64_t) + values_.capacity() * sizeof(std::uint32_t);
  }

 private:
  void Place(std::uint64_t key, std::uint32_t value) {
    const std::size_t mask = keys_.size() - 1;
    std::size_t slot = key & mask;
    while (keys_[slot] != 0) slot = (slot + 1) & mask;
    keys_[slot] = key;
    values_[slot] = value;
  }

  void Grow() {
    std::vector<std::uint64_t> old_keys = std::move(keys_);
    std::vector<std::uint32_t> old_values = std::move(values_);
    const std::size_t capacity = old_keys.empty() ? 16 : old_keys.size() * 2;
    keys_.assign(capacity, 0);
    values_.assign(capacity, 0);
    for (std::size_t i = 0; i < old_keys.size(); ++i) {
      if (old_keys[i] != 0) Place(old_keys[i], old_values[i]);
    }
  }

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

}  // namespace tollgate::screening
