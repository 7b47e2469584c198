-- the server's accounts: password hashes (PBKDF2, accounts/credentials.h), API
-- tokens and browser sessions, each kept only as a SHA-256 digest of the secret.
-- Sessions live here, not in a server's memory, so several servers can share them.
CREATE TABLE user_passwords (
  user_name     TEXT PRIMARY KEY REFERENCES users(name),
  password_hash TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE TABLE api_tokens (
  digest     TEXT PRIMARY KEY,
  user_name  TEXT NOT NULL REFERENCES users(name),
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX api_tokens_by_user ON api_tokens(user_name);
CREATE TABLE sessions (
  digest     TEXT PRIMARY KEY,
  user_name  TEXT NOT NULL REFERENCES users(name),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);
