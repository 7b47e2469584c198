// SQL of the accounts tables on SQLite (schema.h migration 4).
#pragma once

#include <string_view>

namespace tollgate::storage::sqlite {

inline constexpr std::string_view kUpsertPassword =
    "INSERT INTO user_passwords(user_name, password_hash, updated_at) VALUES (?1, ?2, ?3) "
    "ON CONFLICT(user_name) DO UPDATE SET password_hash = excluded.password_hash, "
    "updated_at = excluded.updated_at";
inline constexpr std::string_view kSelectPassword =
    "SELECT password_hash FROM user_passwords WHERE user_name = ?1";
inline constexpr std::string_view kSelectUsers =
    "SELECT name, role, COALESCE(organization, ''), agency FROM users ORDER BY name";
inline constexpr std::string_view kCountToken = "SELECT COUNT(*) FROM api_tokens WHERE digest = ?1";
inline constexpr std::string_view kInsertToken =
    "INSERT INTO api_tokens(digest, user_name, name, created_at) VALUES (?1, ?2, ?3, ?4)";
inline constexpr std::string_view kSelectTokenUser =
    "SELECT u.name, u.role, COALESCE(u.organization, ''), u.agency FROM api_tokens t "
    "JOIN users u ON u.name = t.user_name WHERE t.digest = ?1";
inline constexpr std::string_view kDeleteExpiredSessions =
    "DELETE FROM sessions WHERE expires_at < ?1";
inline constexpr std::string_view kInsertSession =
    "INSERT INTO sessions(digest, user_name, csrf_token, created_at, expires_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
inline constexpr std::string_view kSelectSession =
    "SELECT u.name, u.role, COALESCE(u.organization, ''), u.agency, s.csrf_token, s.created_at, "
    "s.expires_at FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.digest = ?1";
inline constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE digest = ?1";

}  // namespace tollgate::storage::sqlite
