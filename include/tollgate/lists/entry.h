// ListEntry: one entry of a restricted-party list, in one data model for every
// source (Entity List, Denied Persons, OFAC SDN and non-SDN, UN, State ISN/DTC, ...).
// Importers (lists/format.h) produce it from the official files; the screening index
// and the determination engine read it.
//
// Thread-safety: plain value types.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"

namespace tollgate::lists {

enum class EntryType { kEntity, kIndividual, kVessel, kAircraft };
// "entity", "individual", "vessel", "aircraft".
const char* EntryTypeName(EntryType type);
// Accepts the names above and the spellings of the files ("Entity", "-0-" is not a
// type: callers decide the default).
std::optional<EntryType> ParseEntryType(std::string_view text);

// OFAC distinguishes strong ("a.k.a.") from weak aliases, and former (f.k.a.) and
// new (n.k.a.) names; the UN list marks alias quality "Good"/"Low".
enum class AliasKind { kAka, kFka, kNka, kWeak };
const char* AliasKindName(AliasKind kind);
std::optional<AliasKind> ParseAliasKind(std::string_view text);

struct Alias {
  std::string name;
  AliasKind kind = AliasKind::kAka;
  bool operator==(const Alias&) const = default;
};

struct Address {
  std::string street;
  std::string city;
  std::string state;
  std::string postal_code;
  std::string country;       // ISO 3166-1 alpha-2 when it could be resolved, else ""
  std::string country_name;  // as written in the file
  bool operator==(const Address&) const = default;
};

struct Identifier {
  std::string type;  // "Passport", "USCC", "IMO", ...
  std::string value;
  std::string country;  // ISO alpha-2 when known
  bool operator==(const Identifier&) const = default;
};

struct ListEntry {
  // Source list code: EL, DPL, UVL, MEU (Commerce); SDN, SSI, FSE, PLC, CAP, NS-MBS,
  // CMIC (Treasury); ISN, DTC (State); UN (Security Council).
  std::string list;
  // Stable within its list: OFAC ent_num, UN reference number, the CSL entity_number
  // or _id; for files without ids, a digest of the list code and primary name.
  std::string entry_id;
  EntryType type = EntryType::kEntity;
  std::string name;  // primary name as published
  std::vector<Alias> aliases;
  std::vector<Address> addresses;
  std::vector<std::string> programs;          // e.g. "CMIC-EO13959", "INKSNA"
  std::vector<std::string> federal_register;  // e.g. "84 FR 22961"
  std::optional<Date> start_date;             // listed on / effective
  std::optional<Date> end_date;               // expires (DPL orders) or removed
  // Entity List only (15 CFR 744 Supp. 4 columns): which items need a license, and
  // the review policy an application faces (§744.16).
  std::string license_requirement;
  std::string license_policy;
  std::vector<Identifier> ids;
  std::vector<std::string> nationalities;   // ISO alpha-2 when resolved, else as written
  std::vector<std::string> dates_of_birth;  // as published ("1971", "1960-03-04")
  std::string title;
  std::string remarks;
  std::string source_url;

  bool operator==(const ListEntry&) const = default;
};

// True when the entry is in force on `date`: start <= date <= end, open ends allowed.
bool InForceOn(const ListEntry& entry, Date date);

// Canonical JSON (the stored form and the CLI's --json form). FromJson validates and
// reports the first bad field.
nlohmann::json ToJson(const ListEntry& entry);
Result<ListEntry> EntryFromJson(const nlohmann::json& input);

}  // namespace tollgate::lists
