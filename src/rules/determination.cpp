#include "tollgate/rules/determination.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace tollgate::rules {
namespace {

// Scores are shown to three decimals: enough to place them against the thresholds,
// stable across platforms for the golden files.
double Round3(double score) { return std::round(score * 1000.0) / 1000.0; }

nlohmann::json FactsJson(const std::vector<Fact>& facts) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& fact : facts) out[fact.name] = fact.value;
  return out;
}

nlohmann::json HitJson(const ScreeningHit& hit) {
  nlohmann::json out = {{"role", PartyRoleName(hit.role)},
                        {"party", hit.party},
                        {"list", hit.list},
                        {"entry_id", hit.entry_id},
                        {"entry_name", hit.entry_name},
                        {"matched_name", hit.matched_name},
                        {"score", Round3(hit.score)},
                        {"band", hit.block ? "block" : "review"},
                        {"effect", hit.effect},
                        {"explanation", hit.explanation}};
  if (!hit.country.empty()) out["country"] = hit.country;
  if (!hit.federal_register.empty()) out["federal_register"] = hit.federal_register;
  if (!hit.license_requirement.empty()) out["license_requirement"] = hit.license_requirement;
  if (!hit.license_policy.empty()) out["license_policy"] = hit.license_policy;
  return out;
}

nlohmann::json StepJson(const TraceStep& step) {
  nlohmann::json s = {{"step", step.step},
                      {"finding", step.finding},
                      {"facts", FactsJson(step.facts)},
                      {"citation", step.citation}};
  if (step.check) s["check"] = true;
  if (!step.matches.empty()) {
    nlohmann::json matches = nlohmann::json::array();
    for (const auto& hit : step.matches) matches.push_back(HitJson(hit));
    s["matches"] = std::move(matches);
  }
  return s;
}

// `first` (the shared list-versions step, when there is one), then `trace`.
nlohmann::json TraceJson(const TraceStep* first, const std::vector<TraceStep>& trace) {
  nlohmann::json out = nlohmann::json::array();
  if (first != nullptr) out.push_back(StepJson(*first));
  for (const auto& step : trace) out.push_back(StepJson(step));
  return out;
}

nlohmann::json ConditionsJson(const std::vector<Condition>& conditions) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : conditions) out.push_back({{"text", c.text}, {"citation", c.citation}});
  return out;
}

}  // namespace

nlohmann::json ToJson(const ScreeningHit& hit) { return HitJson(hit); }

const char* DecisionName(Decision decision) {
  switch (decision) {
    case Decision::kNoLicenseRequired:
      return "NO_LICENSE_REQUIRED";
    case Decision::kAuthorized:
      return "AUTHORIZED";
    case Decision::kLicenseRequired:
      return "LICENSE_REQUIRED";
    case Decision::kReview:
      return "REVIEW";
    case Decision::kProhibited:
      return "PROHIBITED";
  }
  return "REVIEW";
}

Decision Worse(Decision a, Decision b) {
  return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

nlohmann::json ToJson(const Determination& d) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : d.items) {
    nlohmann::json requirements = nlohmann::json::array();
    for (const auto& r : item.requirements) {
      requirements.push_back({{"source", r.source},
                              {"basis", r.basis},
                              {"review_policy", r.review_policy},
                              {"citation", r.citation}});
    }
    nlohmann::json authorized = nlohmann::json::array();
    for (const auto& a : item.authorized_by) {
      authorized.push_back({{"kind", a.kind},
                            {"id", a.id},
                            {"name", a.name},
                            {"citation", a.citation},
                            {"covers", a.covers},
                            {"conditions", ConditionsJson(a.conditions)}});
    }
    nlohmann::json i = {{"eccn", item.eccn},
                        {"decision", DecisionName(item.decision)},
                        {"requirements", std::move(requirements)},
                        {"authorized_by", std::move(authorized)},
                        {"review_policies", item.review_policies},
                        {"review_reasons", item.review_reasons},
                        {"trace", TraceJson(nullptr, item.trace)}};
    if (item.item.quantity) i["quantity"] = *item.item.quantity;
    if (item.item.value_usd) i["value"] = *item.item.value_usd;
    items.push_back(std::move(i));
  }
  nlohmann::json matches = nlohmann::json::array();
  for (const auto& hit : d.matches) matches.push_back(HitJson(hit));
  return {{"decision", DecisionName(d.decision)},
          {"transaction", ToJson(d.transaction)},
          {"items", std::move(items)},
          {"conditions", ConditionsJson(d.conditions)},
          {"review_reasons", d.review_reasons},
          {"matches", std::move(matches)},
          {"trace", TraceJson(d.lists_step.get(), d.trace)}};
}

}  // namespace tollgate::rules
