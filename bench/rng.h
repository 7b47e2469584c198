// A seeded random source whose sequence is the same on every platform and standard
// library: std::mt19937_64's output is fixed by the standard, the distributions are
// not, so the benchmark maps raw draws to ranges itself. Equal seeds give equal
// query mixes and generated lists, which is what makes two runs comparable.
//
// Thread-safety: none; one Rng per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>

namespace tollgate::bench {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t Next() { return engine_(); }
  // Uniform enough for n far below 2^64; the slight modulo bias does not matter here.
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
  // True with probability percent/100.
  bool Percent(unsigned percent) { return Below(100) < percent; }

  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace tollgate::bench
