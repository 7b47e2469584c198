// ListRules: what a screening match on each restricted list means for a determination
// (data/rules/list_rules.json): the Denied Persons List prohibits (a denial order,
// part 764); the Entity List requires a license for the items in the entry's License
// Requirement column under its review policy and bars license exceptions (§744.16);
// other lists stop the transaction for review. Also the screening thresholds.
//
// Thread-safety: immutable after construction; any number of threads may read it.
// Failure: For() never fails: a list without a rule in force gets the "other lists" rule.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/rules/dated.h"
#include "tollgate/rules/party.h"

namespace tollgate::rules {

enum class ListMeaning { kProhibited, kLicenseRequired, kReview };
// "prohibited", "license_required", "review".
const char* ListMeaningName(ListMeaning meaning);

struct ListRule {
  std::string list;  // "DPL", "EL", ...; "" for the rule of other lists
  ListMeaning meaning = ListMeaning::kReview;
  std::vector<PartyRole> roles;  // the roles the meaning applies to
  DateRange effective;
  Provenance source;
  // EL: License Requirement texts that mean every item subject to the EAR, compared
  // after dropping parenthetical references, case and trailing punctuation.
  std::vector<std::string> all_items_requirements;
  std::string exceptions_barred_citation;  // §744.16(b)
  std::string review_policy_citation;      // §744.16(c)

  bool AppliesToRole(PartyRole role) const;
  // True when `requirement` (an entry's License Requirement column) is one of
  // all_items_requirements.
  bool RequirementCoversAllItems(std::string_view requirement) const;
};

struct ScreeningPolicy {
  double block_threshold = 0.95;
  double review_threshold = 0.85;
  Provenance source;
};

class ListRules {
 public:
  ListRules() = default;
  ListRules(ScreeningPolicy screening, std::vector<ListRule> lists, ListRule other);

  const ScreeningPolicy& screening() const { return screening_; }
  const ListRule& For(std::string_view list, Date date) const;
  const std::vector<ListRule>& lists() const { return lists_; }

 private:
  ScreeningPolicy screening_;
  std::vector<ListRule> lists_;
  ListRule other_;
};

// "for all items subject to the ear" for "For all items subject to the EAR.  (See
// §744.11 of the EAR)": what RequirementCoversAllItems compares.
std::string NormalizeRequirementText(std::string_view text);

}  // namespace tollgate::rules
