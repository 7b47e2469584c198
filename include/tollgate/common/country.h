// Countries: ISO 3166-1 alpha-2 codes with English names, and the name variants the
// official list files use ("Korea, North", "Burma", "Iran (Islamic Republic of)",
// "Congo, Democratic Republic of the", "Palestinian", ...). List readers resolve the
// country of an address or a nationality with it; the CLI and the server validate a
// `--country` argument with it.
//
// Besides the 249 ISO codes the table holds XK (Kosovo): a user-assigned code that the
// US lists, the EU and the UN use, with no ISO code of its own.
//
// Thread-safety: the table is immutable and built on first use; all functions may be
// called from any thread.
// Failure: lookups return std::nullopt when nothing matches; they never throw.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace tollgate {

struct Country {
  std::string_view code;  // "CN"
  std::string_view name;  // "China": the common English short name
};

// Every country in the table, ordered by code.
std::span<const Country> AllCountries();

// By alpha-2 code, case-insensitive ("cn", "CN").
std::optional<Country> CountryByCode(std::string_view code);

// By name or a known variant, ignoring case, surrounding and repeated spaces and a
// trailing full stop ("RUSSIA", "Russian Federation", "Korea, North.").
std::optional<Country> CountryByName(std::string_view name);

// A code when `text` is a known two-letter code, otherwise a name ("UK" is a name):
// for user input and for columns that hold either. Prefer the specific functions for file columns
// of a known kind (a name column holding "na" must not resolve to Namibia).
std::optional<Country> FindCountry(std::string_view text);

}  // namespace tollgate
