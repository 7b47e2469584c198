#include "screen_support.h"

#include "tollgate/common/country.h"
#include "tollgate/lists/import.h"

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

}  // namespace tollgate::cli
