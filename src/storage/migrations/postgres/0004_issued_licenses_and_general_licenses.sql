-- licenses issued by the workflow, their shipments, general licenses and their
-- windows, screening matches of applications (as in SQLite's 4).
ALTER TABLE licenses ADD COLUMN organization TEXT NOT NULL DEFAULT '';
ALTER TABLE licenses ADD COLUMN application TEXT NOT NULL DEFAULT '';
ALTER TABLE licenses ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
CREATE INDEX licenses_by_organization ON licenses(organization, number);
CREATE INDEX licenses_by_application ON licenses(application);
CREATE TABLE license_shipments (
  license_number TEXT   NOT NULL REFERENCES licenses(number),
  seq            BIGINT NOT NULL,
  shipped_on     DATE   NOT NULL,
  recorded_at    TEXT   NOT NULL,
  body           TEXT   NOT NULL,
  PRIMARY KEY (license_number, seq)
);
CREATE TABLE general_licenses (
  id                  TEXT PRIMARY KEY,
  name                TEXT   NOT NULL,
  definition          TEXT   NOT NULL,
  revoked_from        TEXT   NOT NULL,
  revocation_citation TEXT   NOT NULL,
  version             BIGINT NOT NULL,
  updated_at          TEXT   NOT NULL
);
CREATE TABLE general_license_windows (
  general_license TEXT   NOT NULL REFERENCES general_licenses(id),
  seq             BIGINT NOT NULL,
  window_id       TEXT   NOT NULL,
  valid_from      DATE   NOT NULL,
  valid_until     DATE   NOT NULL,
  body            TEXT   NOT NULL,
  PRIMARY KEY (general_license, seq)
);
CREATE TABLE application_screening_matches (
  application_id BIGINT  NOT NULL REFERENCES applications(id),
  seq            BIGINT  NOT NULL,
  screened_on    DATE    NOT NULL,
  reason         TEXT    NOT NULL,
  match_key      TEXT    NOT NULL,
  body           TEXT    NOT NULL,
  PRIMARY KEY (application_id, seq),
  UNIQUE (application_id, match_key)
);
