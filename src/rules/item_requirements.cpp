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
  std::string controls = Join(item.controls, ", ");
  step.facts.reserve(4);
  step.facts.push_back({"eccn", item.eccn});
  step.facts.push_back({"controls", controls});
  step.facts.push_back({"destination", country.code});
  step.facts.push_back({"marked_columns", Join(row.marked, ", ")});
  if (item.ear99) {
    // §734.3(c), §774.1: EAR99 is subject to the EAR but not on the CCL, so no chart
    // column can require a license; the Entity List and embargoes still can.
    step.step = "ear99";
    step.finding = Concat(
        {"EAR99 is not on the Commerce Control List: the Country Chart requires no license to ",
         country.name});
    step.citation = item.source.citation;
    step.check = item.source.check;
    out.trace.push_back(std::move(step));
    return out;
  }
  std::vector<std::string_view> required;
  std::vector<std::string_view> not_required;
  std::vector<std::string_view> citations = {row.source.citation};
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
                                  Concat({reason->name, ": ", reason->review_policy}),
                                  Concat({reason->source.citation, "; ", row.source.citation})});
    } else {
      not_required.push_back(control);
    }
  }
  if (required.empty()) {
    step.finding = Concat({item.eccn, " is controlled for ", controls, "; ", country.name,
                           "'s Country Chart row marks none of them: no license required "
                           "by the Commerce Control List"});
  } else {
    std::string not_for = not_required.empty() ? "" : Join(not_required, ", ");
    step.finding = Concat({item.eccn, " is controlled for ", controls, "; to ", country.name,
                           " a license is required for ", Join(required, ", "),
                           not_required.empty() ? "" : " (not for ", not_for,
                           not_required.empty() ? "" : ")"});
  }
  step.citation = Join(citations, "; ");
  out.trace.push_back(std::move(step));
  return out;
}

ItemRequirements RequirementsFor(const RuleSet& rules, const Classification& item,
                                 const CountryRules& country, Date date,
                                 const std::vector<ScreeningHit>& entity_list_hits) {
  ItemRequirements out;
  // At most one step per hit and per embargo, then the chart's; requirements likewise,
  // plus one per control.
  out.trace.reserve(entity_list_hits.size() + country.embargoes.size() + 1);
  out.requirements.reserve(entity_list_hits.size() + country.embargoes.size() +
                           item.controls.size());
  for (const auto& hit : entity_list_hits) {
    const ListRule& rule = rules.list_rules.For(hit.list, date);
    std::string federal_register = Join(hit.federal_register, "; ");
    std::string basis = hit.federal_register.empty()
                            ? Concat({hit.list, ": ", hit.entry_name})
                            : Concat({hit.list, ": ", hit.entry_name, " (", federal_register, ")"});
    std::string citation = Concat({rule.source.citation, "; ", rule.review_policy_citation});
    out.requirements.push_back(
        {kEntityList, std::move(basis),
         hit.license_policy.empty() ? "not stated in the entry" : hit.license_policy, citation});
    TraceStep step;
    step.step = "entity_list";
    step.finding = Concat({"'", hit.party, "' (", PartyRoleName(hit.role),
                           ") is listed: a license is required for ", item.eccn,
                           " (all items subject to the EAR); review policy: ",
                           out.requirements.back().review_policy});
    step.facts.reserve(3);
    step.facts.push_back({"entry", hit.entry_name});
    step.facts.push_back({"license_requirement", hit.license_requirement});
    step.facts.push_back({"federal_register", std::move(federal_register)});
    step.citation = std::move(citation);
    step.check = rule.source.check;
    out.trace.push_back(std::move(step));
  }
  for (const Embargo& embargo : country.embargoes) {
    if (!embargo.effective.Contains(date)) continue;
    bool applies = embargo.scope == EmbargoScope::kAllItems || !item.ear99;
    TraceStep step;
    step.step = "embargo";
    step.facts.reserve(embargo.source.note.empty() ? 2 : 3);
    step.facts.push_back({"destination", country.code});
    step.facts.push_back({"eccn", item.eccn});
    step.citation = embargo.source.citation;
    step.check = embargo.source.check;
    if (applies) {
      out.requirements.push_back({kEmbargo, Concat({country.code, " embargo"}), embargo.description,
                                  embargo.source.citation});
      step.finding = Concat({country.name, ": ", embargo.description, " (", embargo.source.citation,
                             "): a license is required for ", item.eccn});
    } else {
      step.finding = Concat(
          {country.name, ": ", embargo.description, "; ", item.eccn, " is outside its scope"});
    }
    if (!embargo.source.note.empty()) step.facts.push_back({"note", embargo.source.note});
    out.trace.push_back(std::move(step));
  }
  const ChartRow* row = country.ChartOn(date);
  if (row != nullptr) {
    ItemRequirements chart = ApplyCountryChart(rules.catalog, item, country, *row);
    out.requirements.insert(out.requirements.end(),
                            std::make_move_iterator(chart.requirements.begin()),
                            std::make_move_iterator(chart.requirements.end()));
    out.trace.insert(out.trace.end(), std::make_move_iterator(chart.trace.begin()),
                     std::make_move_iterator(chart.trace.end()));
  }
  return out;
}

}  // namespace tollgate::rules::internal
