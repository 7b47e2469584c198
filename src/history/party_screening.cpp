#include "tollgate/history/party_screening.h"

namespace tollgate::history {

storage::ScreeningRecord PartyScreeningRecord(const parties::Party& party,
                                              const parties::Screening& screening,
                                              const nlohmann::json& versions, double threshold,
                                              const Asker& asker) {
  storage::ScreeningRecord r;
  AssignPartyScreeningRecord(r, party, screening, versions, threshold, asker);
  return r;
}

void AssignPartyScreeningRecord(storage::ScreeningRecord& r, const parties::Party& party,
                                const parties::Screening& screening, const nlohmann::json& versions,
                                double threshold, const Asker& asker) {
  r.id = 0;
  r.recorded_at.clear();
  r.requested_by = asker.requested_by;
  r.organization = asker.organization;
  r.channel = asker.channel;
  r.name = party.name;
  r.country = party.country;
  r.type = lists::EntryTypeName(party.type);
  r.as_of = screening.as_of;
  r.threshold = threshold;
  r.top_score = screening.top_score;
  // Comparing the versions allocates nothing; copying them allocates every node.
  if (r.lists != versions) r.lists = versions;
  r.matches = screening.matches;
  r.outcome = OutcomeOf(!versions.empty(), !screening.matches.empty(), screening.top_score);
}

storage::ScreeningRecord ClearedPartiesRecord(const std::vector<const parties::Party*>& cleared,
                                              const std::string& as_of,
                                              const nlohmann::json& versions, double threshold,
                                              const Asker& asker) {
  storage::ScreeningRecord r = RecordBy(asker);
  for (const auto* party : cleared) {
    if (!r.name.empty()) r.name += "; ";
    r.name += party->name;
  }
  r.as_of = as_of;
  r.threshold = threshold;
  r.lists = versions;
  r.matches = nlohmann::json::array();
  r.outcome = OutcomeOf(!versions.empty(), false, 0);
  return r;
}

}  // namespace tollgate::history
