// Determination: the engine's answer to "may I ship this?", per item and for the whole
// transaction, with the trace of every step (what was decided, the facts used, the
// citation) and the screening matches with their scores, so an analyst or an auditor
// can follow and check it (records kept under part 762).
//
// Decisions, from least to most restrictive (the transaction's is its items' worst):
//   NO_LICENSE_REQUIRED  nothing requires a license
//   AUTHORIZED           a license is required and something authorizes it (a license
//                        held, a general license, a license exception), with conditions
//   LICENSE_REQUIRED     a license is required and nothing authorizes it; the review
//                        policy an application would face is given
//   REVIEW               a possible list match (or a rule the engine cannot apply) needs
//                        an analyst before anything ships: never a silent pass
//   PROHIBITED           a party is denied export privileges (DPL): not licensable
//
// Thread-safety: value types (the list-versions step is shared, immutable, between the
// determinations made against the same lists on the same date); ToJson is pure.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/rules/party.h"
#include "tollgate/rules/transaction.h"

namespace tollgate::rules {

enum class Decision { kNoLicenseRequired, kAuthorized, kLicenseRequired, kReview, kProhibited };
// "NO_LICENSE_REQUIRED", "AUTHORIZED", "LICENSE_REQUIRED", "REVIEW", "PROHIBITED".
const char* DecisionName(Decision decision);
// The more restrictive of the two.
Decision Worse(Decision a, Decision b);

struct Fact {
  std::string name;
  std::string value;
};

// A listed entry a party matched, at or above the review threshold.
struct ScreeningHit {
  PartyRole role = PartyRole::kUltimateConsignee;
  std::string party;  // the name as given
  std::string list;   // "EL", "DPL", ...
  std::string entry_id;
  std::string entry_name;
  std::string matched_name;  // the entry's name or alias that matched
  std::string country;       // the entry's first address country, if any
  double score = 0;
  bool block = false;  // at or above the block threshold: treated as the listed party
  std::string
      effect;  // what it meant here: "prohibited", "license_required", "review", "none: ..."
  std::string explanation;  // the screening engine's
  std::vector<std::string> federal_register;
  std::string license_requirement;
  std::string license_policy;
};

struct TraceStep {
  std::string step;     // "screen_party", "classify", "country_chart", "entity_list", ...
  std::string finding;  // one sentence
  std::vector<Fact> facts;
  std::string citation;
  bool check = false;  // relies on a fact marked [check] in data/rules
  std::vector<ScreeningHit> matches;
};

// Something that makes a license necessary for an item.
struct Requirement {
  std::string source;  // "entity_list", "country_chart", "embargo", "review"
  std::string basis;   // "EL: Huawei Technologies Co., Ltd. (84 FR 22961)", "NS1", ...
  std::string review_policy;
  std::string citation;
};

struct Condition {
  std::string text;
  std::string citation;
};

struct AuthorizationUsed {
  std::string kind;  // "license", "general_license", "license_exception"
  std::string id;    // license number, "huawei_tgl", "ENC b(1)"
  std::string name;
  std::string citation;
  std::vector<std::string> covers;  // the Requirement bases it overcomes
  std::vector<Condition> conditions;
};

struct ItemDetermination {
  Item item;
  std::string eccn;  // normalized
  Decision decision = Decision::kNoLicenseRequired;
  std::vector<Requirement> requirements;
  std::vector<AuthorizationUsed> authorized_by;
  std::vector<std::string> review_policies;  // of the requirements left uncovered
  std::vector<std::string> review_reasons;   // why REVIEW, when it is
  std::vector<TraceStep> trace;
};

struct Determination {
  Transaction transaction;
  Decision decision = Decision::kNoLicenseRequired;
  std::vector<ItemDetermination> items;
  // The list versions the parties were screened against: the trace's first step,
  // shared rather than copied (its facts name every feed, ten strings and more).
  std::shared_ptr<const TraceStep> lists_step;
  std::vector<TraceStep> trace;  // the other transaction-wide steps: screening, decision
  std::vector<ScreeningHit> matches;
  std::vector<Condition> conditions;  // of the authorizations relied on
  std::vector<std::string> review_reasons;
};

nlohmann::json ToJson(const Determination& determination);
// One match as the determination's JSON shows it (score to three decimals).
nlohmann::json ToJson(const ScreeningHit& hit);

}  // namespace tollgate::rules
