// Words made from syllables, for the long tail of a large list's vocabulary. Real
// lists keep meeting new brand names ("HUAXIN", "NOVATEK") and surnames ("KARIMOV",
// "MIRZAKHANI"): 65k real names carry ~29k distinct tokens, while the fixed pools of
// name_tokens.h hold under a thousand. Without a tail, every token of a generated 1M
// list would sit in thousands of names, which measures posting-list length rather
// than a list of that size.
//
// Thread-safety: pure functions of the Rng passed in.
#pragma once

#include <string>

#include "rng.h"

namespace tollgate::bench {

// Two or three syllables, upper case: "NOVAREX". Frequent syllables come up more often,
// so some coined words recur across names and most are rare, as on real lists.
std::string CoinedWord(Rng& rng);

// A syllable root with a surname ending of the regions the lists cover:
// "KARIMOV", "TALENKO", "RAHIZADEH", "MORANESCU".
std::string CoinedSurname(Rng& rng);

}  // namespace tollgate::bench
