// Does an authorization cover an item's license requirements? (private to src/rules)
// Pure functions, one per kind: a specific license the exporter holds (part 750), a
// general license such as the Huawei TGL (part 744, Supp. No. 7), a license exception
// (part 740). Each answers with whether it covers, why (or why not) in one sentence,
// and the conditions that come with it.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "tollgate/licensing/license.h"
#include "tollgate/rules/determination.h"
#include "tollgate/rules/rule_set.h"

namespace tollgate::rules::internal {

struct Coverage {
  bool covers = false;
  std::string why;
  std::string citation;
  bool check = false;
  std::vector<Condition> conditions;
};

// A specific license covers an item when it is active and valid on the date, for the
// destination, lists the item's ECCN (or an ancestor: a license for 5D992 covers
// 5D992.c), names every party of the transaction in the same role, and has enough
// quantity and value remaining. Unknown amounts are covered with a condition to stay
// within what remains. The caller has already matched the holder to the exporter.
Coverage LicenseCovers(const licensing::License& license, const Transaction& tx, const Item& item,
                       const Classification& classification);

// A general license covers an Entity List requirement when it applies to the entry,
// a window is in force on the date, the destination is not in an excluded group, and
// the declared activity is within its scope on the date.
Coverage GeneralLicenseCovers(const GeneralLicense& gl, const ScreeningHit& entity_list_hit,
                              const Transaction& tx, const CountryRules& country);

// A license exception covers Country Chart requirements when it is in effect, the ECCN
// is eligible, any required activity is declared, the destination is not excluded, and
// it covers every control that requires a license. The caller checks it is not barred
// (§744.16(b), embargoes).
Coverage ExceptionCovers(const LicenseException& exception, const Classification& item,
                         const std::vector<std::string>& required_controls, const Transaction& tx,
                         const CountryRules& country);

}  // namespace tollgate::rules::internal
