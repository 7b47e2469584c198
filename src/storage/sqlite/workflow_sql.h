// SQL of the licensing workflow on SQLite (tables: schema.h migration 3). Timestamps
// are the caller's (licensing::Clock), so replays record their own dates.
#pragma once

#include <string_view>

namespace tollgate::storage::sqlite {

inline constexpr std::string_view kCountOrganization =
    "SELECT COUNT(*) FROM organizations WHERE id = ?1";
inline constexpr std::string_view kInsertOrganization =
    "INSERT INTO organizations(id, name, created_at) VALUES (?1, ?2, ?3)";
inline constexpr std::string_view kSelectOrganizations =
    "SELECT id, name FROM organizations ORDER BY id";

inline constexpr std::string_view kCountUser = "SELECT COUNT(*) FROM users WHERE name = ?1";
inline constexpr std::string_view kInsertUser =
    "INSERT INTO users(name, role, organization, agency, created_at) "
    "VALUES (?1, ?2, NULLIF(?3, ''), ?4, ?5)";
inline constexpr std::string_view kSelectUser =
    "SELECT name, role, COALESCE(organization, ''), agency FROM users WHERE name = ?1";

inline constexpr std::string_view kSelectLastControlNumber =
    "SELECT last FROM control_numbers WHERE id = 1";
inline constexpr std::string_view kUpdateLastControlNumber =
    "UPDATE control_numbers SET last = ?1 WHERE id = 1";

inline constexpr std::string_view kInsertApplication =
    "INSERT INTO applications(control_number, organization, state, version, registered_on, "
    "updated_at, body) VALUES (NULL, ?1, ?2, 1, NULL, ?3, ?4)";
inline constexpr std::string_view kUpdateApplicationBody =
    "UPDATE applications SET body = ?2 WHERE id = ?1";
inline constexpr std::string_view kSelectApplicationVersion =
    "SELECT version, body FROM applications WHERE id = ?1";
inline constexpr std::string_view kCountControlNumberElsewhere =
    "SELECT COUNT(*) FROM applications WHERE control_number = ?1 AND id <> ?2";
// The version in the WHERE clause is the optimistic-concurrency check.
inline constexpr std::string_view kUpdateApplication =
    "UPDATE applications SET control_number = NULLIF(?3, ''), state = ?4, version = version + 1, "
    "registered_on = NULLIF(?5, ''), updated_at = ?6, body = ?7 WHERE id = ?1 AND version = ?2";
inline constexpr std::string_view kSelectApplications =
    "SELECT id, version, body FROM applications WHERE (?1 = 0 OR id = ?1) AND "
    "(?2 = '' OR control_number = ?2) AND (?3 = '' OR organization = ?3) AND "
    "(?4 = '' OR state = ?4) ORDER BY id";
// One application by id or by control number: SQLite cannot use an index for the
// "?1 = 0 OR id = ?1" form above, so a lookup would scan every application.
inline constexpr std::string_view kSelectApplicationById =
    "SELECT id, version, body FROM applications WHERE id = ?1";
inline constexpr std::string_view kSelectApplicationByControlNumber =
    "SELECT id, version, body FROM applications WHERE control_number = ?2";

inline constexpr std::string_view kNextEventSeq =
    "SELECT COALESCE(MAX(seq), 0) + 1 FROM application_events WHERE application_id = ?1";
inline constexpr std::string_view kInsertEvent =
    "INSERT INTO application_events(application_id, seq, on_date, recorded_at, event, "
    "from_state, to_state, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
inline constexpr std::string_view kSelectEvents =
    "SELECT seq, on_date, recorded_at, from_state, to_state, body FROM application_events "
    "WHERE application_id = ?1 ORDER BY seq";
inline constexpr std::string_view kSelectAllEvents =
    "SELECT application_id, seq, on_date, recorded_at, from_state, to_state, body "
    "FROM application_events ORDER BY application_id, seq";

inline constexpr std::string_view kSelectAuditHead =
    "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1";
inline constexpr std::string_view kInsertAudit =
    "INSERT INTO audit_log(sequence, timestamp, actor, action, subject, before, after, "
    "previous_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
inline constexpr std::string_view kSelectAudit =
    "SELECT sequence, timestamp, actor, action, subject, before, after, previous_hash, hash "
    "FROM audit_log ORDER BY sequence";

}  // namespace tollgate::storage::sqlite
