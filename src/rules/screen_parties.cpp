#include "rules/screen_parties.h"

#include <charconv>

#include "rules/join.h"

namespace tollgate::rules::internal {
namespace {

std::string Score(double score) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, score, std::chars_format::fixed, 3);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

std::string RoleNames(const std::vector<PartyRole>& roles) {
  std::vector<std::string> names;
  for (PartyRole role : roles) names.push_back(PartyRoleName(role));
  return Join(names, ", ");
}

std::string Describe(const ScreeningHit& hit) {
  return "'" + hit.party + "' (" + PartyRoleName(hit.role) + ") matches " + hit.list + " entry '" +
         hit.entry_name + "'" +
         (hit.matched_name != hit.entry_name ? " as '" + hit.matched_name + "'" : "") +
         " with score " + Score(hit.score);
}

// The parties to screen: the exporter (a denied person may not export) and every
// party of the transaction, in the order given.
std::vector<Party> PartiesToScreen(const Transaction& tx) {
  std::vector<Party> parties;
  if (!tx.exporter.empty()) parties.push_back({PartyRole::kExporter, tx.exporter, ""});
  parties.insert(parties.end(), tx.parties.begin(), tx.parties.end());
  return parties;
}

// The ultimate consignee and the end user are in the destination by definition
// (§772.1), so the destination is their country when none is given.
std::string QueryCountry(const Party& party, const Transaction& tx) {
  if (!party.country.empty()) return party.country;
  if (party.role == PartyRole::kUltimateConsignee || party.role == PartyRole::kEndUser) {
    return tx.destination;
  }
  return "";
}

}  // namespace

ScreenFn ScreenWith(const screening::Index& index) {
  return [&index](const screening::Query& query) {
    return std::make_shared<const std::vector<screening::Match>>(index.Screen(query));
  };
}

PartyScreening ScreenParties(const RuleSet& rules, const Transaction& tx, const ScreenFn& screen) {
  const ScreeningPolicy& policy = rules.list_rules.screening();
  const std::string review_threshold = Score(policy.review_threshold);
  const std::string block_threshold = Score(policy.block_threshold);
  const std::string date = tx.date.ToString();
  PartyScreening out;
  for (const Party& party : PartiesToScreen(tx)) {
    screening::Query query;
    query.name = party.name;
    std::string country = QueryCountry(party, tx);
    if (!country.empty()) query.country = country;
    query.as_of = tx.date;
    query.threshold = policy.review_threshold;
    query.limit = 5;
    const auto found = screen(query);
    const std::vector<screening::Match>& matches = *found;

    TraceStep step;
    step.step = "screen_party";
    // The date and thresholds are in the finding; the facts are what varies per party.
    step.facts = {{"role", PartyRoleName(party.role)}, {"name", party.name}};
    if (!country.empty()) step.facts.push_back({"country", country});
    step.citation = policy.source.citation;
    std::vector<TraceStep> effects;
    for (const auto& match : matches) {
      const lists::ListEntry& entry = *match.entry;
      ScreeningHit hit;
      hit.role = party.role;
      hit.party = party.name;
      hit.list = entry.list;
      hit.entry_id = entry.entry_id;
      hit.entry_name = entry.name;
      hit.matched_name = match.matched_name;
      for (const auto& address : entry.addresses) {
        if (!address.country.empty()) {
          hit.country = address.country;
          break;
        }
      }
      hit.score = match.score;
      hit.block = match.score >= policy.block_threshold;
      hit.explanation = match.explanation;
      hit.federal_register = entry.federal_register;
      hit.license_requirement = entry.license_requirement;
      hit.license_policy = entry.license_policy;

      const ListRule& rule = rules.list_rules.For(entry.list, tx.date);
      TraceStep effect;
      effect.citation = rule.source.citation;
      effect.check = rule.source.check;
      effect.facts = {{"list", entry.list},
                      {"entry", entry.name},
                      {"entry_id", entry.entry_id},
                      {"score", Score(match.score)}};
      if (!hit.block) {
        // DOMAIN.md section 7: between the thresholds a match is possible, not certain;
        // the transaction waits for an analyst with the candidate in front of them.
        hit.effect = ListMeaningName(ListMeaning::kReview);
        effect.step = "possible_match";
        effect.finding = Describe(hit) + ", between the review threshold " + review_threshold +
                         " and the block threshold " + block_threshold + ": an analyst must decide";
        effect.citation = policy.source.citation;
        out.review.push_back("possible match: " + Describe(hit));
      } else if (!rule.AppliesToRole(party.role)) {
        hit.effect = "none: " + std::string(rule.list.empty() ? "this list" : rule.list) +
                     " applies to " + RoleNames(rule.roles);
        effect.step = "role_not_affected";
        effect.finding = Describe(hit) + "; " + rule.list + " affects only the " +
                         RoleNames(rule.roles) + ", not the " + PartyRoleName(party.role);
      } else if (rule.meaning == ListMeaning::kProhibited) {
        hit.effect = ListMeaningName(ListMeaning::kProhibited);
        effect.step = "denied_party";
        effect.finding = Describe(hit) + ": " + entry.list +
                         " means the export is prohibited and cannot be licensed by the exporter";
        out.prohibited.push_back(Describe(hit));
      } else if (rule.meaning == ListMeaning::kLicenseRequired) {
        effect.step = "entity_list";
        effect.facts.push_back({"license_requirement", entry.license_requirement});
        effect.facts.push_back({"license_policy", entry.license_policy});
        effect.facts.push_back({"federal_register", Join(entry.federal_register, "; ")});
        if (rule.RequirementCoversAllItems(entry.license_requirement)) {
          hit.effect = ListMeaningName(ListMeaning::kLicenseRequired);
          effect.finding = Describe(hit) +
                           ": a license is required for all items subject to "
                           "the EAR; review policy: " +
                           (entry.license_policy.empty() ? "not stated" : entry.license_policy);
          effect.citation += "; " + Join(entry.federal_register, "; ");
          out.entity_list.push_back(hit);
        } else {
          // The requirement names only some items (or is missing): the engine does not
          // read free text, so an analyst decides which items it reaches.
          hit.effect = ListMeaningName(ListMeaning::kReview);
          effect.finding = Describe(hit) + ": its License Requirement '" +
                           entry.license_requirement +
                           "' is not one the engine can apply: an analyst must decide";
          out.review.push_back("Entity List requirement to read: " + Describe(hit));
        }
      } else {
        hit.effect = ListMeaningName(ListMeaning::kReview);
        effect.step = "list_match_review";
        effect.finding = Describe(hit) + ": " +
                         (rule.list.empty() ? "no rule for list " + entry.list
                                            : rule.list + " is outside what the engine decides") +
                         "; an analyst must decide";
        out.review.push_back(Describe(hit));
      }
      step.matches.push_back(hit);
      out.hits.push_back(hit);
      effects.push_back(std::move(effect));
    }
    if (matches.empty()) {
      step.finding = "'" + party.name + "' (" + PartyRoleName(party.role) +
                     "): no listed entry in force on " + date + " scores at or above " +
                     review_threshold;
    } else {
      step.finding = "'" + party.name + "' (" + PartyRoleName(party.role) +
                     "): " + std::to_string(matches.size()) + " match(es) at or above " +
                     review_threshold + "; best: " + matches.front().entry->list + " '" +
                     matches.front().entry->name + "' " + Score(matches.front().score);
    }
    out.trace.push_back(std::move(step));
    for (auto& effect : effects) out.trace.push_back(std::move(effect));
  }
  return out;
}

}  // namespace tollgate::rules::internal
