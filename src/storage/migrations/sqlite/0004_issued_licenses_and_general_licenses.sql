-- licenses issued by the workflow (the holder organization and the application
-- they came from, a version for optimistic concurrency), the shipments that draw
-- them down, and general licenses with their windows (definitions in the form of
-- data/rules/general_licenses.json; revoked_from '' when not revoked), and the
-- screening matches recorded with applications (one per party, list and entry).
ALTER TABLE licenses ADD COLUMN organization TEXT NOT NULL DEFAULT '';
ALTER TABLE licenses ADD COLUMN application TEXT NOT NULL DEFAULT '';
ALTER TABLE licenses ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX licenses_by_organization ON licenses(organization, number);
CREATE INDEX licenses_by_application ON licenses(application);
CREATE TABLE license_shipments (
  license_number TEXT    NOT NULL REFERENCES licenses(number),
  seq            INTEGER NOT NULL,
  shipped_on     TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  body           TEXT    NOT NULL,
  PRIMARY KEY (license_number, seq)
);
CREATE TABLE general_licenses (
  id                  TEXT PRIMARY KEY,
  name                TEXT    NOT NULL,
  definition          TEXT    NOT NULL,
  revoked_from        TEXT    NOT NULL,
  revocation_citation TEXT    NOT NULL,
  version             INTEGER NOT NULL,
  updated_at          TEXT    NOT NULL
);
CREATE TABLE general_license_windows (
  general_license TEXT    NOT NULL REFERENCES general_licenses(id),
  seq             INTEGER NOT NULL,
  window_id       TEXT    NOT NULL,
  valid_from      TEXT    NOT NULL,
  valid_until     TEXT    NOT NULL,
  body            TEXT    NOT NULL,
  PRIMARY KEY (general_license, seq)
);
CREATE TABLE application_screening_matches (
  application_id INTEGER NOT NULL REFERENCES applications(id),
  seq            INTEGER NOT NULL,
  screened_on    TEXT    NOT NULL,
  reason         TEXT    NOT NULL,
  match_key      TEXT    NOT NULL,
  body           TEXT    NOT NULL,
  PRIMARY KEY (application_id, seq),
  UNIQUE (application_id, match_key)
);
