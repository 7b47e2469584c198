#include "screening/given_names/abd_compound.h"

#include <algorithm>
#include <array>
#include <string>

namespace tollgate::screening {
namespace {

// عبد alone and with its article as one word: abd, the article's vowel, its l.
constexpr std::array<std::string_view, 6> kAbdSpellings = {"abd",   "abdal",  "abdel",
                                                           "abdol", "abdoul", "abdul"};

}  // namespace

void CanonAbdSpellings(std::vector<NameToken>& tokens) {
  for (NameToken& token : tokens) {
    if (token.token_class != TokenClass::kWord || token.canon.size() < 3 ||
        token.canon.compare(0, 3, "abd") != 0) {
      continue;  // most words: one comparison
    }
    if (std::find(kAbdSpellings.begin(), kAbdSpellings.end(), token.canon) != kAbdSpellings.end()) {
      token.canon = std::string(kAbdCanon);
    }
  }
}

}  // namespace tollgate::screening
