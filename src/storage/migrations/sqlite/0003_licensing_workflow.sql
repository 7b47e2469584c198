-- the licensing workflow: organizations and users, the control-number counter,
-- applications (the body is licensing::ToJson; state, version and the dates that
-- queries need are columns), each application's timeline, and the hash-chained
-- audit log (audit/record.h). Part 762: audit records are kept; triggers refuse
-- to change or delete them.
CREATE TABLE organizations (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE users (
  name         TEXT PRIMARY KEY,
  role         TEXT NOT NULL,
  organization TEXT REFERENCES organizations(id),
  agency       TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE TABLE control_numbers (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  last TEXT    NOT NULL
);
INSERT INTO control_numbers(id, last) VALUES (1, '');
CREATE TABLE applications (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  control_number TEXT UNIQUE,
  organization   TEXT    NOT NULL REFERENCES organizations(id),
  state          TEXT    NOT NULL,
  version        INTEGER NOT NULL,
  registered_on  TEXT,
  updated_at     TEXT    NOT NULL,
  body           TEXT    NOT NULL
);
CREATE INDEX applications_by_organization ON applications(organization, id);
CREATE INDEX applications_by_state ON applications(state, id);
CREATE TABLE application_events (
  application_id INTEGER NOT NULL REFERENCES applications(id),
  seq            INTEGER NOT NULL,
  on_date        TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  event          TEXT    NOT NULL,
  from_state     TEXT    NOT NULL,
  to_state       TEXT    NOT NULL,
  body           TEXT    NOT NULL,
  PRIMARY KEY (application_id, seq)
);
CREATE TABLE audit_log (
  sequence      INTEGER PRIMARY KEY,
  timestamp     TEXT NOT NULL,
  actor         TEXT NOT NULL,
  action        TEXT NOT NULL,
  subject       TEXT NOT NULL,
  before        TEXT NOT NULL,
  after         TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash          TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit records are append-only (part 762)'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit records are append-only (part 762)'); END;
