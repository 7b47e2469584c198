// Alerts (issue 15, item 3): a party of an organization's master that scores at or
// above the review threshold against a listed entry. An alert names the party (id and
// the revision screened), the entry (list and entry id: the key lists::DiffEntries
// matches versions on), the list version that brought it, the forward score and its
// explanation, exactly as screening the party gives them.
//
// One alert per (party, list, entry) for the party's life: a later list version or a
// change of the party updates it rather than opening another, so two servers storing
// the same version at once cannot double it (the store's UNIQUE key).
//
// The dispositions are an analyst's answers (DOMAIN.md section 7: a possible match
// waits for a person): true_match (the party is the listed one), false_positive (it is
// not: suppressed while the facts compared stay as they were), escalated (someone
// else decides). A false_positive holds against the party's name, aliases and country
// and the entry's names, addresses and programs: the facts kept with the alert; when
// either side changes, the alert opens again and says what changed.
//
// Thread-safety: value types and pure functions.
// Failure: ParseDisposition and ParseState return kInvalidArgument naming the field.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/lists/entry.h"
#include "tollgate/parties/party.h"

namespace tollgate::alerts {

// open: waits for an analyst; decided: true_match or false_positive holds; closed: the
// entry left its list (nothing to decide any more). An escalated alert is still open.
enum class State { kOpen, kDecided, kClosed };
enum class Disposition { kNone, kTrueMatch, kFalsePositive, kEscalated };

const char* StateName(State state);  // "open", "decided", "closed"
// "", "true_match", "false_positive", "escalated".
const char* DispositionName(Disposition disposition);
// `field` names where the text came from ("disposition", "state") in the error.
Result<State> ParseState(std::string_view text, std::string_view field = "state");
Result<Disposition> ParseDisposition(std::string_view text, std::string_view field = "disposition");

struct Alert {
  std::int64_t id = 0;  // the store's
  std::string organization;
  std::int64_t party_id = 0;
  std::string party_external_id;
  std::string party_name;
  std::int64_t party_revision = 0;  // the revision screened
  std::string list;                 // "EL", "SDN", ...
  std::string entry_id;
  std::string entry_name;
  std::string feed;               // the feed of the version that brought it: "csl"
  std::int64_t list_version = 0;  // storage::ListVersion::id
  double score = 0;               // four decimals, as parties::ScreenParty keeps it
  nlohmann::json match;           // rules::ToJson(ScreeningHit): explanation, effect, ...
  State state = State::kOpen;
  Disposition disposition = Disposition::kNone;
  std::string comment;
  std::string decided_by;  // licensing::Describe of who gave the disposition, "" when none
  std::string decided_at;
  std::string assignee;  // a user name, "" when nobody
  std::string opened_at;
  std::string updated_at;
  // What the disposition compares against: the party's {name, aliases, country} and
  // the entry's {names, addresses, programs} when it was last screened.
  nlohmann::json party_facts;
  nlohmann::json entry_facts;
  // When it opened again: {"party": {field: {before, after}}, "entry": {...}}; null
  // otherwise.
  nlohmann::json changed;
  std::int64_t version = 0;  // the store's optimistic-concurrency counter
  bool operator==(const Alert&) const = default;
};

// The facts a false_positive holds against.
nlohmann::json PartyFacts(const parties::Party& party);
nlohmann::json EntryFacts(const lists::ListEntry& entry);
// What differs between two facts objects: {field: {"before": ..., "after": ...}};
// empty when none.
nlohmann::json FactsChanged(const nlohmann::json& before, const nlohmann::json& after);

// The JSON form of the API and `--json`.
nlohmann::json ToJson(const Alert& alert);

// Which alerts a page lists. `organization` is required; empty/unset fields do not
// filter. `sort` is "score", "id" or "opened_at", prefixed with '-' for descending.
struct Filter {
  std::string organization;
  std::optional<State> state;
  std::string list;
  double min_score = 0;
  std::string party;  // external id
  std::string assignee;
  std::string sort = "-score";
  std::int64_t page = 1;  // from 1
  std::int64_t per_page = 50;
};
inline constexpr std::int64_t kMaxPerPage = 500;

// Checks the paging and sort fields; kInvalidArgument naming the field.
Status ValidateFilter(const Filter& filter);

struct Page {
  std::vector<Alert> alerts;
  std::int64_t total = 0;  // matching the filter, all pages
};

}  // namespace tollgate::alerts
