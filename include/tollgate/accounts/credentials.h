// Credentials for the server's users: passwords (people), API tokens (machines) and
// session ids (a browser after login). Nothing secret is stored as given: a password
// is kept as PBKDF2-HMAC-SHA256 with a per-user random salt (NIST SP 800-132), and a
// token or session id, being 256 random bits already, as its SHA-256 digest, so a
// copy of the database lets no one log in.
//
// Stored password form: "pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX".
//
// Thread-safety: free functions; OpenSSL's RAND_bytes is thread-safe.
// Failure: ValidateNewPassword returns kInvalidArgument naming the "password" field;
// VerifyPassword answers false for anything malformed; the generators abort only if
// the system has no randomness (RAND_bytes failing is not recoverable).
#pragma once

#include <string>
#include <string_view>

#include "tollgate/common/result.h"

namespace tollgate::accounts {

// OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
inline constexpr int kPasswordIterations = 600000;
inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 1024;

Status ValidateNewPassword(std::string_view password);
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, std::string_view stored);

// 32 random bytes as 64 hex digits, prefixed ("tg_" for API tokens, "" for sessions).
std::string RandomSecret(std::string_view prefix = "");
// A one-time password people can type: 20 characters from an unambiguous alphabet
// (about 115 bits).
std::string GeneratePassword();
// What is stored for a token or a session id: its SHA-256 as hex.
std::string SecretDigest(std::string_view secret);
// Compares without an early exit, so timing does not reveal how much of a guess matched.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace tollgate::accounts
