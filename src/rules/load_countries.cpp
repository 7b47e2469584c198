#include <map>
#include <set>

#include "rules/loaders.h"
#include "tollgate/common/country.h"

namespace tollgate::rules::internal {
namespace {

// "code": an upper-case ISO 3166-1 alpha-2 code.
std::string ReadCountryCode(JsonObject& object) {
  std::string code = object.RequiredString("code");
  auto iso = CountryByCode(code);
  if (!iso || iso->code != code) {
    object.FailAt("code", "\"" + code + "\" is not an upper-case ISO 3166-1 alpha-2 code");
  }
  return code;
}

std::vector<DatedRule> ReadDatedRules(JsonObject& object, const char* key) {
  std::vector<DatedRule> out;
  object.ForEachObject(key, false, [&](JsonObject& item) {
    DatedRule rule;
    rule.effective = item.Effective();
    rule.source = item.ReadProvenance();
    out.push_back(std::move(rule));
  });
  return out;
}

// The generated 2026 rows (country_chart.json), by country code.
std::map<std::string, CountryRules> LoadChart(const nlohmann::json& json, const std::string& file,
                                              const std::vector<std::string>& columns) {
  JsonObject root(json, file, "");
  root.OptionalString("about");
  root.RequiredString("edition");
  DateRange effective = root.Effective();
  if (root.StringArray("columns", true) != columns) {
    root.FailAt("columns", "the chart's columns differ from countries.json's");
  }
  JsonObject footnotes = root.Object("footnotes");
  for (int i = 1; footnotes.Has(std::to_string(i)); ++i)
    footnotes.RequiredString(std::to_string(i));
  footnotes.Finish();
  std::set<std::string> known_columns(columns.begin(), columns.end());
  std::map<std::string, CountryRules> out;
  root.ForEachObject("countries", true, [&](JsonObject& object) {
    CountryRules country;
    country.code = ReadCountryCode(object);
    country.name = object.RequiredString("name");
    country.footnotes = object.StringArray("footnotes", true);
    ChartRow row;
    row.marked = object.StringArray("marked", true);
    for (const auto& column : row.marked) {
      if (!known_columns.contains(column)) object.FailAt("marked", "unknown column " + column);
    }
    row.effective = effective;
    row.source.citation = object.RequiredString("citation");
    country.chart.push_back(std::move(row));
    GroupMembership groups;
    groups.groups = object.StringArray("groups", true);
    for (const auto& group : groups.groups) {
      if (!IsCountryGroupName(group)) object.FailAt("groups", "unknown country group " + group);
    }
    groups.effective = effective;
    groups.source.citation = object.RequiredString("groups_citation");
    country.groups.push_back(std::move(groups));
    std::string code = country.code;
    if (!out.emplace(code, std::move(country)).second) {
      object.FailAt("code", "country " + code + " is listed twice");
    }
  });
  root.Finish();
  return out;
}

}  // namespace

CountryTable LoadCountries(const nlohmann::json& json, const std::string& file,
                           const nlohmann::json& chart_json, const std::string& chart_file) {
  JsonObject root(json, file, "");
  root.OptionalString("about");
  std::vector<std::string> columns = root.StringArray("columns", true);
  std::set<std::string> known_columns(columns.begin(), columns.end());
  if (known_columns.size() != columns.size()) root.FailAt("columns", "a column is listed twice");
  std::map<std::string, CountryRules> generated = LoadChart(chart_json, chart_file, columns);

  std::vector<CountryRules> countries;
  std::set<std::string> codes;
  root.ForEachObject("countries", true, [&](JsonObject& object) {
    CountryRules country;
    country.code = ReadCountryCode(object);
    if (!codes.insert(country.code).second) {
      object.FailAt("code", "country " + country.code + " is listed twice");
    }
    country.name = object.RequiredString("name");

    // The hand-written facts keep their dates; the 2026 edition's row and groups follow
    // them (the overlap checks below keep the two from both claiming a date).
    auto edition = generated.find(country.code);
    std::vector<DatedFact> chart_facts;
    object.ForEachObject("chart", false, [&](JsonObject& item) {
      ChartRow row;
      row.marked = item.StringArray("marked", true);
      for (std::size_t i = 0; i < row.marked.size(); ++i) {
        if (!known_columns.contains(row.marked[i])) {
          Fail(file, item.PathOf("marked") + "/" + std::to_string(i),
               "unknown chart column \"" + row.marked[i] + "\"");
        }
      }
      row.effective = item.Effective();
      row.source = item.ReadProvenance();
      chart_facts.push_back({country.code, row.effective, item.path()});
      country.chart.push_back(std::move(row));
    });
    if (edition != generated.end()) {
      for (auto& row : edition->second.chart) {
        chart_facts.push_back({country.code, row.effective, chart_file + " " + country.code});
        country.chart.push_back(row);
      }
    }
    if (country.chart.empty()) object.FailAt("chart", "no chart row here or in " + chart_file);
    CheckNoOverlap(chart_facts, file, "Country Chart row");

    std::vector<DatedFact> group_facts;
    object.ForEachObject("groups", false, [&](JsonObject& item) {
      GroupMembership membership;
      membership.groups = item.StringArray("groups", true);
      for (std::size_t i = 0; i < membership.groups.size(); ++i) {
        if (!IsCountryGroupName(membership.groups[i])) {
          Fail(file, item.PathOf("groups") + "/" + std::to_string(i),
               "unknown country group \"" + membership.groups[i] + "\"");
        }
      }
      membership.effective = item.Effective();
      membership.source = item.ReadProvenance();
      group_facts.push_back({country.code, membership.effective, item.path()});
      country.groups.push_back(std::move(membership));
    });
    if (edition != generated.end()) {
      for (auto& membership : edition->second.groups) {
        group_facts.push_back(
            {country.code, membership.effective, chart_file + " " + country.code});
        country.groups.push_back(membership);
      }
      country.footnotes = edition->second.footnotes;
      generated.erase(edition);
    }
    CheckNoOverlap(group_facts, file, "country group membership");
    country.anti_terrorism = ReadDatedRules(object, "anti_terrorism");
    country.russia_belarus = ReadDatedRules(object, "russia_belarus");

    std::vector<DatedFact> embargo_facts;
    object.ForEachObject("embargoes", false, [&](JsonObject& item) {
      Embargo embargo;
      std::string scope = item.RequiredString("scope");
      if (scope == "all_items") {
        embargo.scope = EmbargoScope::kAllItems;
      } else if (scope == "ccl_items") {
        embargo.scope = EmbargoScope::kCclItems;
      } else {
        item.FailAt("scope", "unknown scope \"" + scope + "\" (all_items or ccl_items)");
      }
      embargo.description = item.RequiredString("description");
      embargo.effective = item.Effective();
      embargo.source = item.ReadProvenance();
      embargo_facts.push_back({country.code, embargo.effective, item.path()});
      country.embargoes.push_back(std::move(embargo));
    });
    CheckNoOverlap(embargo_facts, file, "embargo");
    countries.push_back(std::move(country));
  });
  // Destinations with no hand-written fact: the 2026 edition alone.
  for (auto& [code, country] : generated) {
    if (!codes.insert(code).second) Fail(chart_file, "", "country " + code + " is listed twice");
    countries.push_back(std::move(country));
  }
  root.Finish();
  return CountryTable(std::move(columns), std::move(countries));
}

}  // namespace tollgate::rules::internal
