// The replay's random numbers: a seeded 64-bit Mersenne Twister (whose output the C++
// standard fixes) and the few distributions the simulation draws from, written out
// here so that one seed gives the same replay with any standard library.
//
// Thread-safety: one Rng per thread.
// Failure: none.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace tollgate::replay {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n); n > 0.
  int Below(int n) { return static_cast<int>(Uniform() * n); }
  bool Chance(double p) { return Uniform() < p; }
  // Exponential with the given mean.
  double Exponential(double mean) { return -mean * std::log(1.0 - Uniform()); }
  // Standard normal (Box-Muller).
  double Normal() {
    const double u = 1.0 - Uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * 3.14159265358979323846 * Uniform());
  }
  // Log-normal with the given median and shape (sigma of the log).
  double LogNormal(double median, double sigma) { return median * std::exp(sigma * Normal()); }

 private:
  std::mt19937_64 engine_;
};

}  // namespace tollgate::replay
