#include "rules/item_requirements.h"

#include <algorithm>
#include <iterator>

#include "rules/join.h"

namespace tollgate::rules::internal {

ItemRequirements ApplyCountryChart(const Catalog& catalog, const Classification& item,
                                   const CountryRules& country, const ChartRow& row) {
  ItemRequirements out;
  TraceStep step;
  step.step = "country_chart";
  step.citation = row.source.citation;
  step.check = row.source.check;
  step.facts = {{"eccn", item.eccn},
                {"controls", Join(item.controls, ", ")},
                {"destination", country.code},
                {"marked_columns", Join(row.marked, ", ")}};
  if (item.ear99) {
    // §734.3(c), §774.1: EAR99 is subject to the EAR but not on the CCL, so no chart
    // column can require a license; the Entity List and embargoes still can.
    step.step = "ear99";
    step.finding =
        "EAR99 is not on the Commerce Control List: the Country Chart requires no "
        "license to " +
        country.name;
    step.citation = item.source.citation;
    step.check = item.source.check;
    out.trace.push_back(std::move(step));
    return out;
  }
  std::vector<std::string> required;
  std::vector<std::string> not_required;
  std::vector<std::string> citations = {row.source.citation};
  for (const auto& control : item.controls) {
    const Reason* reason = catalog.ReasonFor(control);
    if (reason == nullptr) continue;  // the loader guarantees every control has a reason
    bool needed = false;
    if (!reason->columns.empty()) {
      needed = row.Marks(control);
    } else {
      const auto& except = reason->all_destinations_except;
      needed = std::find(except.begin(), except.end(), country.code) == except.end();
    }
    if (needed) {
      required.push_back(control);
      citations.push_back(reason->source.citation);
      out.requirements.push_back({kCountryChart, control,
                                  reason->name + ": " + reason->review_policy,
                                  reason->source.citation + "; " + row.source.citation});
    } else {
      not_required.push_back(control);
    }
  }
  if (required.empty()) {
    step.finding = item.eccn + " is controlled for " + Join(item.controls, ", ") + "; " +
                   country.name +
                   "'s Country Chart row marks none of them: no license required "
                   "by the Commerce Control List";
  } else {
    step.finding = item.eccn + " is controlled for " + Join(item.controls, ", ") + "; to " +
                   country.name + " a license is required for " + Join(required, ", ") +
                   (not_required.empty() ? "" : " (not for " + Join(not_required, ", ") + ")");
  }
  step.citation = Join(citations, "; ");
  out.trace.push_back(std::move(step));
  return out;
}

ItemRequirements RequirementsFor(const RuleSet& rules, const Classification& item,
                                 const CountryRules& country, Date date,
                                 const std::vector<ScreeningHit>& entity_list_hits) {
  ItemRequirements out;
  for (const auto& hit : entity_list_hits) {
    const ListRule& rule = rules.list_rules.For(hit.list, date);
    std::string basis = hit.list + ": " + hit.entry_name;
    if (!hit.federal_register.empty()) basis += " (" + Join(hit.federal_register, "; ") + ")";
    out.requirements.push_back(
        {kEntityList, basis,
         hit.license_policy.empty() ? "not stated in the entry" : hit.license_policy,
         rule.source.citation + "; " + rule.review_policy_citation});
    out.trace.push_back({"entity_list",
                         "'" + hit.party + "' (" + PartyRoleName(hit.role) +
                             ") is listed: a license is required for " + item.eccn +
                             " (all items subject to the EAR); review policy: " +
                             out.requirements.back().review_policy,
                         {{"entry", hit.entry_name},
                          {"license_requirement", hit.license_requirement},
                          {"federal_register", Join(hit.federal_register, "; ")}},
                         rule.source.citation + "; " + rule.review_policy_citation,
                         rule.source.check,
                         {}});
  }
  for (const Embargo* embargo : country.EmbargoesOn(date)) {
    bool applies = embargo->scope == EmbargoScope::kAllItems || !item.ear99;
    TraceStep step{"embargo",
                   "",
                   {{"destination", country.code}, {"eccn", item.eccn}},
                   embargo->source.citation,
                   embargo->source.check,
                   {}};
    if (applies) {
      out.requirements.push_back(
          {kEmbargo, country.code + " embargo", embargo->description, embargo->source.citation});
      step.finding = country.name + ": " + embargo->description + " (" + embargo->source.citation +
                     "): a license is required for " + item.eccn;
    } else {
      step.finding =
          country.name + ": " + embargo->description + "; " + item.eccn + " is outside its scope";
    }
    if (!embargo->source.note.empty()) step.facts.push_back({"note", embargo->source.note});
    out.trace.push_back(std::move(step));
  }
  const ChartRow* row = country.ChartOn(date);
  if (row != nullptr) {
    ItemRequirements chart = ApplyCountryChart(rules.catalog, item, country, *row);
    out.requirements.insert(out.requirements.end(), chart.requirements.begin(),
                            chart.requirements.end());
    out.trace.insert(out.trace.end(), std::make_move_iterator(chart.trace.begin()),
                     std::make_move_iterator(chart.trace.end()));
  }
  return out;
}

}  // namespace tollgate::rules::internal
