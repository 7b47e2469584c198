#include "coined_words.h"

#include <array>
#include <span>
#include <string_view>

namespace tollgate::bench {
namespace {

constexpr std::array kSyllables = std::to_array<std::string_view>({
    "HUA", "XIN", "TAI",  "KE",   "DA",  "NO",  "VA",  "TEK", "ROS", "PROM", "MA",  "SAN",
    "AT",  "PAR", "SE",   "PEHR", "KOR", "YO",  "MI",  "RAE", "TRA", "MAR",  "OP",  "TI",
    "VEK", "TOR", "ZE",   "NITH", "AL",  "TA",  "SI",  "RIO", "PO",  "LA",   "GLO", "BAL",
    "TEX", "ME",  "GA",   "TRON", "NEX", "US",  "OR",  "BIT", "EL",  "EK",   "DY",  "NAM",
    "IK",  "SUN", "LI",   "RA",   "KA",  "RIM", "HA",  "SA",  "NI",  "ZA",   "DEH", "FAR",
    "BO",  "REX", "QUAN", "TUM",  "VOL", "GAR", "DON", "TEN", "JIN", "LONG", "FU",  "HAI",
});

constexpr std::array kSurnameEndings = std::to_array<std::string_view>({
    "OV",  "EV",  "IN",   "ENKO", "UK",  "CHUK", "SKY",   "I",      "ZADEH", "PUR",
    "IAN", "YAN", "ESCU", "EZ",   "ANI", "AWI",  "ULLAH", "SHVILI", "OGLU",  "ER",
});

// Skewed towards the front of the table: the minimum of two uniform draws.
std::string_view Skewed(Rng& rng, std::span<const std::string_view> items) {
  const std::size_t a = rng.Below(items.size());
  const std::size_t b = rng.Below(items.size());
  return items[a < b ? a : b];
}

}  // namespace

std::string CoinedWord(Rng& rng) {
  std::string word;
  const std::size_t syllables = rng.Percent(60) ? 2 : 3;
  for (std::size_t i = 0; i < syllables; ++i) word.append(Skewed(rng, kSyllables));
  return word;
}

std::string CoinedSurname(Rng& rng) {
  std::string word;
  const std::size_t syllables = rng.Percent(70) ? 2 : 1;
  for (std::size_t i = 0; i < syllables; ++i) word.append(Skewed(rng, kSyllables));
  word.append(Skewed(rng, kSurnameEndings));
  return word;
}

}  // namespace tollgate::bench
