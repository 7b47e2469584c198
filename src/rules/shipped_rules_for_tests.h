// The shipped rules (data/rules of the source tree), loaded once, for the unit tests of
// src/rules (TOLLGATE_SOURCE_DIR comes from CMake). A load failure fails the test that
// asked and leaves an empty RuleSet.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

#include "test_paths.h"
#include "tollgate/rules/rule_set.h"
#include "tollgate/storage/store.h"

namespace tollgate::rules::internal {

inline const RuleSet& ShippedRules() {
  static const RuleSet rules = [] {
    auto loaded = LoadRules(std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data" / "rules");
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return loaded.ok() ? *loaded : RuleSet();
  }();
  return rules;
}

// One list version "in force" since 2010, standing for the entries a test writes into
// its own index (each entry's own dates still apply).
inline std::vector<storage::ListVersion> WrittenInTheTestVersions(std::int64_t entry_count) {
  storage::ListVersion v;
  v.id = 1;
  v.feed = "test";
  v.as_of = *Date::Parse("2010-01-01");
  v.file_name = "written-in-the-test";
  v.entry_count = entry_count;
  return {v};
}

}  // namespace tollgate::rules::internal
