#include "tollgate/forms/lists_json.h"

namespace tollgate::forms {

nlohmann::json VersionJson(const storage::ListVersion& version) {
  return {{"id", version.id},
          {"feed", version.feed},
          {"format", version.format},
          {"as_of", version.as_of.ToString()},
          {"imported_at", version.imported_at},
          {"file_name", version.file_name},
          {"sha256", version.sha256},
          {"entries", version.entry_count}};
}

nlohmann::json DiffJson(const std::string& feed, const storage::ListVersion& from,
                        const storage::ListVersion& to, const lists::ListDiff& diff) {
  nlohmann::json out = {{"feed", feed},
                        {"from", VersionJson(from)},
                        {"to", VersionJson(to)},
                        {"added", nlohmann::json::array()},
                        {"removed", nlohmann::json::array()},
                        {"changed", nlohmann::json::array()}};
  for (const auto& e : diff.added) out["added"].push_back(lists::ToJson(e));
  for (const auto& e : diff.removed) out["removed"].push_back(lists::ToJson(e));
  for (const auto& c : diff.changed) {
    out["changed"].push_back({{"before", lists::ToJson(c.before)},
                              {"after", lists::ToJson(c.after)},
                              {"fields", c.fields}});
  }
  return out;
}

}  // namespace tollgate::forms
