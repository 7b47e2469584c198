#include "rules/screen_parties.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "rules/join.h"

namespace tollgate::rules::internal {
namespace {

// Fixed with three decimals, as std::to_chars writes it (correctly rounded), without
// its snprintf: `score * 1000` is within 1e-7 of the exact product, so unless the
// product is that close to a halfway point, rounding it gives the same digits.
std::string Score(double score) {
  if (score >= 0 && !std::signbit(score) && score < 1e6) {
    double scaled = score * 1000;
    double whole = std::floor(scaled);
    double fraction = scaled - whole;
    if (std::abs(fraction - 0.5) > 1e-6) {
      auto n = static_cast<std::uint64_t>(fraction > 0.5 ? whole + 1 : whole);
      char buf[32];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n / 1000);
      unsigned rest = static_cast<unsigned>(n % 1000);
      *end++ = '.';
      *end++ = static_cast<char>('0' + rest / 100);
      *end++ = static_cast<char>('0' + rest / 10 % 10);
      *end++ = static_cast<char>('0' + rest % 10);
      return std::string(buf, end);
    }
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, score, std::chars_format::fixed, 3);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

std::string RoleNames(const std::vector<PartyRole>& roles) {
  std::vector<std::string> names;
  for (PartyRole role : roles) names.push_back(PartyRoleName(role));
  return Join(names, ", ");
}

std::string Describe(const ScreeningHit& hit, std::string_view score) {
  bool alias = hit.matched_name != hit.entry_name;
  return Concat({"'", hit.party, "' (", PartyRoleName(hit.role), ") matches ", hit.list, " entry '",
                 hit.entry_name, "'", alias ? " as '" : "",
                 alias ? std::string_view(hit.matched_name) : "", alias ? "'" : "", " with score ",
                 score});
}

// The ultimate consignee and the end user are in the destination by definition
// (§772.1), so the destination is their country when none is given.
const std::string& QueryCountry(const Party& party, const Transaction& tx) {
  static const std::string kNone;
  if (!party.country.empty()) return party.country;
  if (party.role == PartyRole::kUltimateConsignee || party.role == PartyRole::kEndUser) {
    return tx.destination;
  }
  return kNone;
}

struct Screener {
  const RuleSet& rules;
  const Transaction& tx;
  const ScreenFn& screen;
  const ScreeningPolicy& policy;
  const PartyDecisions* decisions;  // the asking organization's, or none
  const std::string review_threshold;
  const std::string block_threshold;
  const std::string date;
  std::vector<TraceStep>& trace;
  screening::Query query;  // reused: its strings keep their capacity from party to party
  PartyScreening out;

  void Screen(PartyRole role, const std::string& name, const std::string& country);
  // What one match means here, as a trace step after the party's; `decision` is the
  // organization's disposition of this party against this entry, if any.
  void Apply(PartyRole role, const std::string& name, const screening::Match& match,
             std::string score, std::size_t step_index, const PartyDecision* decision);
  // A true match the party's own name did not reach: looked for with the name the
  // alert was found with; if the entry is not in force on the date, says so.
  void ApplyUnreached(PartyRole role, const std::string& name, const PartyDecision& decision,
                      std::size_t step_index);
};

// "by maria (applicant, microsoft) on 2026-12-07T10:00:00Z (alert 12): \"comment\""
std::string DecidedBy(const PartyDecision& decision) {
  return Concat({"by ", decision.decided_by, " on ", decision.decided_at, " (alert ",
                 std::to_string(decision.alert_id), decision.comment.empty() ? ")" : "): \"",
                 decision.comment, decision.comment.empty() ? "" : "\""});
}

// "alert 12: false_positive by maria (applicant, microsoft) on 2026-12-07T10:00:00Z"
std::string DecisionCitation(const PartyDecision& decision) {
  return Concat({"alert ", std::to_string(decision.alert_id), ": ",
                 decision.true_match ? "true_match" : "false_positive", " by ", decision.decided_by,
                 " on ", decision.decided_at});
}

const PartyDecision* DecisionOn(const std::vector<const PartyDecision*>& decided,
                                const lists::ListEntry& entry) {
  for (const PartyDecision* d : decided) {
    if (d->list == entry.list && d->entry_id == entry.entry_id) return d;
  }
  return nullptr;
}

void Screener::Screen(PartyRole role, const std::string& name, const std::string& country) {
  query.name = name;
  if (country.empty()) {
    query.country.reset();
  } else {
    query.country = country;
  }
  const auto found = screen(query);
  const std::vector<screening::Match>& matches = *found;
  const char* role_name = PartyRoleName(role);
  std::vector<const PartyDecision*> decided;
  if (decisions != nullptr) decided = decisions->For(name, country);

  TraceStep step;
  step.step = "screen_party";
  // The date and thresholds are in the finding; the facts are what varies per party.
  step.facts.reserve(4);
  step.facts.push_back({"role", role_name});
  step.facts.push_back({"name", name});
  if (!country.empty()) step.facts.push_back({"country", country});
  if (!decided.empty()) step.facts.push_back({"master_party", decided.front()->party_external_id});
  step.citation = policy.source.citation;
  const std::size_t step_index = trace.size();
  std::string best_score;
  if (matches.empty()) {
    step.finding = Concat({"'", name, "' (", role_name, "): no listed entry in force on ", date,
                           " scores at or above ", review_threshold});
  } else {
    best_score = Score(matches.front().score);
    step.finding = Concat({"'", name, "' (", role_name, "): ", std::to_string(matches.size()),
                           " match(es) at or above ", review_threshold,
                           "; best: ", matches.front().entry->list, " '",
                           matches.front().entry->name, "' ", best_score});
    step.matches.reserve(matches.size());
  }
  trace.push_back(std::move(step));
  std::vector<const PartyDecision*> reached;
  for (std::size_t m = 0; m < matches.size(); ++m) {
    const PartyDecision* decision = DecisionOn(decided, *matches[m].entry);
    if (decision != nullptr) reached.push_back(decision);
    Apply(role, name, matches[m], m == 0 ? best_score : Score(matches[m].score), step_index,
          decision);
  }
  for (const PartyDecision* decision : decided) {
    if (decision->true_match &&
        std::find(reached.begin(), reached.end(), decision) == reached.end()) {
      ApplyUnreached(role, name, *decision, step_index);
    }
  }
}

void Screener::ApplyUnreached(PartyRole role, const std::string& name,
                              const PartyDecision& decision, std::size_t step_index) {
  if (!decision.screened_name.empty() && decision.screened_name != name) {
    const std::string given = query.name;
    query.name = decision.screened_name;
    const auto found = screen(query);
    query.name = given;
    for (const screening::Match& match : *found) {
      if (match.entry->list == decision.list && match.entry->entry_id == decision.entry_id) {
        Apply(role, name, match, Score(match.score), step_index, &decision);
        return;
      }
    }
  }
  // The entry is not on the lists in force on the date (listed later, or removed):
  // the analyst's confirmation has nothing to act on here.
  TraceStep effect;
  effect.step = "true_match_not_in_force";
  effect.facts = {{"list", decision.list},
                  {"entry", decision.entry_name},
                  {"entry_id", decision.entry_id},
                  {"alert", std::to_string(decision.alert_id)}};
  effect.finding =
      Concat({"'", name, "' (", PartyRoleName(role), ") is the master's party ",
              decision.party_external_id, ", confirmed a true match for ", decision.list,
              " entry '", decision.entry_name, "' ", DecidedBy(decision),
              ", but that entry is not in force on ", date, ": no effect"});
  effect.citation = DecisionCitation(decision);
  trace.push_back(std::move(effect));
}

void Screener::Apply(PartyRole role, const std::string& name, const screening::Match& match,
                     std::string score, std::size_t step_index, const PartyDecision* decision) {
  const char* role_name = PartyRoleName(role);
  const lists::ListEntry& entry = *match.entry;
  ScreeningHit hit;
  hit.role = role;
  hit.party = name;
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
  // An analyst's true match is the listed party whatever the score (issue 15, item 4).
  hit.block = match.score >= policy.block_threshold || (decision && decision->true_match);
  hit.explanation = match.explanation;
  hit.federal_register = entry.federal_register;
  hit.license_requirement = entry.license_requirement;
  hit.license_policy = entry.license_policy;
  std::string described = Describe(hit, score);
  if (decision != nullptr && decision->true_match) {
    described += Concat({", confirmed a true match ", DecidedBy(*decision)});
  }

  const ListRule& rule = rules.list_rules.For(entry.list, tx.date);
  TraceStep effect;
  effect.citation = rule.source.citation;
  effect.check = rule.source.check;
  effect.facts.reserve(8);
  effect.facts.push_back({"list", entry.list});
  effect.facts.push_back({"entry", entry.name});
  effect.facts.push_back({"entry_id", entry.entry_id});
  effect.facts.push_back({"score", std::move(score)});
  if (decision != nullptr) {
    effect.facts.push_back({"disposition", decision->true_match ? "true_match" : "false_positive"});
    effect.facts.push_back({"alert", std::to_string(decision->alert_id)});
  }
  if (decision != nullptr && !decision->true_match) {
    // The analyst found the party is not the listed one; the alert reopens by itself
    // when the facts compared change (alerts/alert.h), so the clearance stands until then.
    hit.block = false;
    hit.effect = Concat(
        {"none: cleared as a false positive (alert ", std::to_string(decision->alert_id), ")"});
    effect.step = "cleared_false_positive";
    effect.finding = Concat({described, ": cleared as a false positive ", DecidedBy(*decision),
                             "; not the listed party"});
    effect.citation = Concat({DecisionCitation(*decision), "; ", policy.source.citation});
    effect.check = false;
  } else if (!hit.block) {
    // DOMAIN.md section 7: between the thresholds a match is possible, not certain;
    // the transaction waits for an analyst with the candidate in front of them.
    hit.effect = ListMeaningName(ListMeaning::kReview);
    effect.step = "possible_match";
    effect.finding =
        Concat({described, ", between the review threshold ", review_threshold,
                " and the block threshold ", block_threshold, ": an analyst must decide"});
    effect.citation = policy.source.citation;
    out.review.push_back("possible match: " + described);
  } else if (!rule.AppliesToRole(role)) {
    std::string roles = RoleNames(rule.roles);
    hit.effect =
        Concat({"none: ", rule.list.empty() ? "this list" : rule.list, " applies to ", roles});
    effect.step = "role_not_affected";
    effect.finding =
        Concat({described, "; ", rule.list, " affects only the ", roles, ", not the ", role_name});
  } else if (rule.meaning == ListMeaning::kProhibited) {
    hit.effect = ListMeaningName(ListMeaning::kProhibited);
    effect.step = "denied_party";
    effect.finding =
        Concat({described, ": ", entry.list,
                " means the export is prohibited and cannot be licensed by the exporter"});
    out.prohibited.push_back(described);
  } else if (rule.meaning == ListMeaning::kLicenseRequired) {
    effect.step = "entity_list";
    std::string federal_register = Join(entry.federal_register, "; ");
    effect.facts.push_back({"license_requirement", entry.license_requirement});
    effect.facts.push_back({"license_policy", entry.license_policy});
    effect.facts.push_back({"federal_register", federal_register});
    if (rule.RequirementCoversAllItems(entry.license_requirement)) {
      hit.effect = ListMeaningName(ListMeaning::kLicenseRequired);
      effect.finding = Concat(
          {described, ": a license is required for all items subject to the EAR; review policy: ",
           entry.license_policy.empty() ? "not stated" : entry.license_policy});
      effect.citation += "; ";
      effect.citation += federal_register;
      out.entity_list.push_back(hit);
    } else {
      // The requirement names only some items (or is missing): the engine does not
      // read free text, so an analyst decides which items it reaches.
      hit.effect = ListMeaningName(ListMeaning::kReview);
      effect.finding = Concat({described, ": its License Requirement '", entry.license_requirement,
                               "' is not one the engine can apply: an analyst must decide"});
      out.review.push_back("Entity List requirement to read: " + described);
    }
  } else {
    hit.effect = ListMeaningName(ListMeaning::kReview);
    effect.step = "list_match_review";
    effect.finding = Concat({described, ": ",
                             rule.list.empty() ? "no rule for list " + entry.list
                                               : rule.list + " is outside what the engine decides",
                             "; an analyst must decide"});
    out.review.push_back(std::move(described));
  }
  if (decision != nullptr && decision->true_match) {
    effect.citation = Concat({effect.citation, "; ", DecisionCitation(*decision)});
  }
  trace[step_index].matches.push_back(hit);
  out.hits.push_back(std::move(hit));
  trace.push_back(std::move(effect));
}

}  // namespace

ScreenFn ScreenWith(const screening::Index& index) {
  return [&index](const screening::Query& query) {
    return std::make_shared<const std::vector<screening::Match>>(index.Screen(query));
  };
}

PartyScreening ScreenParties(const RuleSet& rules, const Transaction& tx, const ScreenFn& screen,
                             std::vector<TraceStep>& trace, const PartyDecisions* decisions) {
  const ScreeningPolicy& policy = rules.list_rules.screening();
  Screener screener{rules,
                    tx,
                    screen,
                    policy,
                    decisions,
                    Score(policy.review_threshold),
                    Score(policy.block_threshold),
                    tx.date.ToString(),
                    trace,
                    {},
                    {}};
  screener.query.as_of = tx.date;
  screener.query.threshold = policy.review_threshold;
  screener.query.limit = 5;
  // The exporter first (a denied person may not export), then every party in the
  // order given.
  if (!tx.exporter.empty()) {
    Party exporter{PartyRole::kExporter, tx.exporter, ""};
    screener.Screen(exporter.role, exporter.name, QueryCountry(exporter, tx));
  }
  for (std::size_t i = 0; i < tx.parties.size(); ++i) {
    const Party& party = tx.parties[i];
    // Each party's own facts, or none (the query is reused from party to party).
    screener.query.date_of_birth.reset();
    screener.query.ids.clear();
    if (i < tx.party_facts.size()) {
      screener.query.date_of_birth = tx.party_facts[i].date_of_birth;
      screener.query.ids = tx.party_facts[i].ids;
    }
    screener.Screen(party.role, party.name, QueryCountry(party, tx));
  }
  return std::move(screener.out);
}

}  // namespace tollgate::rules::internal
