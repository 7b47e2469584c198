#include "screen_support.h"

#include "tollgate/common/country.h"
#include "tollgate/lists/import.h"
#include "tollgate/screening/query_facts.h"

namespace tollgate::cli {

Result<IndexInForce> BuildIndexInForce(storage::Store& store, Date as_of) {
  auto versions = lists::VersionsInForce(store, as_of);
  if (!versions.ok()) return versions.error();
  auto entries = lists::EntriesInForce(store, as_of);
  if (!entries.ok()) return entries.error();
  return IndexInForce{std::move(versions).value(),
                      screening::Index::Build(std::move(entries).value())};
}

Result<std::string> ValidateCountryFlag(const std::string& value) {
  auto country = FindCountry(value);
  if (!country) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--country '" + value + "': not an ISO 3166 alpha-2 code or country name");
  }
  return std::string(country->code);
}

Status SetQueryFacts(const std::string& dob, const std::string& nationality,
                     const std::vector<std::string>& ids, screening::Query& query) {
  if (!dob.empty()) {
    auto date = screening::ParseBirthDate(dob);
    if (!date.ok()) return date.error();
    query.date_of_birth = *date;
  }
  if (!nationality.empty()) {
    auto code = screening::ParseNationality(nationality);
    if (!code.ok()) return code.error();
    query.nationality = *code;
  }
  for (const std::string& text : ids) {
    if (text.empty()) continue;
    auto id = screening::ParseQueryIdentifier(text);
    if (!id.ok()) return id.error();
    query.ids.push_back(std::move(*id));
  }
  return {};
}

}  // namespace tollgate::cli
