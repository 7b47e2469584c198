// SQL of the accounts tables on SQLite (schema.h migrations 5 and 7).
#pragma once

#include <string_view>

namespace tollgate::storage::sqlite {

inline constexpr std::string_view kUpsertPassword =
    "INSERT INTO user_passwords(user_name, password_hash, updated_at, must_change) "
    "VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT(user_name) DO UPDATE SET password_hash = excluded.password_hash, "
    "updated_at = excluded.updated_at, must_change = excluded.must_change";
inline constexpr std::string_view kSelectPassword =
    "SELECT p.password_hash, p.must_change, u.disabled FROM user_passwords p "
    "JOIN users u ON u.name = p.user_name WHERE p.user_name = ?1";
inline constexpr std::string_view kSelectAccounts =
    "SELECT u.name, u.role, COALESCE(u.organization, ''), u.agency, u.disabled, "
    "CASE WHEN p.user_name IS NULL THEN 0 ELSE 1 END, COALESCE(p.must_change, 0), "
    "(SELECT COUNT(*) FROM api_tokens t WHERE t.user_name = u.name) "
    "FROM users u LEFT JOIN user_passwords p ON p.user_name = u.name ORDER BY u.name";
inline constexpr std::string_view kSelectDisabled = "SELECT disabled FROM users WHERE name = ?1";
inline constexpr std::string_view kSetDisabled = "UPDATE users SET disabled = ?2 WHERE name = ?1";
inline constexpr std::string_view kUpdateRole =
    "UPDATE users SET role = ?2, organization = NULLIF(?3, ''), agency = ?4 WHERE name = ?1";
inline constexpr std::string_view kDeleteUserSessions = "DELETE FROM sessions WHERE user_name = ?1";
inline constexpr std::string_view kCountToken = "SELECT COUNT(*) FROM api_tokens WHERE digest = ?1";
inline constexpr std::string_view kInsertToken =
    "INSERT INTO api_tokens(digest, user_name, name, created_at) VALUES (?1, ?2, ?3, ?4)";
inline constexpr std::string_view kSelectUserTokens =
    "SELECT digest, name, created_at FROM api_tokens WHERE user_name = ?1 "
    "ORDER BY created_at, digest";
inline constexpr std::string_view kSelectUserToken =
    "SELECT digest, name, created_at FROM api_tokens WHERE user_name = ?1 "
    "AND substr(digest, 1, 12) = ?2";
inline constexpr std::string_view kDeleteToken = "DELETE FROM api_tokens WHERE digest = ?1";
inline constexpr std::string_view kSelectTokenUser =
    "SELECT u.name, u.role, COALESCE(u.organization, ''), u.agency FROM api_tokens t "
    "JOIN users u ON u.name = t.user_name WHERE t.digest = ?1 AND u.disabled = 0";
inline constexpr std::string_view kDeleteExpiredSessions =
    "DELETE FROM sessions WHERE expires_at < ?1";
inline constexpr std::string_view kInsertSession =
    "INSERT INTO sessions(digest, user_name, csrf_token, created_at, expires_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
inline constexpr std::string_view kSelectSession =
    "SELECT u.name, u.role, COALESCE(u.organization, ''), u.agency, s.csrf_token, s.created_at, "
    "s.expires_at FROM sessions s JOIN users u ON u.name = s.user_name "
    "WHERE s.digest = ?1 AND u.disabled = 0";
inline constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE digest = ?1";
inline constexpr std::string_view kAddLoginFailure =
    "INSERT INTO login_failures(login_key, failures, last_failure) VALUES (?1, 1, ?2) "
    "ON CONFLICT(login_key) DO UPDATE SET failures = CASE WHEN login_failures.last_failure < ?3 "
    "THEN 1 ELSE login_failures.failures + 1 END, last_failure = excluded.last_failure "
    "RETURNING failures";
// Counts nobody would restart from: they neither lock nor add up any more, so the
// table holds only the names and addresses tried lately.
inline constexpr std::string_view kForgetOldLoginFailures =
    "DELETE FROM login_failures WHERE last_failure < ?1";
inline constexpr std::string_view kSelectLoginFailures =
    "SELECT failures, last_failure FROM login_failures WHERE login_key = ?1";
inline constexpr std::string_view kDeleteLoginFailures =
    "DELETE FROM login_failures WHERE login_key = ?1";

}  // namespace tollgate::storage::sqlite
