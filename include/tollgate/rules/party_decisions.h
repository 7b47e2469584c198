// What an organization's analysts decided about its own parties (issue 15, item 4):
// each decided alert of its party master, read where a determination names one of
// those parties. A false_positive for entry E clears a match on E (the party is not
// the listed one: DOMAIN.md section 7 leaves that decision to a person); a true_match
// makes a match on E count as the listed party whatever its score, so the list's rule
// applies (15 CFR 744.11 for the Entity List, the Denied Persons order for the DPL).
// A match that no decision covers is treated as before.
//
// A determination names a party by its name, not by the master's id, so a party of
// the master is recognized by a name or alias that reads the same (the screening's
// folding and tokens: "HUAWEI TECHNOLOGIES CO., LTD." reads as "Huawei Technologies
// Co Ltd") and, when both sides give one, the same country.
//
// Thread-safety: immutable once built; For may be called from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tollgate::rules {

struct PartyDecision {
  bool true_match = false;  // else a false positive
  std::int64_t alert_id = 0;
  std::string party_external_id;  // the master's id of the party
  std::string party_name;         // the master's name of the party
  std::string list;               // "EL", "DPL", ...
  std::string entry_id;
  std::string entry_name;
  // The party's name or alias the alert's match was found with: a true match is
  // looked for with it when the name the determination gives does not reach the entry.
  std::string screened_name;
  std::string decided_by;  // who gave the disposition
  std::string decided_at;
  std::string comment;
};

// How names are compared: the screening's canonical tokens joined by spaces.
std::string PartyNameKey(std::string_view name);

class PartyDecisions {
 public:
  // `names`: the party's name and aliases as the master held them when decided;
  // `country`: its ISO code, "" when the master gives none.
  void Add(const std::vector<std::string>& names, const std::string& country,
           PartyDecision decision);
  // The decisions about a master party named `name` (a name or alias reading the same)
  // whose country is `country`, or either side gives none.
  std::vector<const PartyDecision*> For(std::string_view name, std::string_view country) const;
  bool empty() const { return decisions_.empty(); }
  std::size_t size() const { return decisions_.size(); }

 private:
  struct Held {
    std::string country;
    PartyDecision decision;
  };
  std::vector<Held> decisions_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_name_;  // key -> decisions_
};

}  // namespace tollgate::rules
