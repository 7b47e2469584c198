#include <cctype>

#include "rules/loaders.h"

namespace tollgate::rules::internal {

void CheckNoOverlap(const std::vector<DatedFact>& facts, const std::string& file,
                    const std::string& what) {
  for (std::size_t later = 0; later < facts.size(); ++later) {
    for (std::size_t earlier = 0; earlier < later; ++earlier) {
      if (facts[earlier].key == facts[later].key &&
          facts[earlier].range.Overlaps(facts[later].range)) {
        Fail(file, facts[later].path,
             "overlapping windows: " + what + " '" + facts[later].key + "' " +
                 facts[later].range.ToString() + " overlaps " + facts[earlier].path + " (" +
                 facts[earlier].range.ToString() + ")");
      }
    }
  }
}

bool IsCountryGroupName(const std::string& name) {
  if (name.empty() || name[0] < 'A' || name[0] > 'E') return false;
  if (name.size() == 1) return true;
  if (name.size() < 3 || name[1] != ':') return false;
  for (std::size_t i = 2; i < name.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return false;
  }
  return true;
}

GroupExclusion ReadGroupExclusion(JsonObject& object) {
  GroupExclusion exclusion;
  exclusion.groups = object.StringArray("groups", true);
  for (std::size_t i = 0; i < exclusion.groups.size(); ++i) {
    if (!IsCountryGroupName(exclusion.groups[i])) {
      Fail(object.file(), object.PathOf("groups") + "/" + std::to_string(i),
           "unknown country group \"" + exclusion.groups[i] + "\" (expected e.g. \"E:1\")");
    }
  }
  exclusion.source = object.ReadProvenance();
  return exclusion;
}

std::vector<DatedCondition> ReadConditions(JsonObject& object) {
  std::vector<DatedCondition> conditions;
  object.ForEachObject("conditions", false, [&](JsonObject& item) {
    DatedCondition condition;
    condition.text = item.RequiredString("text");
    condition.effective = item.InlineRange(false);
    condition.source = item.ReadProvenance();
    conditions.push_back(std::move(condition));
  });
  return conditions;
}

}  // namespace tollgate::rules::internal
