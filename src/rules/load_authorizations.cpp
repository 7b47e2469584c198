#include <algorithm>
#include <cctype>
#include <set>

#include "rules/loaders.h"

namespace tollgate::rules::internal {
namespace {

bool IsActivityName(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string RequiredActivity(JsonObject& object, const char* key,
                             const std::vector<Activity>& activities) {
  std::string name = object.RequiredString(key);
  bool known = std::any_of(activities.begin(), activities.end(),
                           [&](const Activity& a) { return a.name == name; });
  if (!known) object.FailAt(key, "unknown activity \"" + name + "\" (not in activities.json)");
  return name;
}

// Windows of one general license: overlaps are allowed only where the later window
// names the earlier in "supersedes" (an extension that took effect before the previous
// window ended); from its start the later one governs, so the earlier is cut short.
void ResolveWindows(std::vector<Window>& windows, const std::vector<std::string>& paths,
                    const std::string& file) {
  for (std::size_t i = 0; i < windows.size(); ++i) {
    Window& later = windows[i];
    if (!later.supersedes.empty()) {
      auto it = std::find_if(windows.begin(), windows.end(),
                             [&](const Window& w) { return w.id == later.supersedes; });
      if (it == windows.end() || &*it == &later) {
        Fail(file, paths[i] + "/supersedes",
             "no earlier window with id \"" + later.supersedes + "\"");
      }
      if (!(*it->published.from < *later.published.from)) {
        Fail(file, paths[i] + "/supersedes",
             "window \"" + later.supersedes + "\" does not start before this one");
      }
    }
    for (std::size_t j = 0; j < windows.size(); ++j) {
      if (j == i || !windows[j].published.Overlaps(later.published)) continue;
      const Window& earlier = windows[j];
      if (*later.published.from < *earlier.published.from) continue;  // checked from the other side
      if (later.supersedes != earlier.id) {
        Fail(file, paths[i],
             "overlapping windows: \"" + later.id + "\" " + later.published.ToString() +
                 " overlaps \"" + earlier.id + "\" " + earlier.published.ToString() +
                 " and does not name it in \"supersedes\"");
      }
    }
  }
  for (auto& window : windows) window.in_force = window.published;
  for (const auto& later : windows) {
    if (later.supersedes.empty()) continue;
    for (auto& earlier : windows) {
      if (earlier.id == later.supersedes && earlier.published.Overlaps(later.published)) {
        earlier.in_force.to = later.published.from->AddDays(-1);
      }
    }
  }
}

}  // namespace

std::vector<Activity> LoadActivities(const nlohmann::json& json, const std::string& file) {
  JsonObject root(json, file, "");
  root.OptionalString("about");
  std::vector<Activity> activities;
  std::set<std::string> names;
  root.ForEachObject("activities", true, [&](JsonObject& object) {
    Activity activity;
    activity.name = object.RequiredString("name");
    if (!IsActivityName(activity.name)) {
      object.FailAt("name", "\"" + activity.name + "\" must be lower-case letters, digits and _");
    }
    if (!names.insert(activity.name).second) {
      object.FailAt("name", "activity " + activity.name + " is listed twice");
    }
    activity.description = object.RequiredString("description");
    if (!object.Has("citation"))
      object.FailAt("citation", "missing citation: every fact needs one");
    activity.citation = object.RequiredString("citation");
    activities.push_back(std::move(activity));
  });
  root.Finish();
  return activities;
}

std::vector<GeneralLicense> LoadGeneralLicenses(const nlohmann::json& json, const std::string& file,
                                                const std::vector<Activity>& activities) {
  JsonObject root(json, file, "");
  root.OptionalString("about");
  std::vector<GeneralLicense> licenses;
  std::set<std::string> ids;
  root.ForEachObject("general_licenses", true, [&](JsonObject& object) {
    GeneralLicense gl;
    gl.id = object.RequiredString("id");
    if (!ids.insert(gl.id).second)
      object.FailAt("id", "general license " + gl.id + " is listed twice");
    gl.name = object.RequiredString("name");
    gl.source = object.ReadProvenance();

    JsonObject applies = object.Object("applies_to");
    gl.list = applies.RequiredString("list");
    gl.entries_cited = applies.StringArray("entries_cited", true);
    if (gl.entries_cited.empty())
      applies.FailAt("entries_cited", "must name at least one citation");
    gl.applies_source = applies.ReadProvenance();
    applies.Finish();

    std::vector<std::string> window_paths;
    std::set<std::string> window_ids;
    object.ForEachObject("windows", true, [&](JsonObject& item) {
      Window window;
      window.id = item.RequiredString("id");
      if (!window_ids.insert(window.id).second)
        item.FailAt("id", "window " + window.id + " is listed twice");
      window.published = item.InlineRange(true);
      if (!window.published.to) item.FailAt("to", "a window needs its end date");
      window.supersedes = item.OptionalString("supersedes");
      window.source = item.ReadProvenance();
      window_paths.push_back(item.path());
      gl.windows.push_back(std::move(window));
    });
    if (gl.windows.empty()) object.FailAt("windows", "needs at least one window");
    ResolveWindows(gl.windows, window_paths, file);

    std::vector<DatedFact> activity_facts;
    object.ForEachObject("activities", true, [&](JsonObject& item) {
      ActivityWindow window;
      window.activity = RequiredActivity(item, "activity", activities);
      window.effective = item.InlineRange(true);
      window.scope = item.OptionalString("scope");
      window.source = item.ReadProvenance();
      activity_facts.push_back({window.activity, window.effective, item.path()});
      gl.activities.push_back(std::move(window));
    });
    CheckNoOverlap(activity_facts, file, "activity");

    JsonObject excluded = object.Object("excluded_country_groups");
    gl.excluded = ReadGroupExclusion(excluded);
    excluded.Finish();
    gl.conditions = ReadConditions(object);
    gl.outside_scope = object.RequiredString("outside_scope");
    licenses.push_back(std::move(gl));
  });
  root.Finish();
  return licenses;
}

std::vector<LicenseException> LoadLicenseExceptions(const nlohmann::json& json,
                                                    const std::string& file, const Catalog& catalog,
                                                    const std::vector<Activity>& activities) {
  JsonObject root(json, file, "");
  root.OptionalString("about");
  std::vector<LicenseException> exceptions;
  std::vector<DatedFact> facts;
  root.ForEachObject("license_exceptions", true, [&](JsonObject& object) {
    LicenseException ex;
    ex.code = object.RequiredString("code");
    ex.paragraph = object.RequiredString("paragraph");
    ex.name = object.RequiredString("name");
    ex.source = object.ReadProvenance();
    ex.effective = object.Effective();
    ex.eccns = object.StringArray("eccns", false);
    for (std::size_t i = 0; i < ex.eccns.size(); ++i) {
      bool known = std::any_of(catalog.entries().begin(), catalog.entries().end(),
                               [&](const EccnEntry& e) { return e.eccn == ex.eccns[i]; });
      if (!known) {
        Fail(file, object.PathOf("eccns") + "/" + std::to_string(i),
             "unknown ECCN \"" + ex.eccns[i] + "\" (not in catalog.json)");
      }
    }
    ex.product_groups = object.StringArray("product_groups", false);
    for (std::size_t i = 0; i < ex.product_groups.size(); ++i) {
      const std::string& group = ex.product_groups[i];
      if (group.size() != 1 || group[0] < 'A' || group[0] > 'E') {
        Fail(file, object.PathOf("product_groups") + "/" + std::to_string(i),
             "\"" + group + "\" is not a product group (A-E)");
      }
    }
    if (ex.eccns.empty() && ex.product_groups.empty()) {
      object.FailAt("eccns", "an exception needs eligible \"eccns\" or \"product_groups\"");
    }
    if (object.Has("activity")) ex.activity = RequiredActivity(object, "activity", activities);
    ex.covers_controls = object.StringArray("covers_controls", true);
    for (std::size_t i = 0; i < ex.covers_controls.size(); ++i) {
      if (catalog.ReasonFor(ex.covers_controls[i]) == nullptr) {
        Fail(file, object.PathOf("covers_controls") + "/" + std::to_string(i),
             "unknown control \"" + ex.covers_controls[i] + "\"");
      }
    }
    JsonObject excluded = object.Object("excluded_country_groups");
    ex.excluded = ReadGroupExclusion(excluded);
    excluded.Finish();
    ex.conditions = ReadConditions(object);
    facts.push_back({ex.code + " " + ex.paragraph, ex.effective, object.path()});
    exceptions.push_back(std::move(ex));
  });
  CheckNoOverlap(facts, file, "license exception");
  root.Finish();
  return exceptions;
}

}  // namespace tollgate::rules::internal
