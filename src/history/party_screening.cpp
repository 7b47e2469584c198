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

}  // namespace tollgate::history
