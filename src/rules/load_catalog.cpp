#include <cctype>
#include <set>

#include "rules/loaders.h"

namespace tollgate::rules::internal {
namespace {

bool IsParagraph(const std::string& text) {
  // "c", "a.1.a": lower-case alphanumeric segments.
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.') {
      if (text[i - 1] == '.') return false;
    } else if (!std::isdigit(static_cast<unsigned char>(c)) && !(c >= 'a' && c <= 'z')) {
      return false;
    }
  }
  return true;
}

}  // namespace

Catalog LoadCatalog(const nlohmann::json& json, const std::string& file,
                    const CountryTable& countries) {
  JsonObject root(json, file, "");
  root.OptionalString("about");
  std::set<std::string> chart_columns(countries.columns().begin(), countries.columns().end());

  std::vector<Reason> reasons;
  std::set<std::string> controls;  // every control code an ECCN may name
  std::set<std::string> reason_codes;
  root.ForEachObject("reasons", true, [&](JsonObject& object) {
    Reason reason;
    reason.code = object.RequiredString("code");
    if (!reason_codes.insert(reason.code).second) {
      object.FailAt("code", "reason " + reason.code + " is listed twice");
    }
    reason.name = object.RequiredString("name");
    reason.columns = object.StringArray("columns", true);
    for (std::size_t i = 0; i < reason.columns.size(); ++i) {
      const std::string& column = reason.columns[i];
      std::string path = object.PathOf("columns") + "/" + std::to_string(i);
      if (!chart_columns.contains(column)) {
        Fail(file, path, "unknown chart column \"" + column + "\" (not in countries.json)");
      }
      if (!controls.insert(column).second)
        Fail(file, path, "column " + column + " has two reasons");
    }
    reason.all_destinations_except = object.StringArray("all_destinations_except", false);
    if (reason.columns.empty()) {
      // A reason without a chart column applies everywhere but the listed countries.
      if (!object.Has("all_destinations_except")) {
        object.FailAt("all_destinations_except",
                      "a reason without chart columns must say where it applies");
      }
      controls.insert(reason.code);
    }
    reason.review_policy = object.RequiredString("review_policy");
    reason.effective = object.Effective();
    reason.source = object.ReadProvenance();
    reasons.push_back(std::move(reason));
  });

  auto read_controls = [&](JsonObject& object, bool required) {
    std::vector<std::string> out = object.StringArray("controls", required);
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (!controls.contains(out[i])) {
        Fail(file, object.PathOf("controls") + "/" + std::to_string(i),
             "unknown control \"" + out[i] + "\" (not a chart column or a reason of this file)");
      }
    }
    return out;
  };

  std::vector<EccnEntry> entries;
  std::vector<DatedFact> facts;
  root.ForEachObject("eccns", true, [&](JsonObject& object) {
    EccnEntry entry;
    entry.eccn = object.RequiredString("eccn");
    if (NormalizeEccn(entry.eccn) != entry.eccn || entry.eccn.size() != 5) {
      object.FailAt("eccn", "\"" + entry.eccn +
                                "\" is not an ECCN entry (EAR99 or e.g. 5D992; paragraphs go "
                                "under \"paragraphs\")");
    }
    entry.description = object.RequiredString("description");
    entry.controls = read_controls(object, true);
    entry.effective = object.Effective();
    entry.source = object.ReadProvenance();
    std::set<std::string> paragraph_names;
    object.ForEachObject("paragraphs", false, [&](JsonObject& item) {
      EccnParagraph paragraph;
      paragraph.paragraph = item.RequiredString("paragraph");
      if (!IsParagraph(paragraph.paragraph)) {
        item.FailAt("paragraph", "\"" + paragraph.paragraph +
                                     "\" is not a paragraph (lower-case segments such as c or "
                                     "a.1.a)");
      }
      if (!paragraph_names.insert(paragraph.paragraph).second) {
        item.FailAt("paragraph", "paragraph " + paragraph.paragraph + " is listed twice");
      }
      paragraph.description = item.RequiredString("description");
      paragraph.has_controls = item.Has("controls");
      paragraph.controls = read_controls(item, false);
      paragraph.source = item.ReadProvenance();
      entry.paragraphs.push_back(std::move(paragraph));
    });
    if (entry.eccn == "EAR99" && !entry.paragraphs.empty()) {
      object.FailAt("paragraphs", "EAR99 has no paragraphs");
    }
    facts.push_back({entry.eccn, entry.effective, object.path()});
    entries.push_back(std::move(entry));
  });
  CheckNoOverlap(facts, file, "ECCN");
  root.Finish();
  return Catalog(std::move(reasons), std::move(entries));
}

}  // namespace tollgate::rules::internal
