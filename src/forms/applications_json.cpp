#include "tollgate/forms/applications_json.h"

#include "tollgate/licensing/application_json.h"

namespace tollgate::forms {

nlohmann::json ScreeningMatchJson(const storage::ScreeningMatchRecord& m) {
  return {{"seq", m.seq},           {"screened_on", m.screened_on.ToString()},
          {"reason", m.reason},     {"role", m.role},
          {"party", m.party},       {"list", m.list},
          {"entry_id", m.entry_id}, {"match", m.detail}};
}

nlohmann::json DeadlineJson(const licensing::Deadline& d) {
  nlohmann::json out = {{"kind", licensing::DeadlineKindName(d.kind)},
                        {"what", d.what},
                        {"due", d.due.ToString()},
                        {"days_left", d.days_left},
                        {"overdue", d.overdue()},
                        {"citation", d.citation},
                        {"check", d.check}};
  if (d.agency) out["agency"] = licensing::AgencyName(*d.agency);
  return out;
}

nlohmann::json ApplicationJson(const licensing::Application& application,
                               const std::vector<storage::TimelineEntry>& timeline,
                               const std::vector<licensing::Deadline>& due) {
  nlohmann::json out = {{"application", licensing::ToJson(application)},
                        {"timeline", nlohmann::json::array()},
                        {"due", nlohmann::json::array()}};
  for (const auto& t : timeline) {
    out["timeline"].push_back({{"seq", t.seq},
                               {"on", t.on.ToString()},
                               {"recorded_at", t.recorded_at},
                               {"from", licensing::StateName(t.from)},
                               {"to", licensing::StateName(t.to)},
                               {"event", licensing::ToJson(t.event)}});
  }
  for (const auto& d : due) out["due"].push_back(DeadlineJson(d));
  return out;
}

}  // namespace tollgate::forms
