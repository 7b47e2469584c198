// The mark table of candidate generation: the names a query's lookups reached, with
// what they reached of each (token positions, query tokens, weight), from which
// score_bound.h bounds each name's score.
//
// Thread-safety: one table per thread (candidates.cpp keeps it in thread_local
// scratch). Failure: none.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "screening/index_impl.h"

namespace tollgate::screening {

// The names the current query reached, with their marks: the token positions reached,
// the query tokens that reached them, and the weight of the distinctive tokens reached
// (a float: the bounds allow for its rounding, score_bound.h). An open-addressing table over the
// few hundred names a query reaches stays in the nearest caches; an array over every name of the
// index put each mark on a cache line of its own, and on a shared machine those lines are rarely
// still cached from one query to the next.
class MarkTable {
 public:
  struct Entry {
    std::uint32_t name = 0;
    std::uint32_t query_tokens = 0;
    std::uint64_t positions = 0;
    float reached = 0;
    std::uint32_t slot = 0;  // where the table points at it
    // Every token of the name that a term reaches is marked (a walk bounded it from its
    // posting's PostingWords); otherwise MarkUnwalked completes the marks.
    bool complete = false;
    NameWeights weights;  // the name's, copied from the posting that reached it
  };

  // Reached names, in the order they were first reached.
  std::vector<Entry>& entries() { return entries_; }
  const std::vector<Entry>& entries() const { return entries_; }

  Entry* Find(std::uint32_t name) {
    if (slots_.empty()) return nullptr;
    for (std::size_t at = Home(name);; at = (at + 1) & mask_) {
      const std::uint32_t k = slots_[at];
      if (k == 0) return nullptr;
      if (entries_[k - 1].name == name) return &entries_[k - 1];
    }
  }

  // The entry of `name`, added with `weights` when it has none; valid until the next
  // addition.
  Entry& FindOrAdd(std::uint32_t name, const NameWeights& weights) {
    if (Entry* found = Find(name)) return *found;
    return Add({name, 0, 0, 0, 0, false, weights});
  }

  // Adds `marks` unless its name has an entry (one bounded complete from a posting is
  // the same from each of the name's postings).
  void AddOnce(const Entry& marks) {
    if (Find(marks.name) == nullptr) Add(marks);
  }

  void Prefetch(std::uint32_t name) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(name)]);
  }

  void Clear() {
    for (const Entry& e : entries_) slots_[e.slot] = 0;
    entries_.clear();
  }

 private:
  std::size_t Home(std::uint32_t name) const {
    return static_cast<std::size_t>((name * 0x9e3779b97f4a7c15ULL) >> shift_);
  }

  Entry& Add(const Entry& marks) {
    if (2 * (entries_.size() + 1) > slots_.size()) Grow();
    std::size_t at = Home(marks.name);
    while (slots_[at] != 0) at = (at + 1) & mask_;
    entries_.push_back(marks);
    entries_.back().slot = static_cast<std::uint32_t>(at);
    slots_[at] = static_cast<std::uint32_t>(entries_.size());
    return entries_.back();
  }

  void Grow() {
    const std::size_t size = std::max<std::size_t>(1024, 2 * slots_.size());
    slots_.assign(size, 0);
    mask_ = size - 1;
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(size));
    for (std::size_t k = 0; k < entries_.size(); ++k) {
      std::size_t at = Home(entries_[k].name);
      while (slots_[at] != 0) at = (at + 1) & mask_;
      slots_[at] = static_cast<std::uint32_t>(k + 1);
      entries_[k].slot = static_cast<std::uint32_t>(at);
    }
  }

  std::vector<std::uint32_t> slots_;  // 1 + index into entries_, 0 when empty
  std::vector<Entry> entries_;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
};

// The mark of the token at position `posting & 63` of a name (postings pack name <<
// kPositionBits | position).
inline std::uint64_t PositionBit(std::uint32_t posting) {
  return std::uint64_t{1} << (posting & ((1u << kPositionBits) - 1));
}

// Adds to `marks` the name positions `position` reached by `query_tokens`; `weight`
// (that of the distinctive token there, 0 for the others) counts once per position.
inline void Update(MarkTable::Entry& marks, std::uint64_t position, std::uint32_t query_tokens,
                   double weight) {
  if (!(marks.positions & position)) marks.reached += static_cast<float>(weight);
  marks.positions |= position;
  marks.query_tokens |= query_tokens;
}

}  // namespace tollgate::screening
