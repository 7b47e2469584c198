// What the CSV and JSON forms of the trade.gov Consolidated Screening List share: the
// record's fields once the form's own encoding (joined strings or arrays) is undone,
// and the rules that turn them into a ListEntry.
//
// Thread-safety: free functions without shared state.
// Failure: BuildCslEntry returns the Error made by the caller's `fail` for the first
// bad field, so each form reports its own location (a line, a JSON index).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/lists/entry.h"

namespace tollgate::lists::formats {

struct CslRecord {
  std::string source;  // "Entity List (EL) - Bureau of Industry and Security"
  std::string id;      // _id
  std::string entity_number;
  std::string type;
  std::string name;
  std::string title;
  std::string federal_register_notice;
  std::string start_date;
  std::string end_date;
  std::string license_requirement;
  std::string license_policy;
  std::string call_sign;
  std::string vessel_flag;
  std::string remarks;
  std::string source_list_url;
  std::string source_information_url;
  std::vector<std::string> programs;
  std::vector<std::string> alt_names;
  std::vector<std::string> citizenships;
  std::vector<std::string> nationalities;
  std::vector<std::string> dates_of_birth;
  std::vector<Address> addresses;
  std::vector<Identifier> ids;
};

// The list code of a CSL source: the code in parentheses of the long name
// ("Entity List (EL) - ..." -> "EL", "(NS-MBS List)" -> "NS-MBS") or a bare code.
std::optional<std::string> CslListCode(std::string_view source);

// A CSV address "80 SW 8th Street Suite 2000, Miami, FL, 33130, US": the CSV joins
// address, city, state, postal code and country with ", " and leaves out empty parts,
// so the split is a best effort; the country (an ISO code, last) is reliable.
Address ParseCslAddress(std::string_view text);

// How the CSV writes one identifier: older exports put the value first
// ("US, 80-0890696, Tax ID No."), current ones the type first
// ("Passport, 836238033, KP"). The order is decided once per file by VoteIdOrder.
enum class IdOrder { kTypeFirst, kValueFirst };
IdOrder VoteIdOrder(const std::vector<std::string>& joined_ids);
std::vector<Identifier> ParseCslIds(std::string_view joined, IdOrder order);

using FieldFailure = std::function<Error(std::string_view field, std::string_view what)>;

// The entry for a record; the entry id is the entity number, else the _id, else a
// digest of list, name and start date.
Result<ListEntry> BuildCslEntry(CslRecord& record, const FieldFailure& fail);

}  // namespace tollgate::lists::formats
