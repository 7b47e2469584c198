#include "rules/item_requirements.h"

#include <algorithm>
#include <iterator>

#include "rules/join.h"

namespace tollgate::rules::internal {

void ApplyCountryChart(const Catalog& catalog, const Classification& item,
                       const CountryRules& country, const ChartRow& row, ItemRequirements& out) {
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
    return;
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
}

void AddEntityListRequirements(const RuleSet& rules, const Classification& item, Date date,
                               const std::vector<ScreeningHit>& entity_list_hits,
                               std::vector<Requirement>& requirements,
                               std::vector<TraceStep>& trace) {
  for (const auto& hit : entity_list_hits) {
    const ListRule& rule = rules.list_rules.For(hit.list, date);
    std::string federal_register = Join(hit.federal_register, "; ");
    std::string basis = hit.federal_register.empty()
                            ? Concat({hit.list, ": ", hit.entry_name})
                            : Concat({hit.list, ": ", hit.entry_name, " (", federal_register, ")"});
    std::string citation = Concat({rule.source.citation, "; ", rule.review_policy_citation});
    requirements.push_back(
        {kEntityList, std::move(basis),
         hit.license_policy.empty() ? "not stated in the entry" : hit.license_policy, citation});
    TraceStep step;
    step.step = "entity_list";
    step.finding = Concat(
        {"'", hit.party, "' (", PartyRoleName(hit.role), ") is listed: a license is required for ",
         item.eccn,
         " (all items subject to the EAR); review policy: ", requirements.back().review_policy});
    step.facts.reserve(3);
    step.facts.push_back({"entry", hit.entry_name});
    step.facts.push_back({"license_requirement", hit.license_requirement});
    step.facts.push_back({"federal_register", std::move(federal_register)});
    step.citation = std::move(citation);
    step.check = rule.source.check;
    trace.push_back(std::move(step));
  }
}

Result<ItemRules> ItemRulesFor(const RuleSet& rules, std::string_view eccn,
                               const CountryRules& country, Date date) {
  auto classification = rules.catalog.Classify(eccn, date);
  if (!classification.ok()) return classification.error();
  ItemRules out;
  out.classification = std::move(classification).value();
  const Classification& item = out.classification;
  std::string controls = Join(item.controls, ", ");
  TraceStep& classify = out.classify;
  classify.step = "classify";
  classify.finding =
      Concat({item.eccn, ": ", item.description,
              item.controls.empty() ? "; no reasons for control" : "; controlled for ", controls});
  classify.facts.reserve(4);
  classify.facts.push_back({"eccn", item.eccn});
  classify.facts.push_back({"entry", item.entry});
  classify.facts.push_back({"paragraph", item.paragraph});
  classify.facts.push_back({"controls", std::move(controls)});
  classify.citation = item.source.citation;
  classify.check = item.source.check;
  ItemRequirements& destination = out.destination;
  destination.trace.reserve(country.embargoes.size() + 1);
  destination.requirements.reserve(country.embargoes.size() + item.controls.size());
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
      destination.requirements.push_back({kEmbargo, Concat({country.code, " embargo"}),
                                          embargo.description, embargo.source.citation});
      step.finding = Concat({country.name, ": ", embargo.description, " (", embargo.source.citation,
                             "): a license is required for ", item.eccn});
    } else {
      step.finding = Concat(
          {country.name, ": ", embargo.description, "; ", item.eccn, " is outside its scope"});
    }
    if (!embargo.source.note.empty()) step.facts.push_back({"note", embargo.source.note});
    destination.trace.push_back(std::move(step));
  }
  const ChartRow* row = country.ChartOn(date);
  if (row != nullptr) ApplyCountryChart(rules.catalog, item, country, *row, destination);
  return out;
}

}  // namespace tollgate::rules::internal
