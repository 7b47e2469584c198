// General licenses kept in the store (the Huawei TGL, 15 CFR 744 Supp. 7): seeding
// them from data/rules/general_licenses.json, issuing one, extending it with a new
// window (each with its Federal Register citation), revoking it from a date, and
// turning the stored records into what the determination engine reasons with.
// Expiry is not a state: a general license expires when its last window ends.
//
// A revocation cuts the windows: none starts on or after the revocation date, and one
// running past it ends the day before, its citation naming the revocation.
//
// Thread-safety: pure functions (ReadGeneralLicenseRecords reads a file).
// Failure: kParseError with the source and JSON path when a definition or window is
// not valid as rules data (the checks of rules::LoadRules: citations, dates,
// overlapping windows without "supersedes", unknown activities); kInvalidArgument for
// an extension or revocation that does not fit the license.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/rules/authorizations.h"
#include "tollgate/storage/store.h"

namespace tollgate::rules {

// Every general license of a rules file, as records to store.
Result<std::vector<storage::GeneralLicenseRecord>> ReadGeneralLicenseRecords(
    const std::filesystem::path& file, const std::vector<Activity>& activities);
// One general license given as a JSON object in the rules file's form.
Result<storage::GeneralLicenseRecord> GeneralLicenseRecordFromJson(
    const nlohmann::json& object, const std::string& source,
    const std::vector<Activity>& activities);

// `record` with `window` (a JSON object as in the rules file: id, from, to,
// supersedes, citation, check, note) appended, validated with the others. A window
// without an id is named "extension_N" (N: the windows before it).
Result<storage::GeneralLicenseRecord> ExtendGeneralLicense(storage::GeneralLicenseRecord record,
                                                           const nlohmann::json& window,
                                                           const std::vector<Activity>& activities);
// `record` revoked from `from` on the authority of `citation`. Refused when it is
// already revoked or `from` is not inside or after its first window.
Result<storage::GeneralLicenseRecord> RevokeGeneralLicense(storage::GeneralLicenseRecord record,
                                                           Date from, const std::string& citation,
                                                           const std::vector<Activity>& activities);

// The record as the rules file would hold it, windows cut by a revocation; null when
// the revocation leaves no window.
nlohmann::json EffectiveDefinition(const storage::GeneralLicenseRecord& record);
// What the engine reads: every record's effective definition, validated.
Result<std::vector<GeneralLicense>> GeneralLicensesFromRecords(
    const std::vector<storage::GeneralLicenseRecord>& records,
    const std::vector<Activity>& activities);

// The one JSON form of a stored general license (`general-licenses show --json` and
// GET /api/general-licenses/{id}): the definition, its windows as issued, "version",
// "status" ("revoked" or "issued"), "revoked_from"/"revoked_on" and
// "revocation_citation" when revoked, and "effective" (EffectiveDefinition).
nlohmann::json GeneralLicenseJson(const storage::GeneralLicenseRecord& record);

// Adds the general licenses of `file` (data/rules/general_licenses.json) that the
// store does not hold yet, in one transaction; returns how many were added.
Result<std::size_t> LoadMissingGeneralLicenses(storage::Store& store,
                                               const std::filesystem::path& file,
                                               const std::vector<Activity>& activities,
                                               const storage::ChangeStamp& stamp);

}  // namespace tollgate::rules
