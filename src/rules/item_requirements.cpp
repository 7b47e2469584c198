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

namespace {

bool Has(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Whether a special control whose text names destinations reaches `country` (the
// patterns of scripts/convert_ear.py; e.g. 15 CFR 742.6(a)(6)(iii)(B): "the United Arab
// Emirates or ... Country Groups D:1, D:4, and D:5 ..., excluding any destination also
// specified in Country Groups A:5 or A:6").
bool SpecialRequires(const SpecialDecision& d, const CountryRules& country,
                     const GroupMembership* groups) {
  if (Has(d.except_countries, country.code)) return false;
  if (Has(d.countries, country.code) || d.worldwide) return true;
  if (!d.chart_footnote.empty() && Has(country.footnotes, d.chart_footnote)) return true;
  if (groups == nullptr) return false;
  for (const auto& g : d.except_groups) {
    if (groups->Contains(g)) return false;
  }
  return std::any_of(d.groups.begin(), d.groups.end(),
                     [&](const std::string& g) { return groups->Contains(g); });
}

// "3A001.b.2 or b.3", "3A001.z.1.a, z.2.a or z.3.a".
std::string ParagraphsText(const std::string& entry, const CclControl& control) {
  if (control.paragraphs.empty()) return Concat({entry, " within '", control.scope, "'"});
  std::string out = entry + "." + control.paragraphs.front();
  for (std::size_t i = 1; i < control.paragraphs.size(); ++i) {
    out += i + 1 == control.paragraphs.size() ? " or " : ", ";
    out += control.paragraphs[i];
  }
  return out;
}

std::string ReviewPolicy(const Catalog& catalog, const CclControl& control,
                         const std::string& citation) {
  const Reason* reason = catalog.ReasonFor(control.reason);
  if (reason != nullptr) return Concat({reason->name, ": ", reason->review_policy});
  return Concat({control.reason, " controls: see ", citation});
}

// What the regulation's words say when the chart cannot: the chart text itself, or the
// scope when the source has no chart text.
const std::string& ControlText(const CclControl& control) {
  return control.chart_text.empty() ? control.scope : control.chart_text;
}

// The special controls that apply to the item, the paragraph-limited ones it could fall
// under, and whether those would require a license to the destination.
void ApplyCclControls(const Catalog& catalog, const Classification& item,
                      const CountryRules& country, const ChartRow* row,
                      const GroupMembership* groups, ItemRules& out) {
  const CclEntry& ccl = *item.ccl;
  const std::string& citation = item.source.citation;
  ItemRequirements& destination = out.destination;
  std::vector<std::string> conditional_reviews;
  for (std::size_t index : item.conditional) {
    const CclControl& control = ccl.controls[index];
    std::string paragraphs = ParagraphsText(item.entry, control);
    std::string columns = control.columns.empty() ? "special" : Join(control.columns, ", ");
    std::string required = "no";
    if (!control.columns.empty()) {
      for (const auto& column : control.columns) {
        if (row != nullptr && row->Marks(column)) required = "yes";
      }
    } else if (control.decided) {
      if (SpecialRequires(control.decision, country, groups)) required = "yes";
    } else {
      required = "unknown";
    }
    std::string what = control.columns.empty()
                           ? Concat({control.reason, " (", ControlText(control), ")"})
                           : columns;
    std::string finding =
        Concat({"if the item is ", paragraphs, ": ", what,
                required == "yes"  ? Concat({" requires a license to ", country.name})
                : required == "no" ? Concat({" requires no license to ", country.name})
                                   : " is not decided by the chart for " + country.name});
    TraceStep step;
    step.step = "paragraph_control";
    step.finding = std::move(finding);
    step.facts.push_back({"paragraphs", control.paragraphs.empty()
                                            ? control.scope
                                            : Join(control.paragraphs, ", ")});
    step.facts.push_back({"columns", columns});
    step.facts.push_back({"required", required});
    step.citation = control.decided && !control.decision.citation.empty()
                        ? Concat({citation, "; ", control.decision.citation})
                        : citation;
    destination.trace.push_back(std::move(step));
    if (required != "no") {
      conditional_reviews.push_back(
          Concat({"if the item is ", paragraphs, ", ", what,
                  required == "yes" ? " requires a license to " : " may require a license to ",
                  country.name, ": give the item's paragraph to decide (", citation, ")"}));
    }
  }
  for (std::size_t index : item.applying) {
    const CclControl& control = ccl.controls[index];
    if (!control.special || !control.columns.empty()) continue;  // the chart decides it
    TraceStep step;
    step.step = "special_control";
    step.facts.push_back({"reason", control.reason});
    step.facts.push_back({"chart_text", control.chart_text});
    step.facts.push_back({"decided", control.decided ? "yes" : "no"});
    std::string basis = Concat({control.reason, " ", item.entry});
    if (control.decided) {
      std::string cited = control.decision.citation.empty()
                              ? citation
                              : Concat({citation, "; ", control.decision.citation});
      step.citation = cited;
      if (SpecialRequires(control.decision, country, groups)) {
        destination.requirements.push_back(
            {kSpecialControl, basis, ReviewPolicy(catalog, control, cited), cited});
        step.finding = Concat(
            {basis, ": '", control.chart_text, "': a license is required to ", country.name});
      } else {
        step.finding = Concat({basis, ": '", control.chart_text, "': ", country.name,
                               " is not among the destinations named"});
      }
    } else {
      // Never NO_LICENSE_REQUIRED on a control the engine could not read.
      step.citation = citation;
      step.finding = Concat({basis,
                             ": the Country Chart does not decide this control and its "
                             "text names no destination the engine can read: '",
                             ControlText(control), "'"});
      out.review_reasons.push_back(Concat({basis, " is not decided by the Country Chart: '",
                                           ControlText(control), "' (", citation, ")"}));
    }
    destination.trace.push_back(std::move(step));
  }
  // A paragraph-limited control matters when the rest require no license (were one
  // required anyway, the application would name the paragraph).
  bool required_otherwise = !destination.requirements.empty();
  if (!required_otherwise) {
    out.review_reasons.insert(out.review_reasons.end(), conditional_reviews.begin(),
                              conditional_reviews.end());
  }
}

// 15 CFR 742.8 (Iran), 742.9 (Syria), 742.19 (North Korea): items controlled for AT
// need a license to these destinations; the source's chart leaves the AT cells blank.
void ApplyAntiTerrorism(const Catalog& catalog, const Classification& item,
                        const CountryRules& country, Date date, ItemRequirements& out) {
  for (const DatedRule& rule : country.anti_terrorism) {
    if (!rule.effective.Contains(date)) continue;
    std::vector<std::string_view> at;
    for (const auto& control : item.controls) {
      if (control == "AT1" || control == "AT2") at.push_back(control);
    }
    if (at.empty()) continue;
    const Reason* reason = catalog.ReasonFor("AT1");
    for (std::string_view column : at) {
      out.requirements.push_back({kAntiTerrorism, std::string(column),
                                  reason != nullptr
                                      ? Concat({reason->name, ": see ", rule.source.citation})
                                      : Concat({"see ", rule.source.citation}),
                                  rule.source.citation});
    }
    TraceStep step;
    step.step = "anti_terrorism";
    step.finding = Concat({item.eccn, " is controlled for ", Join(at, ", "), "; ", country.name,
                           " is a destination of the anti-terrorism controls (",
                           rule.source.citation, "): a license is required"});
    step.facts.push_back({"destination", country.code});
    step.facts.push_back({"columns", Join(at, ", ")});
    step.citation = rule.source.citation;
    step.check = rule.source.check;
    out.trace.push_back(std::move(step));
  }
}

}  // namespace

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
  classify.facts.reserve(6);
  classify.facts.push_back({"eccn", item.eccn});
  classify.facts.push_back({"entry", item.entry});
  classify.facts.push_back({"paragraph", item.paragraph});
  classify.facts.push_back({"controls", std::move(controls)});
  classify.facts.push_back({"heading", item.heading});
  if (item.ccl) classify.facts.push_back({"license_exceptions", item.ccl->available_exceptions});
  classify.citation = item.source.citation;
  classify.check = item.source.check;
  ItemRequirements& destination = out.destination;
  destination.trace.reserve(country.embargoes.size() + 3);
  destination.requirements.reserve(country.embargoes.size() + item.controls.size());
  const ChartRow* row = country.ChartOn(date);
  const GroupMembership* groups = country.GroupsOn(date);
  {
    // For a date before the earliest edition held, the answer comes from that edition.
    std::vector<std::string_view> earlier;
    const DateRange* range = nullptr;
    if (item.before_edition) {
      earlier.push_back(item.entry);
      range = &item.edition_effective;
    }
    if (row != nullptr && row->effective.from && date < *row->effective.from) {
      earlier.push_back("the Country Chart row");
      range = &row->effective;
    }
    if (groups != nullptr && groups->effective.from && date < *groups->effective.from) {
      earlier.push_back("the Country Groups");
      range = &groups->effective;
    }
    if (range != nullptr) {
      std::string edition = item.ccl ? item.ccl->edition : "eCFR " + range->from->ToString();
      TraceStep step;
      step.step = "edition";
      step.finding =
          Concat({"answered from the earliest edition held (", edition, ", in force from ",
                  range->from->ToString(), ") for ", Join(earlier, ", "), ": the text in force on ",
                  date.ToString(), " is not held"});
      step.facts.push_back({"edition", edition});
      step.facts.push_back({"date", date.ToString()});
      step.citation = item.source.citation;
      destination.trace.push_back(std::move(step));
    }
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
  if (row != nullptr) ApplyCountryChart(rules.catalog, item, country, *row, destination);
  if (item.ccl) {
    ApplyCclControls(rules.catalog, item, country, row, groups, out);
    if (item.ccl->itar && item.ccl->controls.empty()) {
      out.review_reasons.push_back(Concat({item.entry,
                                           " names items subject to the ITAR (22 CFR "
                                           "parts 120-130): not decided under the EAR (",
                                           item.source.citation, ")"}));
    }
  }
  ApplyAntiTerrorism(rules.catalog, item, country, date, destination);
  return out;
}

}  // namespace tollgate::rules::internal
