#include "tollgate/rules/authorizations.h"

#include <algorithm>
#include <cctype>

namespace tollgate::rules {

const Window* GeneralLicense::WindowOn(Date date) const {
  for (const auto& window : windows) {
    if (window.in_force.Contains(date)) return &window;
  }
  return nullptr;
}

const ActivityWindow* GeneralLicense::ActivityOn(std::string_view activity, Date date) const {
  for (const auto& window : activities) {
    if (window.activity == activity && window.effective.Contains(date)) return &window;
  }
  return nullptr;
}

bool GeneralLicense::AppliesToEntry(std::string_view list_code,
                                    const std::vector<std::string>& federal_register) const {
  if (list_code != list) return false;
  // A citation may carry a page range or a date ("84 FR 22961, 5/21/19"): compare the
  // "<volume> FR <page>" prefix.
  for (const auto& cited : federal_register) {
    for (const auto& wanted : entries_cited) {
      if (cited.compare(0, wanted.size(), wanted) == 0 &&
          (cited.size() == wanted.size() ||
           !std::isdigit(static_cast<unsigned char>(cited[wanted.size()])))) {
        return true;
      }
    }
  }
  return false;
}

bool LicenseException::EligibleEccn(std::string_view entry_eccn) const {
  if (std::find(eccns.begin(), eccns.end(), entry_eccn) != eccns.end()) return true;
  // The product group is the ECCN's second character (15 CFR 738.2(c)): D = software.
  if (entry_eccn.size() == 5 && entry_eccn != "EAR99") {
    std::string group(1, entry_eccn[1]);
    return std::find(product_groups.begin(), product_groups.end(), group) != product_groups.end();
  }
  return false;
}

std::vector<const DatedCondition*> ConditionsOn(const std::vector<DatedCondition>& conditions,
                                                Date date) {
  std::vector<const DatedCondition*> out;
  for (const auto& condition : conditions) {
    if (condition.effective.Contains(date)) out.push_back(&condition);
  }
  return out;
}

}  // namespace tollgate::rules
