// Transaction: the facts of one export an exporter asks about (DOMAIN.md section 3):
// items by ECCN with quantity and value, destination, parties by role, end use, the
// declared activity (for general licenses such as the Huawei TGL) and the date.
//
// Thread-safety: plain value types and pure functions.
// Failure: the parsers return kInvalidArgument saying what and where: the CLI flag
// text ("--party 'Huawei': expected ROLE=NAME ...") or the JSON path ("/parties/0:
// missing \"role\"").
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/rules/party.h"
#include "tollgate/screening/screening.h"

namespace tollgate::rules {

struct Party {
  PartyRole role = PartyRole::kUltimateConsignee;
  std::string name;
  std::string country;  // ISO alpha-2 when the user gives it; helps screening
};

// What a party's screening may read besides its name and country (screening/facts.h):
// the party master keeps a date of birth and identifiers for its parties.
struct PartyFacts {
  std::optional<screening::BirthDate> date_of_birth;
  std::vector<screening::QueryIdentifier> ids;
};

struct Item {
  std::string eccn;  // as given; the engine normalizes and classifies it
  std::optional<std::int64_t> quantity;
  std::optional<std::int64_t> value_usd;  // whole US dollars
};

struct Transaction {
  std::string id;  // optional reference (batch lines), echoed in the output
  std::string exporter;
  std::vector<Item> items;
  std::string destination;  // ISO 3166-1 alpha-2
  std::vector<Party> parties;
  // Parallel to `parties` when not empty: each party's secondary facts.
  std::vector<PartyFacts> party_facts;
  std::string end_use;
  std::string activity;  // "" when none declared; else a name from data/rules/activities.json
  Date date;
};

// "ultimate_consignee=Huawei Technologies Co., Ltd." (the name may contain '=').
Result<Party> ParsePartySpec(std::string_view spec);

// {"exporter", "items": [{"eccn", "quantity", "value"}], "destination", "parties":
// [{"role", "name", "country"}], "end_use", "activity", "date", "id"}: the batch input
// and the --json echo. Unknown keys are refused.
Result<Transaction> TransactionFromJson(const nlohmann::json& json);
nlohmann::json ToJson(const Transaction& transaction);

}  // namespace tollgate::rules
