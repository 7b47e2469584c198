#include "storage/stored_general_licenses.h"

#include <set>

namespace tollgate::storage {
namespace {

Error Damaged(const std::string& id, const std::string& what) {
  return MakeError(ErrorCode::kStorageError,
                   "general license " + id + ": stored " + what + " is damaged");
}

}  // namespace

nlohmann::json GeneralLicenseJson(const GeneralLicenseRecord& record) {
  nlohmann::json windows = nlohmann::json::array();
  for (const auto& w : record.windows) windows.push_back(w.body);
  nlohmann::json out = {{"id", record.id},
                        {"name", record.name},
                        {"windows", std::move(windows)},
                        {"version", record.version}};
  if (record.revoked_from) {
    out["revoked_from"] = record.revoked_from->ToString();
    out["revocation_citation"] = record.revocation_citation;
  }
  return out;
}

audit::Entry GeneralLicenseChanged(const GeneralLicenseRecord* before,
                                   const GeneralLicenseRecord& after, const std::string& action,
                                   const ChangeStamp& stamp) {
  return audit::Entry{stamp.timestamp,
                      stamp.actor,
                      action,
                      "general license " + after.id,
                      before ? GeneralLicenseJson(*before) : nlohmann::json(nullptr),
                      GeneralLicenseJson(after)};
}

Result<GeneralLicenseRecord> DecodeGeneralLicense(const StoredGeneralLicenseRow& row,
                                                  const std::vector<StoredWindowRow>& windows) {
  GeneralLicenseRecord record;
  record.id = row.id;
  record.name = row.name;
  record.version = row.version;
  record.definition = nlohmann::json::parse(row.definition, nullptr, false);
  if (record.definition.is_discarded() || !record.definition.is_object()) {
    return Damaged(row.id, "definition");
  }
  if (!row.revoked_from.empty()) {
    auto date = Date::Parse(row.revoked_from);
    if (!date.ok()) return Damaged(row.id, "revocation date");
    record.revoked_from = *date;
  }
  record.revocation_citation = row.revocation_citation;
  for (const auto& w : windows) {
    GeneralLicenseWindowRecord window;
    window.id = w.window_id;
    auto from = Date::Parse(w.from);
    auto to = Date::Parse(w.to);
    window.body = nlohmann::json::parse(w.body, nullptr, false);
    if (!from.ok() || !to.ok() || window.body.is_discarded()) {
      return Damaged(row.id, "window " + w.window_id);
    }
    window.from = *from;
    window.to = *to;
    record.windows.push_back(std::move(window));
  }
  return record;
}

Status CheckGeneralLicense(const GeneralLicenseRecord& record) {
  auto invalid = [&](const std::string& what) {
    return MakeError(ErrorCode::kInvalidArgument, "general license " + record.id + ": " + what);
  };
  if (record.id.empty())
    return MakeError(ErrorCode::kInvalidArgument, "general license id: missing");
  if (record.name.empty()) return invalid("name: missing");
  if (record.windows.empty()) return invalid("windows: needs at least one window");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < record.windows.size(); ++i) {
    const auto& w = record.windows[i];
    const std::string field = "windows/" + std::to_string(i);
    if (w.id.empty()) return invalid(field + "/id: missing");
    if (!ids.insert(w.id).second) return invalid(field + "/id: window " + w.id + " exists");
    if (w.to < w.from) return invalid(field + "/to: before its from");
  }
  return {};
}

Error GeneralLicenseExists(const std::string& id) {
  return MakeError(ErrorCode::kConflict, "general license " + id + " is already in the store");
}

Error UnknownGeneralLicense(const std::string& id) {
  return MakeError(ErrorCode::kNotFound, "no general license " + id + " in the store");
}

Error StaleGeneralLicense(const std::string& id, std::int64_t stored_version,
                          std::int64_t expected_version) {
  return MakeError(ErrorCode::kConflict, "general license " + id + " is at version " +
                                             std::to_string(stored_version) + ", not " +
                                             std::to_string(expected_version) +
                                             ": it changed since you read it; try again");
}

}  // namespace tollgate::storage
