#include "coined_master.h"

#include <cctype>
#include <random>

namespace tollgate::bench {

std::vector<std::string> CoinedPartyNames(std::size_t count, std::uint64_t seed) {
  const std::vector<std::string> words = {
      "Global",    "Trading",    "Industrial", "Pacific", "Nordic",  "Systems", "Logistics",
      "Precision", "Components", "Marine",     "Aero",    "Digital", "Energy",  "Alpine",
      "Delta",     "Harbor",     "Summit",     "Vertex",  "Orion",   "Atlas"};
  const std::vector<std::string> suffixes = {"GmbH", "Ltd.",      "LLC", "S.A.",
                                             "B.V.", "Co., Ltd.", "AG",  "Inc."};
  const std::vector<std::string> syllables = {
      "ka", "ro",  "vex", "tal", "mi",   "sor", "den", "qua", "lin", "bra", "tek", "nor",
      "zu", "fel", "gar", "pi",  "ston", "hal", "vi",  "dro", "mex", "ta",  "ren", "col"};
  std::mt19937_64 random(seed);
  const auto pick = [&](const std::vector<std::string>& from) -> const std::string& {
    return from[random() % from.size()];
  };
  std::vector<std::string> names(count);
  for (std::string& name : names) {
    std::string brand;
    for (std::size_t k = 0, n = 2 + random() % 3; k < n; ++k) brand += pick(syllables);
    brand[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(brand[0])));
    const std::string& first = pick(words);
    std::string second = pick(words);
    while (second == first) second = pick(words);
    name = brand + " " + first + " " + second + " " + pick(suffixes);
  }
  return names;
}

}  // namespace tollgate::bench
