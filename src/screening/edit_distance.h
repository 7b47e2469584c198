// Edit distance between two short tokens: optimal string alignment (Levenshtein plus
// transposition of adjacent letters, each edit costing 1), the measure behind the
// index's typo keys and the scorer's typo similarity.
//
// Thread-safety: pure functions.
// Failure: none; a distance above `max_distance` is reported as max_distance + 1.
#pragma once

#include <string_view>

namespace tollgate::screening {

// Bounded optimal-string-alignment distance; stops early once every path exceeds
// max_distance.
int BoundedOsaDistance(std::string_view a, std::string_view b, int max_distance);

}  // namespace tollgate::screening
