#include "tollgate/rules/party_decisions.h"

#include <algorithm>

#include "tollgate/screening/normalize.h"

namespace tollgate::rules {

std::string PartyNameKey(std::string_view name) {
  std::string key;
  for (const auto& token : screening::TokenizeName(name)) {
    if (!key.empty()) key += ' ';
    key += token.canon;
  }
  return key;
}

void PartyDecisions::Add(const std::vector<std::string>& names, const std::string& country,
                         PartyDecision decision) {
  const std::size_t at = decisions_.size();
  decisions_.push_back({country, std::move(decision)});
  std::vector<std::string> keys;
  for (const auto& name : names) {
    std::string key = PartyNameKey(name);
    if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    by_name_[key].push_back(at);
    keys.push_back(std::move(key));
  }
}

std::vector<const PartyDecision*> PartyDecisions::For(std::string_view name,
                                                      std::string_view country) const {
  std::vector<const PartyDecision*> found;
  if (decisions_.empty()) return found;
  auto it = by_name_.find(PartyNameKey(name));
  if (it == by_name_.end()) return found;
  for (std::size_t at : it->second) {
    const Held& held = decisions_[at];
    // Two parties of one name in different countries are different parties.
    if (!country.empty() && !held.country.empty() && held.country != country) continue;
    found.push_back(&held.decision);
  }
  return found;
}

}  // namespace tollgate::rules
