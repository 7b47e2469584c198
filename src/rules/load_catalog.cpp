#include <cctype>
#include <map>
#include <memory>
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

namespace {

ControlMode ReadMode(JsonObject& object) {
  std::string mode = object.RequiredString("mode");
  if (mode == "entire") return ControlMode::kEntire;
  if (mode == "only") return ControlMode::kOnly;
  if (mode == "except") return ControlMode::kExcept;
  object.FailAt("mode", "unknown mode \"" + mode + "\" (entire, only or except)");
  return ControlMode::kEntire;
}

std::string Available(const std::vector<EntryException>& exceptions) {
  std::string out;
  for (const auto& ex : exceptions) {
    if (ex.status == "no") continue;
    if (!out.empty()) out += ", ";
    out += ex.code;
    if (ex.value_limit) out += " ($" + std::to_string(*ex.value_limit) + ")";
    if (ex.status == "partial") out += " (partial)";
  }
  return out;
}

// data/rules/ccl.json, written by scripts/convert_ear.py: every entry of 15 CFR 774
// Supp. 1, in force from the edition's date.
std::vector<EccnEntry> LoadCcl(const nlohmann::json& json, const std::string& file,
                               const std::set<std::string>& chart_columns) {
  JsonObject root(json, file, "");
  root.OptionalString("about");
  std::string edition = root.RequiredString("edition");
  DateRange effective = root.Effective();
  std::vector<EccnEntry> entries;
  root.ForEachObject("eccns", true, [&](JsonObject& object) {
    EccnEntry entry;
    entry.eccn = object.RequiredString("eccn");
    if (NormalizeEccn(entry.eccn) != entry.eccn || entry.eccn.size() != 5 ||
        entry.eccn == "EAR99") {
      object.FailAt("eccn", "\"" + entry.eccn + "\" is not a CCL entry (e.g. 3A001)");
    }
    entry.description = object.RequiredString("heading");
    entry.effective = effective;
    entry.source.citation = object.RequiredString("citation");
    auto ccl = std::make_shared<CclEntry>();
    ccl->edition = edition;
    ccl->reserved = object.OptionalBool("reserved", false);
    ccl->itar = object.OptionalBool("itar", false);
    ccl->series600 = object.OptionalBool("series600", false);
    ccl->series515 = object.OptionalBool("series515", false);
    ccl->paragraph_letters = object.OptionalString("paragraph_letters");
    object.ForEachObject("controls", true, [&](JsonObject& item) {
      CclControl control;
      control.reason = item.RequiredString("reason");
      control.columns = item.StringArray("columns", true);
      for (std::size_t i = 0; i < control.columns.size(); ++i) {
        if (!chart_columns.contains(control.columns[i])) {
          Fail(file, item.PathOf("columns") + "/" + std::to_string(i),
               "unknown chart column \"" + control.columns[i] + "\"");
        }
      }
      control.mode = ReadMode(item);
      control.paragraphs = item.StringArray("paragraphs", true);
      control.special = item.OptionalBool("special", false);
      control.chart_text = item.OptionalString("chart_text");
      control.scope = item.OptionalString("scope");
      if (item.Has("decision")) {
        JsonObject decision = item.Object("decision");
        control.decided = true;
        SpecialDecision& d = control.decision;
        d.pattern = decision.RequiredString("pattern");
        d.worldwide = decision.OptionalBool("worldwide", false);
        d.countries = decision.StringArray("countries", false);
        d.groups = decision.StringArray("groups", false);
        d.except_groups = decision.StringArray("except_groups", false);
        d.except_countries = decision.StringArray("except_countries", false);
        d.chart_footnote = decision.OptionalString("chart_footnote");
        d.citation = decision.OptionalString("citation");
        for (const auto* list : {&d.groups, &d.except_groups}) {
          for (const auto& group : *list) {
            if (!IsCountryGroupName(group)) {
              decision.FailAt("groups", "unknown country group \"" + group + "\"");
            }
          }
        }
        decision.Finish();
      }
      ccl->controls.push_back(std::move(control));
    });
    object.ForEachObject("license_exceptions", true, [&](JsonObject& item) {
      EntryException ex;
      ex.code = item.RequiredString("code");
      ex.status = item.RequiredString("status");
      if (ex.status != "yes" && ex.status != "no" && ex.status != "partial" &&
          ex.status != "value") {
        item.FailAt("status", "unknown status \"" + ex.status + "\" (yes, no, partial, value)");
      }
      if (item.Has("value_limit")) {
        ex.value_limit = static_cast<std::int64_t>(item.RequiredNumber("value_limit"));
      }
      ccl->license_exceptions.push_back(std::move(ex));
    });
    ccl->available_exceptions = Available(ccl->license_exceptions);
    entry.ccl = std::move(ccl);
    entries.push_back(std::move(entry));
  });
  root.Finish();
  return entries;
}

}  // namespace

Catalog LoadCatalog(const nlohmann::json& json, const std::string& file,
                    const nlohmann::json& ccl_json, const std::string& ccl_file,
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
  std::vector<EccnEntry> ccl =
      LoadCcl(ccl_json, ccl_file,
              std::set<std::string>(countries.columns().begin(), countries.columns().end()));
  std::map<std::string, std::size_t> by_eccn;
  for (const auto& entry : ccl) {
    if (!by_eccn.emplace(entry.eccn, entries.size()).second) {
      Fail(ccl_file, "", "ECCN " + entry.eccn + " is listed twice");
    }
    facts.push_back({entry.eccn, entry.effective, "ccl.json " + entry.eccn});
    entries.push_back(entry);
  }
  // Hand-written paragraphs the CCL's data does not describe (the 2019 story's mass
  // market 5D992.c and 5A992.c), attached to the CCL entry they belong to.
  root.ForEachObject("paragraphs", false, [&](JsonObject& item) {
    std::string eccn = item.RequiredString("eccn");
    auto found = by_eccn.find(eccn);
    if (found == by_eccn.end()) item.FailAt("eccn", "ECCN " + eccn + " is not in ccl.json");
    EccnEntry& entry = entries[found->second];
    EccnParagraph paragraph;
    paragraph.paragraph = item.RequiredString("paragraph");
    if (!IsParagraph(paragraph.paragraph)) {
      item.FailAt("paragraph", "\"" + paragraph.paragraph + "\" is not a paragraph");
    }
    for (const auto& p : entry.paragraphs) {
      if (p.paragraph == paragraph.paragraph) {
        item.FailAt("paragraph", eccn + "." + paragraph.paragraph + " is listed twice");
      }
    }
    paragraph.description = item.RequiredString("description");
    paragraph.has_controls = item.Has("controls");
    paragraph.controls = read_controls(item, false);
    paragraph.source = item.ReadProvenance();
    entry.paragraphs.push_back(std::move(paragraph));
  });
  CheckNoOverlap(facts, file, "ECCN");
  root.Finish();
  return Catalog(std::move(reasons), std::move(entries));
}

}  // namespace tollgate::rules::internal
