// Issuing a license on approval (15 CFR 750.7): what an approved application becomes.
// The license names the applicant organization as holder, the parties and destination
// of the application, the items approved (all of them, or those of an approval in
// part with the quantities approved), the decision's conditions, and a validity that
// runs from the decision date for the default term of the rules data
// (data/rules/license_terms.json: four years, §750.7(g)).
//
// Thread-safety: plain value types and pure functions (LoadLicenseTerms reads a file).
// Failure: LoadLicenseTerms returns kIoError when the file cannot be read and
// kParseError naming the file and field; LicenseForApproval returns kInvalidArgument
// when the application is not approved or an approved item does not exist.
#pragma once

#include <filesystem>
#include <string>

#include "tollgate/common/result.h"
#include "tollgate/licensing/application.h"
#include "tollgate/licensing/license.h"

namespace tollgate::licensing {

struct LicenseTerms {
  int validity_years = 0;
  std::string citation;  // "15 CFR 750.7(g)"
};

// `file` names the source in messages.
Result<LicenseTerms> ParseLicenseTerms(std::string_view json_text, const std::string& file);
Result<LicenseTerms> LoadLicenseTerms(const std::filesystem::path& path);
// data/rules/license_terms.json of the data folder (common/data_dir.h).
Result<std::filesystem::path> ShippedLicenseTermsPath();

// The last day of a validity of `years` starting on `from`: the day before the same
// date `years` later (29 February runs to 28 February).
Date ValidityEnd(Date from, int years);

// The license `approved` (state approved, with its decision) issues to `holder` (the
// applicant organization's name), with nothing shipped yet. The number is left empty:
// the store assigns it and validates the whole license (ValidateLicense).
Result<License> LicenseForApproval(const Application& approved, const std::string& holder,
                                   const LicenseTerms& terms);

}  // namespace tollgate::licensing
