#include <set>

#include "rules/loaders.h"
#include "tollgate/common/country.h"

namespace tollgate::rules::internal {
CountryTable LoadCountries(const nlohmann::json& json, const std::string& file) {
  JsonObject root(json, file, "");
  root.OptionalString("about");
  std::vector<std::string> columns = root.StringArray("columns", true);
  std::set<std::string> known_columns(columns.begin(), columns.end());
  if (known_columns.size() != columns.size()) root.FailAt("columns", "a column is listed twice");

  std::vector<CountryRules> countries;
  std::set<std::string> codes;
  root.ForEachObject("countries", true, [&](JsonObject& object) {
    CountryRules country;
    country.code = object.RequiredString("code");
    auto iso = CountryByCode(country.code);
    if (!iso || iso->code != country.code) {
      object.FailAt("code",
                    "\"" + country.code + "\" is not an upper-case ISO 3166-1 alpha-2 code");
    }
    if (!codes.insert(country.code).second) {
      object.FailAt("code", "country " + country.code + " is listed twice");
    }
    country.name = object.RequiredString("name");

    std::vector<DatedFact> chart_facts;
    object.ForEachObject("chart", true, [&](JsonObject& item) {
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
    CheckNoOverlap(chart_facts, file, "Country Chart row");

    std::vector<DatedFact> group_facts;
    object.ForEachObject("groups", true, [&](JsonObject& item) {
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
    CheckNoOverlap(group_facts, file, "country group membership");

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
  root.Finish();
  return CountryTable(std::move(columns), std::move(countries));
}

}  // namespace tollgate::rules::internal
