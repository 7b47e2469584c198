#include "tollgate/alerts/decisions.h"

namespace tollgate::alerts {
namespace {

std::string TextAt(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

rules::PartyDecisions DecisionsOf(const std::vector<Alert>& alerts) {
  rules::PartyDecisions decisions;
  for (const Alert& alert : alerts) {
    if (alert.state != State::kDecided) continue;
    if (alert.disposition != Disposition::kTrueMatch &&
        alert.disposition != Disposition::kFalsePositive) {
      continue;
    }
    // The names the disposition was given about; the alert reopens when they change.
    std::vector<std::string> names{TextAt(alert.party_facts, "name")};
    if (names.front().empty()) names.front() = alert.party_name;
    if (auto aliases = alert.party_facts.find("aliases"); alert.party_facts.is_object() &&
                                                          aliases != alert.party_facts.end() &&
                                                          aliases->is_array()) {
      for (const auto& alias : *aliases) {
        if (alias.is_string()) names.push_back(alias.get<std::string>());
      }
    }
    rules::PartyDecision d;
    d.true_match = alert.disposition == Disposition::kTrueMatch;
    d.alert_id = alert.id;
    d.party_external_id = alert.party_external_id;
    d.party_name = alert.party_name;
    d.list = alert.list;
    d.entry_id = alert.entry_id;
    d.entry_name = alert.entry_name;
    d.screened_name = TextAt(alert.match, "party");
    d.decided_by = alert.decided_by;
    d.decided_at = alert.decided_at;
    d.comment = alert.comment;
    decisions.Add(names, TextAt(alert.party_facts, "country"), std::move(d));
  }
  return decisions;
}

Result<rules::PartyDecisions> DecisionsOf(storage::Store& store, const std::string& organization) {
  auto decided = store.DecidedAlerts(organization);
  if (!decided.ok()) return decided.error();
  return DecisionsOf(*decided);
}

}  // namespace tollgate::alerts
