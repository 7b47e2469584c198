// Shared by the single and batch screening commands: building the index over the
// lists in force on a date and validating --country. The JSON form of an answer is the
// library's (tollgate/forms/screening_json.h), shared with the API.
#pragma once

#include <memory>
#include <string>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/screening/screening.h"
#include "tollgate/storage/store.h"

namespace tollgate::cli {

// `tollgate screen` (single and batch) exits with this when no list version is in
// force on the date: nothing was screened, which is not "no match" (exit 0).
constexpr int kExitNoListInForce = 10;

// The list versions in force on a date and the index over their entries.
struct IndexInForce {
  std::vector<storage::ListVersion> versions;
  std::shared_ptr<const screening::Index> index;
};
Result<IndexInForce> BuildIndexInForce(storage::Store& store, Date as_of);

// Upper-cased ISO alpha-2 code, or an error naming the flag.
Result<std::string> ValidateCountryFlag(const std::string& value);

// Sets the query's date of birth, nationality and identifiers from their text (each
// optional: "" and an empty list set nothing), or says which is wrong.
Status SetQueryFacts(const std::string& dob, const std::string& nationality,
                     const std::vector<std::string>& ids, screening::Query& query);

}  // namespace tollgate::cli
