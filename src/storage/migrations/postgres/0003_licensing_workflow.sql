-- the licensing workflow (as in SQLite's 3). The trigger keeps audit records
-- append-only (part 762).
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
  id             BIGSERIAL PRIMARY KEY,
  control_number TEXT UNIQUE,
  organization   TEXT   NOT NULL REFERENCES organizations(id),
  state          TEXT   NOT NULL,
  version        BIGINT NOT NULL,
  registered_on  DATE,
  updated_at     TEXT   NOT NULL,
  body           TEXT   NOT NULL
);
CREATE INDEX applications_by_organization ON applications(organization, id);
CREATE INDEX applications_by_state ON applications(state, id);
CREATE TABLE application_events (
  application_id BIGINT NOT NULL REFERENCES applications(id),
  seq            BIGINT NOT NULL,
  on_date        DATE   NOT NULL,
  recorded_at    TEXT   NOT NULL,
  event          TEXT   NOT NULL,
  from_state     TEXT   NOT NULL,
  to_state       TEXT   NOT NULL,
  body           TEXT   NOT NULL,
  PRIMARY KEY (application_id, seq)
);
CREATE TABLE audit_log (
  sequence      BIGINT PRIMARY KEY,
  timestamp     TEXT NOT NULL,
  actor         TEXT NOT NULL,
  action        TEXT NOT NULL,
  subject       TEXT NOT NULL,
  before        TEXT NOT NULL,
  after         TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash          TEXT NOT NULL
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only (part 762)';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
