// The simulated reviewers' policy in the 2019 replay: what a BIS licensing officer, and
// each reviewing agency, concludes from an application for Huawei, and which criteria
// of the catalog (data/criteria.json) the conclusion applies. It reads only the form:
//
//   an item or the end use is for 5G             -> intent to deny: telecom_infrastructure_
//                                                   threat, presumption_of_denial
//   every item is mass-market (5A992.c, 5D992.c), -> approve: no_5g_contribution, and
//   shown widely available abroad (part 768), or    mass_market and/or non_sensitive_item
//   EAR99                                           (EAR99 or xx99x items only)
//   only some items are                           -> approve in part: those items
//   none is                                       -> intent to deny: presumption_of_denial,
//                                                   national_security_risk
//
// This is the reported shape of the 2019 decisions (approvals for cell-phone and
// non-electronic components and mass-market software; 5G and network equipment
// refused: DOMAIN.md §1), not a statement of BIS's actual policy, which was not
// published.
//
// Thread-safety: pure functions.
// Failure: none.
#pragma once

#include <string>
#include <vector>

#include "tollgate/licensing/application.h"

namespace tollgate::replay {

struct Assessment {
  bool approve = false;                       // else a notice of intent to deny
  std::vector<std::size_t> approvable_items;  // all of them: approve in whole
  bool in_part = false;
  std::vector<std::string> criteria;  // ids from data/criteria.json
  std::string reasoning;
};

Assessment Assess(const licensing::Application& application);

}  // namespace tollgate::replay
