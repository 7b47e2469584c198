#include "tollgate/rules/stored_general_licenses.h"

#include <fstream>
#include <sstream>

#include "rules/loaders.h"

namespace tollgate::rules {
namespace {

// Runs the rules loader over `definitions` (the objects of "general_licenses").
Result<std::vector<GeneralLicense>> Validate(const nlohmann::json& definitions,
                                             const std::string& source,
                                             const std::vector<Activity>& activities) {
  try {
    nlohmann::json document = {{"general_licenses", definitions}};
    return internal::LoadGeneralLicenses(document, source, activities);
  } catch (const internal::RuleDataError& e) {
    return MakeError(ErrorCode::kParseError, e.what());
  } catch (const nlohmann::json::exception& e) {
    return MakeError(ErrorCode::kParseError, source + ": " + e.what());
  }
}

Result<storage::GeneralLicenseWindowRecord> WindowRecord(const nlohmann::json& body) {
  if (!body.is_object()) return MakeError(ErrorCode::kParseError, "a window is a JSON object");
  storage::GeneralLicenseWindowRecord window;
  window.id = body.value("id", "");
  auto from = Date::Parse(body.value("from", ""));
  auto to = Date::Parse(body.value("to", ""));
  if (!from.ok())
    return MakeError(ErrorCode::kInvalidArgument, "window from: " + from.error().message);
  if (!to.ok()) return MakeError(ErrorCode::kInvalidArgument, "window to: " + to.error().message);
  window.from = *from;
  window.to = *to;
  window.body = body;
  return window;
}

}  // namespace

Result<storage::GeneralLicenseRecord> GeneralLicenseRecordFromJson(
    const nlohmann::json& object, const std::string& source,
    const std::vector<Activity>& activities) {
  if (!object.is_object()) {
    return MakeError(ErrorCode::kParseError, source + ": a general license is a JSON object");
  }
  auto validated = Validate(nlohmann::json::array({object}), source, activities);
  if (!validated.ok()) return validated.error();
  storage::GeneralLicenseRecord record;
  record.id = object.at("id").get<std::string>();
  record.name = object.at("name").get<std::string>();
  record.definition = object;
  record.definition.erase("windows");
  for (const auto& body : object.at("windows")) {
    auto window = WindowRecord(body);
    if (!window.ok()) return window.error();
    record.windows.push_back(std::move(window).value());
  }
  return record;
}

Result<std::vector<storage::GeneralLicenseRecord>> ReadGeneralLicenseRecords(
    const std::filesystem::path& file, const std::vector<Activity>& activities) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, "cannot read '" + file.string() + "'");
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto json = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("general_licenses") ||
      !json.at("general_licenses").is_array()) {
    return MakeError(ErrorCode::kParseError,
                     file.string() + ": expected an object with a \"general_licenses\" array");
  }
  std::vector<storage::GeneralLicenseRecord> records;
  const auto& list = json.at("general_licenses");
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto record = GeneralLicenseRecordFromJson(
        list[i], file.string() + ": /general_licenses/" + std::to_string(i), activities);
    if (!record.ok()) return record.error();
    records.push_back(std::move(record).value());
  }
  return records;
}

nlohmann::json EffectiveDefinition(const storage::GeneralLicenseRecord& record) {
  nlohmann::json out = record.definition;
  nlohmann::json windows = nlohmann::json::array();
  for (const auto& window : record.windows) {
    nlohmann::json body = window.body;
    if (record.revoked_from) {
      const Date revoked = *record.revoked_from;
      if (!(window.from < revoked)) continue;  // never took effect
      if (!(window.to < revoked)) {
        body["to"] = revoked.AddDays(-1).ToString();
        body["citation"] = body.value("citation", "") + "; revoked from " + revoked.ToString() +
                           " (" + record.revocation_citation + ")";
      }
    }
    windows.push_back(std::move(body));
  }
  if (windows.empty()) return nullptr;
  out["windows"] = std::move(windows);
  return out;
}

Result<std::vector<GeneralLicense>> GeneralLicensesFromRecords(
    const std::vector<storage::GeneralLicenseRecord>& records,
    const std::vector<Activity>& activities) {
  nlohmann::json definitions = nlohmann::json::array();
  for (const auto& record : records) {
    auto effective = EffectiveDefinition(record);
    if (!effective.is_null()) definitions.push_back(std::move(effective));
  }
  return Validate(definitions, "the store's general licenses", activities);
}

Result<storage::GeneralLicenseRecord> ExtendGeneralLicense(
    storage::GeneralLicenseRecord record, const nlohmann::json& window,
    const std::vector<Activity>& activities) {
  if (record.revoked_from) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "general license " + record.id + " was revoked from " +
                         record.revoked_from->ToString() + "; a revoked license is not extended");
  }
  nlohmann::json named = window;
  if (named.is_object() && named.value("id", "").empty()) {
    named["id"] = "extension_" + std::to_string(record.windows.size());
  }
  auto added = WindowRecord(named);
  if (!added.ok()) return added.error();
  record.windows.push_back(std::move(added).value());
  auto checked = Validate(nlohmann::json::array({EffectiveDefinition(record)}),
                          "general license " + record.id, activities);
  if (!checked.ok()) return checked.error();
  return record;
}

Result<storage::GeneralLicenseRecord> RevokeGeneralLicense(
    storage::GeneralLicenseRecord record, Date from, const std::string& citation,
    const std::vector<Activity>& activities) {
  const std::string which = "general license " + record.id;
  if (record.revoked_from) {
    return MakeError(ErrorCode::kInvalidArgument,
                     which + " was already revoked from " + record.revoked_from->ToString());
  }
  if (citation.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--citation: a revocation needs its authority (e.g. the Federal Register "
                     "notice; 15 CFR 750.8 for licenses)");
  }
  if (record.windows.empty() || !(record.windows.front().from < from)) {
    return MakeError(
        ErrorCode::kInvalidArgument,
        "--from: " + from.ToString() + " is not after the first day of " + which +
            (record.windows.empty() ? "" : " (" + record.windows.front().from.ToString() + ")"));
  }
  record.revoked_from = from;
  record.revocation_citation = citation;
  auto checked = Validate(nlohmann::json::array({EffectiveDefinition(record)}), which, activities);
  if (!checked.ok()) return checked.error();
  return record;
}

nlohmann::json GeneralLicenseJson(const storage::GeneralLicenseRecord& record) {
  nlohmann::json out = record.definition;
  out["id"] = record.id;
  out["name"] = record.name;
  nlohmann::json windows = nlohmann::json::array();
  for (const auto& w : record.windows) windows.push_back(w.body);
  out["windows"] = std::move(windows);
  out["version"] = record.version;
  out["status"] = record.revoked_from ? "revoked" : "issued";
  if (record.revoked_from) {
    out["revoked_from"] = record.revoked_from->ToString();
    out["revoked_on"] = record.revoked_from->ToString();
    out["revocation_citation"] = record.revocation_citation;
  }
  out["effective"] = EffectiveDefinition(record);
  return out;
}

Result<std::size_t> LoadMissingGeneralLicenses(storage::Store& store,
                                               const std::filesystem::path& file,
                                               const std::vector<Activity>& activities,
                                               const storage::ChangeStamp& stamp) {
  auto records = ReadGeneralLicenseRecords(file, activities);
  if (!records.ok()) return records.error();
  auto stored = store.ListGeneralLicenses();
  if (!stored.ok()) return stored.error();
  std::vector<storage::GeneralLicenseRecord> missing;
  for (auto& record : *records) {
    bool present = false;
    for (const auto& s : *stored) present = present || s.id == record.id;
    if (!present) missing.push_back(std::move(record));
  }
  if (missing.empty()) return std::size_t{0};
  if (auto s = store.AddGeneralLicenses(missing, "general_license.load", stamp); !s.ok()) {
    return s.error();
  }
  return missing.size();
}

}  // namespace tollgate::rules
