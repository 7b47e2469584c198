#include "rules/determine.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string_view>

#include "rules/authorize.h"
#include "rules/item_requirements.h"
#include "rules/join.h"
#include "rules/screen_parties.h"
#include "tollgate/common/country.h"

namespace tollgate::rules::internal {
namespace {

// In place: a name that needs no trimming (nearly all) is neither copied nor moved.
void Trim(std::string& text) {
  auto end = text.find_last_not_of(" \t\r\n");
  if (end == std::string::npos) {
    text.clear();
    return;
  }
  text.erase(end + 1);
  text.erase(0, text.find_first_not_of(" \t\r\n"));
}

Result<std::shared_ptr<const ItemRules>> BuildItemRules(const RuleSet& rules, std::string_view eccn,
                                                        const CountryRules& country, Date date) {
  auto built = ItemRulesFor(rules, eccn, country, date);
  if (!built.ok()) return built.error();
  return std::make_shared<const ItemRules>(std::move(built).value());
}

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message));
}

}  // namespace

TraceStep ListVersionsStep(const std::vector<storage::ListVersion>& versions, Date date) {
  TraceStep step;
  step.step = "list_versions";
  step.citation = "15 CFR 744 Supp. 4; 15 CFR 764 Supp. 1 (the lists as in force on the date)";
  std::vector<std::string> described;
  for (const auto& v : versions) {
    described.push_back(v.feed + " as of " + v.as_of.ToString() + " (" + v.file_name + ", " +
                        std::to_string(v.entry_count) + " entries)");
    step.facts.push_back({v.feed, v.file_name + " as of " + v.as_of.ToString()});
  }
  step.finding = versions.empty()
                     ? "no restricted list is in force on " + date.ToString() +
                           ": the parties cannot be screened"
                     : "parties screened against the " + std::to_string(versions.size()) +
                           " list version(s) in force on " + date.ToString() + ": " +
                           Join(described, "; ");
  return step;
}

namespace {

void AddCondition(std::vector<Condition>& conditions, const Condition& condition) {
  bool seen = std::any_of(conditions.begin(), conditions.end(),
                          [&](const Condition& c) { return c.text == condition.text; });
  if (!seen) conditions.push_back(condition);
}

struct ItemContext {
  const RuleSet& rules;
  const Transaction& tx;
  const CountryRules& country;
  const PartyScreening& screening;
  const std::vector<const licensing::License*>& held;
};

// A trace step with its facts (name, value) in order.
TraceStep Step(const char* name, std::string finding, std::initializer_list<const char*> fact_names,
               std::initializer_list<std::string_view> fact_values, std::string citation,
               bool check = false) {
  TraceStep step;
  step.step = name;
  step.finding = std::move(finding);
  step.facts.reserve(fact_names.size());
  auto value = fact_values.begin();
  for (const char* fact : fact_names) step.facts.push_back({fact, std::string(*value++)});
  step.citation = std::move(citation);
  step.check = check;
  return step;
}

// The CCL entry's list-based exceptions (its "List Based License Exceptions"): shown,
// and LVS (15 CFR 740.3) or GBS (15 CFR 740.4) applied where the entry makes it
// available for the whole entry, the only requirements left are the chart's national
// security columns, the destination is in Country Group B, and (LVS) the item's value
// is within the entry's limit. `use(authorization, coverage, which)` records it.
template <typename Use>
void ApplyListBased(const ItemContext& ctx, const Item& item, const Classification& classification,
                    const std::vector<Requirement>& requirements, const std::vector<bool>& covered,
                    Use&& use, std::vector<TraceStep>& trace) {
  const CclEntry& ccl = *classification.ccl;
  std::vector<std::string_view> other;  // uncovered requirements LVS/GBS cannot overcome
  for (std::size_t i = 0; i < requirements.size(); ++i) {
    const Requirement& r = requirements[i];
    if (covered[i]) continue;
    if (!(r.source == kCountryChart && (r.basis == "NS1" || r.basis == "NS2"))) {
      other.push_back(r.basis);
    }
  }
  const GroupMembership* groups = ctx.country.GroupsOn(ctx.tx.date);
  bool in_b = groups != nullptr && groups->Contains("B");
  std::string applied;
  std::vector<std::string> facts;
  TraceStep step;
  step.step = "license_exceptions";
  step.citation = "15 CFR 740.3; 15 CFR 740.4; " + classification.source.citation;
  step.facts.push_back(
      {"available", ccl.available_exceptions.empty() ? "none" : ccl.available_exceptions});
  for (const char* code : {"LVS", "GBS"}) {
    const EntryException* ex = nullptr;
    for (const auto& candidate : ccl.license_exceptions) {
      if (candidate.code == code) ex = &candidate;
    }
    bool lvs = std::string_view(code) == "LVS";
    const char* section = lvs ? "15 CFR 740.3" : "15 CFR 740.4";
    std::string why;
    if (ex == nullptr || ex->status == "no") {
      why = Concat({classification.entry, " does not make ", code, " available"});
    } else if (ex->status == "partial") {
      why = Concat({classification.entry, " makes ", code,
                    " available for part of the entry only: not applied (which part the item "
                    "is in is not modelled)"});
    } else if (!other.empty()) {
      why = Concat({code, " overcomes only the chart's national security (NS) requirement; ",
                    "this item also needs a license for ", Join(other, ", ")});
    } else if (!in_b) {
      why = Concat({ctx.country.name, " is not in Country Group B (", section, ")"});
    } else if (lvs && !ex->value_limit) {
      why = "the entry gives no LVS value limit";
    } else if (lvs && !item.value_usd) {
      why = Concat({"no value given: LVS applies up to $", std::to_string(*ex->value_limit),
                    " (give the item's value)"});
    } else if (lvs && *item.value_usd > *ex->value_limit) {
      why = Concat({"value $", std::to_string(*item.value_usd), " exceeds the LVS limit of $",
                    std::to_string(*ex->value_limit)});
    }
    if (why.empty() && applied.empty()) {
      applied = code;
      step.facts.push_back({code, "applied"});
      Coverage coverage;
      coverage.covers = true;
      coverage.citation = section;
      coverage.why = Concat({"License Exception ", code, " (", section, ") covers ",
                             classification.eccn, " to ", ctx.country.name});
      use(AuthorizationUsed{"license_exception",
                            code,
                            lvs ? "License Exception LVS: shipments of limited value"
                                : "License Exception GBS: shipments to Country Group B",
                            "",
                            {},
                            {}},
          coverage, [](const Requirement& r) { return r.source == kCountryChart; });
    } else {
      if (why.empty()) why = Concat({applied, " already applies"});
      step.facts.push_back({code, "not applied: " + why});
      facts.push_back(Concat({code, ": ", why}));
    }
  }
  step.finding = applied.empty()
                     ? Concat({"list-based exceptions of ", classification.entry, ": ",
                               ccl.available_exceptions.empty() ? "none" : ccl.available_exceptions,
                               "; shown, not applied (", Join(facts, "; "), ")"})
                     : Concat({"License Exception ", applied, " applies to ", classification.eccn,
                               " to ", ctx.country.name, " (",
                               applied == "LVS" ? "15 CFR 740.3" : "15 CFR 740.4", ")"});
  trace.push_back(std::move(step));
}

ItemDetermination DetermineItem(const ItemContext& ctx, const Item& item, const ItemRules& rules) {
  const Transaction& tx = ctx.tx;
  const Classification& classification = rules.classification;
  const std::vector<ScreeningHit>& listed = ctx.screening.entity_list;
  ItemDetermination out;
  out.item = item;
  out.eccn = classification.eccn;
  // Room for the steps nearly every item has: classify, one per Entity List hit, the
  // destination's, then (when something requires a license) one per license held or
  // one saying there is none, and one on the exceptions; the decision. A general
  // license or a second exception tried grows the vector. Reserving no more than that
  // keeps the allocation small enough for malloc's per-thread cache (a vector over
  // about 1 KiB takes its slow path).
  bool required = !listed.empty() || !rules.destination.requirements.empty();
  out.trace.reserve(1 + listed.size() + rules.destination.trace.size() +
                    (required ? std::max<std::size_t>(1, ctx.held.size()) + 1 : 0) + 1);
  out.requirements.reserve(listed.size() + rules.destination.requirements.size());
  out.trace.push_back(rules.classify);
  AddEntityListRequirements(ctx.rules, classification, tx.date, listed, out.requirements,
                            out.trace);
  out.requirements.insert(out.requirements.end(), rules.destination.requirements.begin(),
                          rules.destination.requirements.end());
  out.trace.insert(out.trace.end(), rules.destination.trace.begin(), rules.destination.trace.end());
  std::vector<std::string> reviews = rules.review_reasons;
  if (out.requirements.empty()) {
    // §746.8: Russia and Belarus. The HTS-based lists that reach EAR99 items (part 746
    // Supps. 2, 4, 6) are not in the data, so "nothing else requires a license" is not
    // enough to say none is required.
    for (const DatedRule& rule : ctx.country.russia_belarus) {
      if (!rule.effective.Contains(tx.date)) continue;
      out.trace.push_back(Step("russia_belarus",
                               Concat({"no other rule requires a license for ", classification.eccn,
                                       " to ", ctx.country.name, ", but ", rule.source.citation,
                                       " may (its HTS-based lists, part 746 Supps. 2, 4 and 6, ",
                                       "are not in the rules data): REVIEW"}),
                               {"destination"}, {ctx.country.code}, rule.source.citation,
                               rule.source.check));
      reviews.push_back(Concat({rule.source.citation, ": ", ctx.country.name,
                                " sanctions may require a license for ", classification.eccn,
                                " (part 746 Supps. 2, 4 and 6 are not modelled)"}));
    }
  }

  std::vector<bool> covered(out.requirements.size(), false);
  auto all_covered = [&] {
    return std::all_of(covered.begin(), covered.end(), [](bool b) { return b; });
  };
  auto use = [&](AuthorizationUsed used, const Coverage& coverage, auto&& which) {
    for (std::size_t i = 0; i < out.requirements.size(); ++i) {
      if (!covered[i] && which(out.requirements[i])) {
        covered[i] = true;
        used.covers.push_back(out.requirements[i].basis);
      }
    }
    used.citation = coverage.citation;
    used.conditions = coverage.conditions;
    out.authorized_by.push_back(std::move(used));
  };

  if (!out.requirements.empty()) {
    // 1. A specific license the exporter holds covers the whole item (part 750).
    if (tx.exporter.empty()) {
      out.trace.push_back(Step("specific_license",
                               "no exporter given: licenses held in the store cannot be matched",
                               {}, {}, "15 CFR 750.7"));
    } else if (ctx.held.empty()) {
      out.trace.push_back(Step("specific_license",
                               Concat({"'", tx.exporter, "' holds no license in the store"}),
                               {"holder"}, {tx.exporter}, "15 CFR 750.7"));
    }
    for (const licensing::License* license : ctx.held) {
      if (all_covered()) break;
      Coverage coverage = LicenseCovers(*license, tx, item, classification);
      out.trace.push_back(Step("specific_license", coverage.why, {"license", "holder"},
                               {license->number, license->holder}, coverage.citation,
                               coverage.check));
      if (coverage.covers) {
        use({"license",
             license->number,
             Concat({"License ", license->number, " held by ", license->holder}),
             "",
             {},
             {}},
            coverage, [](const Requirement&) { return true; });
      }
    }
    // 2. A general license overcomes an Entity List requirement for the entries it
    // names (the Huawei TGL, part 744 Supp. No. 7).
    for (const ScreeningHit& hit : ctx.screening.entity_list) {
      if (all_covered()) break;
      std::string basis_prefix = Concat({hit.list, ": ", hit.entry_name});
      for (const GeneralLicense& gl : ctx.rules.general_licenses) {
        if (!gl.AppliesToEntry(hit.list, hit.federal_register)) continue;
        Coverage coverage = GeneralLicenseCovers(gl, hit, tx, ctx.country);
        out.trace.push_back(
            Step("general_license", coverage.why, {"general_license", "entry", "activity"},
                 {gl.id, hit.entry_name,
                  tx.activity.empty() ? std::string_view("(none declared)") : tx.activity},
                 coverage.citation, coverage.check));
        if (coverage.covers) {
          use({"general_license", gl.id, gl.name, "", {}, {}}, coverage, [&](const Requirement& r) {
            return r.source == kEntityList &&
                   r.basis.compare(0, basis_prefix.size(), basis_prefix) == 0;
          });
          break;
        }
      }
    }
    // 3. License exceptions, only for Country Chart requirements and never when a party
    // is on the Entity List (§744.16(b)) or the destination is embargoed (part 746).
    std::vector<std::string> chart_controls;
    bool listed = false;
    bool embargoed = false;
    for (std::size_t i = 0; i < out.requirements.size(); ++i) {
      const Requirement& r = out.requirements[i];
      if (r.source == kCountryChart && !covered[i]) chart_controls.push_back(r.basis);
      // A special control the text decides ("EI 5A002") counts as its reason (EI) for
      // the exceptions that name reasons (ENC, 15 CFR 740.17).
      if (r.source == kSpecialControl && !covered[i]) {
        chart_controls.push_back(r.basis.substr(0, r.basis.find(' ')));
      }
      listed = listed || r.source == kEntityList;
      embargoed = embargoed || r.source == kEmbargo;
    }
    if (listed) {
      // §744.16(b): stated whether or not the chart also requires a license, because
      // it is what stops an exporter from reaching for an exception.
      const ScreeningHit& hit = ctx.screening.entity_list.front();
      const ListRule& rule = ctx.rules.list_rules.For(hit.list, tx.date);
      out.trace.push_back(Step("license_exceptions",
                               "no license exception is available: a party is on the Entity List "
                               "and its entry names none",
                               {"entry"}, {hit.entry_name}, rule.exceptions_barred_citation));
    } else if (embargoed) {
      out.trace.push_back(
          Step("license_exceptions",
               Concat({"license exceptions do not overcome the embargo of ", ctx.country.name}),
               {"destination"}, {ctx.country.code}, "15 CFR part 746"));
    } else if (!chart_controls.empty()) {
      {
        bool any = false;
        if (classification.ccl) {
          any = true;
          ApplyListBased(ctx, item, classification, out.requirements, covered, use, out.trace);
        }
        for (const LicenseException& ex : ctx.rules.license_exceptions) {
          if (all_covered()) break;
          if (!ex.EligibleEccn(classification.entry)) continue;
          any = true;
          Coverage coverage = ExceptionCovers(ex, classification, chart_controls, tx, ctx.country);
          std::string id = Concat({ex.code, " ", ex.paragraph});
          out.trace.push_back(Step("license_exception", coverage.why, {"exception"}, {id},
                                   coverage.citation, coverage.check));
          if (coverage.covers) {
            use({"license_exception", std::move(id), ex.name, "", {}, {}}, coverage,
                [](const Requirement& r) {
                  return r.source == kCountryChart || r.source == kSpecialControl;
                });
            break;
          }
        }
        if (!any) {
          out.trace.push_back(Step("license_exceptions",
                                   Concat({"no license exception in the rules data is available "
                                           "for ",
                                           classification.entry}),
                                   {"eccn"}, {classification.eccn}, "15 CFR part 740"));
        }
      }
    }
  }

  std::string why;
  if (out.requirements.empty()) {
    out.decision = Decision::kNoLicenseRequired;
    why = Concat({"no license is required for ", classification.eccn, " to ", ctx.country.name});
  } else if (all_covered()) {
    out.decision = Decision::kAuthorized;
    std::vector<std::string_view> names;
    for (const auto& a : out.authorized_by) names.push_back(a.name);
    why = Concat({"a license is required and is authorized by ", Join(names, "; ")});
  } else {
    out.decision = Decision::kLicenseRequired;
    std::vector<std::string_view> bases;
    for (std::size_t i = 0; i < out.requirements.size(); ++i) {
      if (covered[i]) continue;
      bases.push_back(out.requirements[i].basis);
      const std::string& policy = out.requirements[i].review_policy;
      if (std::find(out.review_policies.begin(), out.review_policies.end(), policy) ==
          out.review_policies.end()) {
        out.review_policies.push_back(policy);
      }
    }
    why = Concat({"a license is required (", Join(bases, "; "),
                  ") and nothing authorizes it; an application would be reviewed under: ",
                  Join(out.review_policies, "; ")});
  }
  if (!ctx.screening.prohibited.empty()) {
    out.decision = Decision::kProhibited;
    why = Concat({"prohibited: ", Join(ctx.screening.prohibited, "; ")});
  } else if (!ctx.screening.review.empty() || !reviews.empty()) {
    out.decision = Worse(out.decision, Decision::kReview);
    out.review_reasons = ctx.screening.review;
    out.review_reasons.insert(out.review_reasons.end(), reviews.begin(), reviews.end());
    why = Concat(
        {"REVIEW before anything ships (", Join(out.review_reasons, "; "), "); without it: ", why});
  }
  out.trace.push_back(
      Step("decision", std::move(why), {"decision"}, {DecisionName(out.decision)}, ""));
  return out;
}

}  // namespace

Result<NormalizedTransaction> NormalizeTransaction(const RuleSet& rules, Transaction input,
                                                   const ItemRulesFn& item_rules) {
  NormalizedTransaction out{std::move(input), {}};
  Transaction& tx = out.tx;
  if (tx.items.empty()) return Invalid("a transaction needs at least one item (an ECCN or EAR99)");
  if (tx.parties.empty()) {
    return Invalid(
        "a transaction needs at least one party with its role (purchaser, "
        "intermediate_consignee, ultimate_consignee or end_user)");
  }
  Trim(tx.exporter);
  for (std::size_t i = 0; i < tx.parties.size(); ++i) {
    Trim(tx.parties[i].name);
    if (tx.parties[i].name.empty()) {
      return Invalid("party " + std::to_string(i + 1) + " (" + PartyRoleName(tx.parties[i].role) +
                     ") has no name");
    }
    if (tx.parties[i].role == PartyRole::kExporter) {
      return Invalid("party " + std::to_string(i + 1) +
                     ": the exporter is given as the exporter, "
                     "not as a party");
    }
    if (!tx.parties[i].country.empty()) {
      auto country = CountryByCode(tx.parties[i].country);
      if (!country) {
        return Invalid("party " + std::to_string(i + 1) + " country '" + tx.parties[i].country +
                       "' is not an ISO 3166-1 alpha-2 country code");
      }
      tx.parties[i].country = std::string(country->code);
    }
  }
  std::string destination = tx.destination;
  Trim(destination);
  auto iso = CountryByCode(destination);
  if (!iso) {
    return Invalid("unknown country code: destination '" + tx.destination +
                   "' is not an ISO 3166-1 alpha-2 country code");
  }
  tx.destination = std::string(iso->code);
  const CountryRules* country = rules.countries.Find(tx.destination);
  if (country == nullptr) {
    return Invalid("destination " + tx.destination + " (" + std::string(iso->name) +
                   ") has no Country Chart row: the rules hold rows for " +
                   std::to_string(rules.countries.countries().size()) +
                   " destinations (data/rules/country_chart.json, countries.json), and 15 CFR 738 "
                   "Supp. 1 has none for the United States");
  }
  if (country->ChartOn(tx.date) == nullptr) {
    return MakeError(ErrorCode::kNotFound, "destination " + tx.destination +
                                               " has no Country Chart row in force on " +
                                               tx.date.ToString());
  }
  Trim(tx.activity);
  if (!tx.activity.empty() && rules.FindActivity(tx.activity) == nullptr) {
    std::vector<std::string> known;
    for (const auto& a : rules.activities) known.push_back(a.name);
    return Invalid("unknown activity '" + tx.activity + "': expected one of " + Join(known, ", "));
  }
  out.items.reserve(tx.items.size());
  for (std::size_t i = 0; i < tx.items.size(); ++i) {
    auto item = item_rules ? item_rules(tx.items[i].eccn, *country, tx.date)
                           : BuildItemRules(rules, tx.items[i].eccn, *country, tx.date);
    if (!item.ok()) {
      return MakeError(item.error().code,
                       "item " + std::to_string(i + 1) + ": " + item.error().message);
    }
    out.items.push_back(std::move(item).value());
  }
  return out;
}

Determination DetermineNormalized(const RuleSet& rules, NormalizedTransaction normalized,
                                  const ListsInForce& lists,
                                  const std::vector<licensing::License>& licenses,
                                  const PartyDecisions* decisions) {
  Determination d;
  d.transaction = std::move(normalized.tx);
  const Transaction& tx = d.transaction;
  const CountryRules& country = *rules.countries.Find(tx.destination);
  // One step per party (and the exporter), the end use, the decision; a hit adds a step
  // and grows the vector (see DetermineItem on why no more is reserved). The list
  // versions come first, shared (lists_step).
  d.trace.reserve(tx.parties.size() + (tx.exporter.empty() ? 0 : 1) + (tx.end_use.empty() ? 0 : 1) +
                  1);
  d.lists_step = lists.versions_step;
  PartyScreening screening = ScreenParties(rules, tx, lists.screen, d.trace, decisions);
  if (lists.versions.empty()) {
    // Never a silent pass: with no list in force nobody was really screened.
    screening.review.push_back("no restricted list in force on " + tx.date.ToString() +
                               ": import the lists, then check again");
  }
  if (!tx.end_use.empty()) {
    // Stated so the record shows it was not silently weighed: the end-use controls of
    // part 744 (other than the Entity List) are not in the rules data.
    d.trace.push_back(Step("end_use",
                           Concat({"stated end use '", tx.end_use,
                                   "': the end-use controls of part 744 are not modelled; an "
                                   "analyst must judge them"}),
                           {"end_use"}, {tx.end_use},
                           "15 CFR 744.2-744.6, 744.9, 744.17, 744.21 (not modelled)"));
  }
  d.matches = std::move(screening.hits);
  d.review_reasons = screening.review;

  std::vector<const licensing::License*> held;
  std::string holder = licensing::FoldPartyName(tx.exporter);
  for (const auto& license : licenses) {
    if (!holder.empty() && licensing::FoldPartyName(license.holder) == holder) {
      held.push_back(&license);
    }
  }

  ItemContext ctx{rules, tx, country, screening, held};
  d.decision = Decision::kNoLicenseRequired;
  d.items.reserve(tx.items.size());
  for (std::size_t i = 0; i < tx.items.size(); ++i) {
    ItemDetermination determined = DetermineItem(ctx, tx.items[i], *normalized.items[i]);
    d.decision = Worse(d.decision, determined.decision);
    for (const auto& used : determined.authorized_by) {
      for (const auto& condition : used.conditions) AddCondition(d.conditions, condition);
    }
    d.items.push_back(std::move(determined));
  }
  std::string finding = DecisionName(d.decision);
  finding.reserve(128);
  finding += " (";
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    if (i > 0) finding += ", ";
    finding += d.items[i].eccn;
    finding += ": ";
    finding += DecisionName(d.items[i].decision);
  }
  finding += "): the transaction takes its most restrictive item decision";
  d.trace.push_back(
      Step("decision", std::move(finding), {"decision"}, {DecisionName(d.decision)}, ""));
  return d;
}

Result<Determination> Determine(const RuleSet& rules, const Transaction& input,
                                const screening::Index& index,
                                const std::vector<storage::ListVersion>& versions,
                                const std::vector<licensing::License>& licenses) {
  auto normalized = NormalizeTransaction(rules, input);
  if (!normalized.ok()) return normalized.error();
  auto step = std::make_shared<const TraceStep>(ListVersionsStep(versions, normalized->tx.date));
  return DetermineNormalized(rules, std::move(normalized).value(),
                             {versions, std::move(step), ScreenWith(index)}, licenses);
}

}  // namespace tollgate::rules::internal
