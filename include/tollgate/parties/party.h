// The party master (issue 15, item 1): the customers, consignees, end users and
// suppliers an organization keeps, each screened when it is added or changed. Knowing
// one's parties is the exporter's duty behind every "know your customer" red flag
// (15 CFR 732 Supp. 3); screening them against the lists of 15 CFR 744 Supp. 4
// (Entity List), the Denied Persons List (part 764) and OFAC's SDN list (31 CFR 501)
// before any export is what the screening of a transaction does, done ahead.
//
// A party is keyed by (organization, external id): the id the exporter's own systems
// give it, so an import of the same master again updates it rather than duplicating it.
// The store gives it a stable numeric id and a revision that counts its changes, and
// keeps its latest screening outcome (what later alerts start from).
//
// Thread-safety: plain value types and pure functions.
// Failure: ValidateParty and PartyFromJson return kInvalidArgument naming the field
// ("country: 'XX' is not an ISO 3166 alpha-2 code ...").
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/lists/entry.h"

namespace tollgate::parties {

// An identifier the party is known by: a passport, a tax id, an LEI, an IMO number.
struct Identifier {
  std::string type;   // "passport", "LEI", "IMO", ...
  std::string value;  // as issued
  bool operator==(const Identifier&) const = default;
};

// The latest screening of a party against the lists in force on `as_of`.
struct Screening {
  std::string screened_at;  // UTC "YYYY-MM-DDTHH:MM:SSZ"; "" when never screened
  std::string as_of;        // "YYYY-MM-DD": the date whose lists were searched
  double top_score = 0;     // the highest score among `matches` (0 when none)
  std::int64_t hits = 0;    // matches at or above the review threshold
  // The list versions in force: [{"feed", "version", "as_of", "entries"}]; empty when
  // no list was in force (nothing was searched: not a clean result).
  nlohmann::json lists = nlohmann::json::array();
  // Each match as rules::ToJson(ScreeningHit) shows it, with the name that matched.
  nlohmann::json matches = nlohmann::json::array();
  bool operator==(const Screening&) const = default;
};

struct Party {
  std::int64_t id = 0;       // the store's, stable for the party's life
  std::string organization;  // the organization whose master holds it
  std::string external_id;   // the exporter's own key, unique within the organization
  std::string name;
  std::vector<std::string> aliases;
  std::string country;  // ISO 3166 alpha-2
  std::string address;
  lists::EntryType type = lists::EntryType::kEntity;
  std::string date_of_birth;  // "", "YYYY" or "YYYY-MM-DD" (individuals)
  std::vector<Identifier> identifiers;
  std::int64_t revision = 0;  // 1 when added, +1 for each change
  std::string updated_at;     // UTC timestamp of the last change
  std::string updated_by;     // licensing::Describe of who changed it, or "operator"
  Screening screening;
  bool operator==(const Party&) const = default;
};

// A party's names alone, with its store id: what continuous screening keeps of each
// party between list versions (alerts/rescreen.h, PartyIndex).
struct PartyNames {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::string> aliases;
};

// Whether two parties hold the same facts (what an import compares to tell a change
// from an unchanged party): everything but the store's id, revision, stamps and
// screening.
bool SameContent(const Party& a, const Party& b);

// Checks and normalizes a party as given: trims text, resolves the country to its
// alpha-2 code (a name such as "China" is accepted), checks the date of birth and drops
// empty aliases. kInvalidArgument naming the field otherwise.
Result<Party> ValidateParty(Party party);

// The JSON form of the API and `--json`: {id, organization, external_id, name,
// aliases, country, address, type, date_of_birth, identifiers [{type, value}],
// revision, updated_at, updated_by, screening {...}}.
nlohmann::json ToJson(const Party& party);
// What a file or a request gives: {external_id, name, aliases, country, address, type,
// date_of_birth, identifiers}; anything else is refused by name (a misspelt key would
// drop data silently). The result is validated (ValidateParty). Errors read
// "FIELD: what", FIELD being the key.
Result<Party> PartyFromJson(const nlohmann::json& json);

}  // namespace tollgate::parties
