// ListsOf: a list of values for each of n keys (tokens, low tokens), laid out once as
// one array of values and the offset where each key's list begins. The index keeps
// per-token neighbour lists this way (phonetic, typo, abbreviation partners), so that a
// query reads a word's neighbours as one contiguous run.
//
// Thread-safety: read-only after Build; shared by all threads.
// Failure: none (allocation failure throws std::bad_alloc).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace tollgate::screening {

template <typename T>
class ListsOf {
 public:
  // Calls `fill(key, out)` for each key in 0..count-1; what it appends to `out` is that
  // key's list.
  template <typename Fill>
  static ListsOf Build(std::size_t count, Fill&& fill) {
    ListsOf lists;
    lists.begin_.reserve(count + 1);
    for (std::size_t key = 0; key < count; ++key) {
      lists.begin_.push_back(static_cast<std::uint32_t>(lists.values_.size()));
      fill(key, lists.values_);
    }
    lists.begin_.push_back(static_cast<std::uint32_t>(lists.values_.size()));
    lists.values_.shrink_to_fit();
    return lists;
  }

  std::span<const T> Of(std::size_t key) const {
    return std::span<const T>(values_).subspan(begin_[key], begin_[key + 1] - begin_[key]);
  }

  std::size_t MemoryBytes() const {
    return begin_.capacity() * sizeof(std::uint32_t) + values_.capacity() * sizeof(T);
  }

 private:
  std::vector<std::uint32_t> begin_;  // size count + 1
  std::vector<T> values_;
};

}  // namespace tollgate::screening
