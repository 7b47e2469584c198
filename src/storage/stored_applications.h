// The stored forms of the licensing tables (organizations, users, applications, their
// timelines, the audit log), shared by the backends so that SQLite and PostgreSQL
// write the same text and fail the same way on a damaged row (kStorageError naming
// the row). Also the errors both backends return for the same situations.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "tollgate/audit/record.h"
#include "tollgate/common/result.h"
#include "tollgate/licensing/application.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

// JSON text for a column; kInvalidArgument naming `what` when a string in it is not
// valid UTF-8 (nothing is written then).
Result<std::string> JsonText(const nlohmann::json& json, const std::string& what);
// An application's body column: licensing::ToJson, compact.
Result<std::string> ApplicationBody(const licensing::Application& application);
// The id and version columns win over the body's copies.
Result<licensing::Application> DecodeApplication(std::string_view body, std::int64_t id,
                                                 std::int64_t version);

Result<TimelineEntry> DecodeTimelineRow(std::int64_t application_id, std::int64_t seq,
                                        const std::string& on, std::string recorded_at,
                                        const std::string& from, const std::string& to,
                                        std::string_view event_body);

// before/after columns hold JSON text ("null" for none).
Result<audit::Record> DecodeAuditRow(std::int64_t sequence, std::string timestamp,
                                     std::string actor, std::string action, std::string subject,
                                     std::string_view before, std::string_view after,
                                     std::string previous_hash, std::string hash);

Result<licensing::User> DecodeUserRow(std::string name, const std::string& role,
                                      std::string organization, const std::string& agency);

// The audit entries of organization and user creation.
audit::Entry OrganizationCreated(const licensing::Organization& organization,
                                 const ChangeStamp& stamp);
audit::Entry UserCreated(const licensing::User& user, const ChangeStamp& stamp);

// CreateApplication's check of what it is given.
Status CheckNewDraft(const licensing::Application& draft);

Error UnknownApplication(const std::string& which);  // "#12" or "D000001"
// The one application a lookup by id or control number found, or kNotFound.
Result<licensing::Application> OneApplication(Result<std::vector<licensing::Application>> found,
                                              const std::string& which);
Error UnknownOrganization(const std::string& id);
Error UnknownUser(const std::string& name);
Error OrganizationExists(const std::string& id);
Error UserExists(const std::string& name);
// The stored version moved on since `after` was computed.
Error StaleApplication(const licensing::Application& after, std::int64_t stored_version);
Error ControlNumberTaken(const std::string& control_number);

}  // namespace tollgate::storage
