// The shipped rules (data/rules of the source tree), loaded once, for the unit tests of
// src/rules (TOLLGATE_SOURCE_DIR comes from CMake). A load failure fails the test that
// asked and leaves an empty RuleSet.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

#include "tollgate/rules/rule_set.h"

namespace tollgate::rules::internal {

inline const RuleSet& ShippedRules() {
  static const RuleSet rules = [] {
    auto loaded = LoadRules(std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data" / "rules");
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return loaded.ok() ? *loaded : RuleSet();
  }();
  return rules;
}

}  // namespace tollgate::rules::internal
