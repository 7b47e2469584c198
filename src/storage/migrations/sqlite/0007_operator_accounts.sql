-- accounts an operator can run (issue 13): a user can be disabled (sessions and
-- tokens refused at once, on every server of the database, since each request
-- reads them here); a password set by an administrator is one-time (must_change);
-- failed logins are counted per user and per client address so that guessing
-- backs off, on every server alike.
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE user_passwords ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0;
CREATE TABLE login_failures (
  login_key    TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL,
  last_failure TEXT    NOT NULL
);
