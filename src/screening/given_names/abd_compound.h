// Arabic given names built on "Abd" (servant of) written the ways the lists and
// queries write them: "Abd al-Aziz", "Abdel Aziz", "Abdul Aziz" and "Abdol Aziz" are
// one name, عبد العزيز (issue 16, item 1: "Abd al-/Abdul"). Romanizations write عبد and
// the article ال as "abd" and a separate article ("al", "el", "ar", ...: a particle of
// low weight), or as one word with the article's vowel and its l (Abdul, Abdel, Abdal,
// Abdol, Abdoul). All of these words share the canon "abdul", so "Abd al-Aziz" and
// "Abdul Aziz" align both their words exactly and differ only by the particle. The
// words stay where they are: a name written in another order, or with a word put
// between "abd" and its article, keeps its "abd".
//
// Thread-safety: pure functions.
// Failure: none; tokens without such a word are left as they are.
#pragma once

#include <string_view>
#include <vector>

#include "tollgate/screening/normalize.h"

namespace tollgate::screening {

// The canon the spellings of Abd share.
inline constexpr std::string_view kAbdCanon = "abdul";

// In place: a word token whose canon is "abd", "abdal", "abdel", "abdol", "abdoul" or
// "abdul" gets the canon "abdul" (its text stays as written). Words that only begin so
// ("abdullah", "abdallah": Abd Allah, a name of its own; "abdulaziz", which the
// joined-word lookups pair with "abdul aziz") are left as they are.
void CanonAbdSpellings(std::vector<NameToken>& tokens);

}  // namespace tollgate::screening
