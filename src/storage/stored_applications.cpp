#include "storage/stored_applications.h"

#include <nlohmann/json.hpp>

#include "tollgate/licensing/application_json.h"

namespace tollgate::storage {
namespace {

Error Damaged(const std::string& what, const std::string& why) {
  return MakeError(ErrorCode::kStorageError, "damaged " + what + " in the store: " + why);
}

Result<nlohmann::json> ParseJson(std::string_view text, const std::string& what) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return Damaged(what, e.what());
  }
}

}  // namespace

Result<std::string> JsonText(const nlohmann::json& json, const std::string& what) {
  try {
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::type_error& e) {
    return MakeError(ErrorCode::kInvalidArgument, what + ": text is not valid UTF-8");
  }
}

Result<std::string> ApplicationBody(const licensing::Application& application) {
  return JsonText(licensing::ToJson(application), licensing::Subject(application));
}

Result<licensing::Application> DecodeApplication(std::string_view body, std::int64_t id,
                                                 std::int64_t version) {
  const std::string what = "application #" + std::to_string(id);
  auto json = ParseJson(body, what);
  if (!json.ok()) return json.error();
  auto application = licensing::ApplicationFromJson(*json);
  if (!application.ok()) return Damaged(what, application.error().message);
  application->id = id;
  application->version = version;
  return application;
}

Result<TimelineEntry> DecodeTimelineRow(std::int64_t application_id, std::int64_t seq,
                                        const std::string& on, std::string recorded_at,
                                        const std::string& from, const std::string& to,
                                        std::string_view event_body) {
  const std::string what = "timeline entry " + std::to_string(seq) + " of application #" +
                           std::to_string(application_id);
  TimelineEntry entry;
  entry.application_id = application_id;
  entry.seq = seq;
  entry.recorded_at = std::move(recorded_at);
  auto date = Date::Parse(on);
  auto from_state = licensing::ParseState(from);
  auto to_state = licensing::ParseState(to);
  if (!date.ok() || !from_state || !to_state) return Damaged(what, "bad date or state");
  entry.on = *date;
  entry.from = *from_state;
  entry.to = *to_state;
  auto json = ParseJson(event_body, what);
  if (!json.ok()) return json.error();
  auto event = licensing::EventFromJson(*json);
  if (!event.ok()) return Damaged(what, event.error().message);
  entry.event = std::move(event).value();
  return entry;
}

Result<audit::Record> DecodeAuditRow(std::int64_t sequence, std::string timestamp,
                                     std::string actor, std::string action, std::string subject,
                                     std::string_view before, std::string_view after,
                                     std::string previous_hash, std::string hash) {
  const std::string what = "audit record " + std::to_string(sequence);
  audit::Record record;
  record.sequence = sequence;
  record.timestamp = std::move(timestamp);
  record.actor = std::move(actor);
  record.action = std::move(action);
  record.subject = std::move(subject);
  auto b = ParseJson(before, what);
  if (!b.ok()) return b.error();
  auto a = ParseJson(after, what);
  if (!a.ok()) return a.error();
  record.before = std::move(b).value();
  record.after = std::move(a).value();
  record.previous_hash = std::move(previous_hash);
  record.hash = std::move(hash);
  return record;
}

Result<licensing::User> DecodeUserRow(std::string name, const std::string& role,
                                      std::string organization, const std::string& agency) {
  licensing::User user;
  auto parsed_role = licensing::ParseRole(role);
  if (!parsed_role) return Damaged("user '" + name + "'", "unknown role '" + role + "'");
  user.role = *parsed_role;
  if (!agency.empty()) {
    user.agency = licensing::ParseAgency(agency);
    if (!user.agency) return Damaged("user '" + name + "'", "unknown agency '" + agency + "'");
  }
  user.name = std::move(name);
  user.organization = std::move(organization);
  return user;
}

audit::Entry OrganizationCreated(const licensing::Organization& organization,
                                 const ChangeStamp& stamp) {
  return {stamp.timestamp,
          stamp.actor,
          "organization.create",
          "organization " + organization.id,
          nullptr,
          {{"id", organization.id}, {"name", organization.name}}};
}

audit::Entry UserCreated(const licensing::User& user, const ChangeStamp& stamp) {
  nlohmann::json after = {{"name", user.name}, {"role", licensing::RoleName(user.role)}};
  if (!user.organization.empty()) after["organization"] = user.organization;
  if (user.agency) after["agency"] = licensing::AgencyName(*user.agency);
  return {stamp.timestamp, stamp.actor, "user.create", "user " + user.name, nullptr, after};
}

Status CheckNewDraft(const licensing::Application& draft) {
  if (draft.id != 0 || draft.version != 0 || draft.state != licensing::ApplicationState::kDraft ||
      !draft.control_number.empty() || draft.review != licensing::Review{}) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "a new application must be a fresh draft: no id, version, control number, "
                     "state or review");
  }
  if (draft.organization.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "a new application names its organization");
  }
  return {};
}

Error UnknownApplication(const std::string& which) {
  return MakeError(ErrorCode::kNotFound, "no application " + which);
}
Result<licensing::Application> OneApplication(Result<std::vector<licensing::Application>> found,
                                              const std::string& which) {
  if (!found.ok()) return found.error();
  if (found->empty()) return UnknownApplication(which);
  return std::move(found->front());
}

Error UnknownOrganization(const std::string& id) {
  return MakeError(ErrorCode::kNotFound, "no organization '" + id + "'");
}
Error UnknownUser(const std::string& name) {
  return MakeError(ErrorCode::kNotFound, "no user '" + name + "'");
}
Error OrganizationExists(const std::string& id) {
  return MakeError(ErrorCode::kConflict, "organization '" + id + "' already exists");
}
Error UserExists(const std::string& name) {
  return MakeError(ErrorCode::kConflict, "user '" + name + "' already exists");
}
Error StaleApplication(const licensing::Application& after, std::int64_t stored_version) {
  return MakeError(ErrorCode::kConflict,
                   licensing::Subject(after) + " was changed by someone else: it is at version " +
                       std::to_string(stored_version) + ", this change was based on version " +
                       std::to_string(after.version) + "; reload it and try again");
}
Error ControlNumberTaken(const std::string& control_number) {
  return MakeError(ErrorCode::kConflict,
                   "control number " + control_number + " belongs to another application");
}

}  // namespace tollgate::storage
