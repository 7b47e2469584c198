// The store `tollgate check` works with, and with `--org ORG` the organization it
// checks for: the determinations apply that organization's dispositions of its own
// parties (issue 15, item 4: a false_positive clears, a true_match confirms) and are
// recorded as its own (15 CFR 762.2).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli_context.h"
#include "tollgate/rules/party_decisions.h"

namespace tollgate::cli {

struct CheckStore {
  std::unique_ptr<storage::Store> store;
  std::string organization;  // "" without --org
  rules::PartyDecisions decisions;
  const rules::PartyDecisions* DecisionsOrNull() const {
    return organization.empty() ? nullptr : &decisions;
  }
};

// Prints why not and sets `exit_code` when the store does not open, the organization
// is unknown (kNotFound) or its alerts cannot be read.
std::optional<CheckStore> OpenCheckStore(const Context& context, const std::string& org,
                                         int& exit_code);

}  // namespace tollgate::cli
