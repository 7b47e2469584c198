#include "tollgate/forms/screening_json.h"

#include "tollgate/forms/lists_json.h"
#include "tollgate/lists/entry.h"

namespace tollgate::forms {

std::string NoListInForceMessage(Date as_of) {
  return "no list version is in force on " + as_of.ToString() +
         ": nothing was screened (import a list, or see `tollgate lists status`)";
}

void AddListsSearched(nlohmann::json& out, Date as_of,
                      const std::vector<storage::ListVersion>& versions) {
  out["lists_in_force"] = versions.size();
  out["lists_searched"] = nlohmann::json::array();
  for (const auto& v : versions) out["lists_searched"].push_back(VersionJson(v));
  out["warnings"] = nlohmann::json::array();
  if (versions.empty()) {
    out["warnings"].push_back(
        {{"code", "no_list_in_force"}, {"message", NoListInForceMessage(as_of)}});
  }
}

std::string ListsSearchedText(const std::vector<storage::ListVersion>& versions) {
  if (versions.empty()) return "none";
  std::string out;
  for (const auto& v : versions) {
    out += (out.empty() ? "" : "; ") + v.feed + " version " + std::to_string(v.id) + " of " +
           v.as_of.ToString() + " (" + std::to_string(v.entry_count) + " entries)";
  }
  return out;
}

nlohmann::json MatchJson(const screening::Match& match) {
  const auto& e = *match.entry;
  nlohmann::json alignment = nlohmann::json::array();
  for (const auto& t : match.alignment) {
    alignment.push_back({{"query_token", t.query_token},
                         {"entry_token", t.entry_token},
                         {"kind", t.kind},
                         {"similarity", t.similarity},
                         {"weight", t.weight}});
  }
  return {
      {"score", match.score},
      {"name_score", match.name_score},
      {"list", e.list},
      {"entry_id", e.entry_id},
      {"type", lists::EntryTypeName(e.type)},
      {"name", e.name},
      {"matched_name", match.matched_name},
      {"matched_alias", match.matched_alias},
      {"federal_register", e.federal_register},
      {"license_requirement", e.license_requirement},
      {"license_policy", e.license_policy},
      {"start_date", e.start_date ? nlohmann::json(e.start_date->ToString()) : nlohmann::json()},
      {"end_date", e.end_date ? nlohmann::json(e.end_date->ToString()) : nlohmann::json()},
      {"programs", e.programs},
      {"addresses", lists::ToJson(e)["addresses"]},
      {"explanation", match.explanation},
      {"alignment", alignment},
      {"adjustments", match.adjustments},
  };
}

nlohmann::json MatchesJson(const std::vector<screening::Match>& matches) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : matches) out.push_back(MatchJson(m));
  return out;
}

nlohmann::json ScreenJson(Date as_of, const std::vector<storage::ListVersion>& versions,
                          const std::vector<screening::Match>& matches, const std::string* query) {
  nlohmann::json out = {{"as_of", as_of.ToString()}};
  if (query != nullptr) out["query"] = *query;
  AddListsSearched(out, as_of, versions);
  out["matches"] = MatchesJson(matches);
  return out;
}

}  // namespace tollgate::forms
