#include "replay/reviewer_policy.h"

#include <algorithm>

#include "replay/synthetic_stream.h"

namespace tollgate::replay {
namespace {

bool MentionsFiveG(const std::string& text) { return text.find("5G") != std::string::npos; }

bool MassMarket(const licensing::ApplicationItem& item) {
  return item.eccn.starts_with("5A992.c") || item.eccn.starts_with("5D992.c");
}

// EAR99, or an xx99x entry controlled for anti-terrorism reasons only.
bool NonSensitive(const licensing::ApplicationItem& item) {
  return item.eccn == "EAR99" ||
         (item.eccn.size() >= 5 && item.eccn[2] == '9' && item.eccn[3] == '9');
}

bool ShownAvailableAbroad(const licensing::Application& a, std::size_t index) {
  const std::string reference = ForeignAvailabilityReference(index);
  return std::find(a.documents.begin(), a.documents.end(), reference) != a.documents.end();
}

}  // namespace

Assessment Assess(const licensing::Application& a) {
  Assessment result;
  bool five_g = MentionsFiveG(a.end_use);
  for (const auto& item : a.items) five_g = five_g || MentionsFiveG(item.description);
  if (five_g) {
    result.criteria = {"telecom_infrastructure_threat", "presumption_of_denial"};
    result.reasoning =
        "SYNTHETIC reviewer: the items would support Huawei's 5G equipment or networks";
    return result;
  }
  bool mass_market = false;
  bool all_non_sensitive = true;
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const auto& item = a.items[i];
    const bool abroad = ShownAvailableAbroad(a, i);
    const bool massmarket = MassMarket(item);
    if (massmarket || abroad || item.eccn == "EAR99") {
      result.approvable_items.push_back(i);
      mass_market = mass_market || massmarket || abroad;
      all_non_sensitive = all_non_sensitive && NonSensitive(item);
    }
  }
  if (result.approvable_items.empty()) {
    result.criteria = {"presumption_of_denial", "national_security_risk"};
    result.reasoning =
        "SYNTHETIC reviewer: controlled items, not shown to be available abroad; the presumption "
        "of denial is not overcome";
    return result;
  }
  result.approve = true;
  result.in_part = result.approvable_items.size() < a.items.size();
  if (mass_market) result.criteria.push_back("mass_market");
  if (all_non_sensitive) result.criteria.push_back("non_sensitive_item");
  result.criteria.push_back("no_5g_contribution");
  result.reasoning = result.in_part
                         ? "SYNTHETIC reviewer: approved for the items that are mass-market, "
                           "widely available abroad or EAR99; the others are not"
                         : "SYNTHETIC reviewer: mass-market, widely available abroad or EAR99, "
                           "and no contribution to 5G";
  return result;
}

}  // namespace tollgate::replay
