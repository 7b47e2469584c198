// The development set of issue 16, item 5 (secondary facts): listed individuals with a
// date of birth, queried with their name altered or not and a date of birth that
// agrees or contradicts, and clean names given a date of birth. bench/eval/README.md
// ("Secondary facts") states each rule.
//
// Thread-safety: plain functions; each call owns its data.
// Failure: none.
#pragma once

#include <vector>

#include "dev_set.h"

namespace tollgate::eval {

// The rows of the part: `entries` all loaded list entries, `index` their index.
std::vector<DevRow> RunFactsSet(const std::vector<lists::ListEntry>& entries,
                                const screening::Index& index);

// The years a listed date of birth names ("1960-03-04", "circa 1955", "1968 to 1969":
// every four-digit number from 1800 to 2100 in it).
std::vector<int> YearsIn(const std::string& date_of_birth);

}  // namespace tollgate::eval
