#include "tollgate/history/party_screening.h"

namespace tollgate::history {

storage::ScreeningRecord PartyScreeningRecord(const parties::Party& party,
                                              const parties::Screening& screening,
                                              const nlohmann::json& versions, double threshold,
                                              const Asker& asker) {
  storage::ScreeningRecord r = RecordBy(asker);
  r.name = party.name;
  r.country = party.country;
  r.type = lists::EntryTypeName(party.type);
  r.as_of = screening.as_of;
  r.threshold = threshold;
  r.top_score = screening.top_score;
  r.lists = versions;
  r.matches = screening.matches;
  r.outcome = OutcomeOf(!versions.empty(), !screening.matches.empty(), screening.top_score);
  return r;
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
