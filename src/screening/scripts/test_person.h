// A listed individual holding one name, for the script tests' small indexes.
//
// Thread-safety: a pure function. Failure: none.
#pragma once

#include <string>

#include "tollgate/lists/entry.h"

namespace tollgate::screening::script_tests {

inline lists::ListEntry Person(const std::string& name) {
  lists::ListEntry entry;
  entry.list = "TEST";
  entry.entry_id = name;
  entry.type = lists::EntryType::kIndividual;
  entry.name = name;
  return entry;
}

}  // namespace tollgate::screening::script_tests
