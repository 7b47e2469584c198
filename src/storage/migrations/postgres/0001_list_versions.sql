-- restricted-list versions and their entries (canonical JSON bodies).
CREATE TABLE list_versions (
  id          BIGSERIAL PRIMARY KEY,
  feed        TEXT   NOT NULL,
  format      TEXT   NOT NULL,
  as_of       DATE   NOT NULL,
  imported_at TEXT   NOT NULL,
  file_name   TEXT   NOT NULL,
  sha256      TEXT   NOT NULL,
  entry_count BIGINT NOT NULL
);
CREATE INDEX list_versions_by_feed ON list_versions(feed, as_of, id);
CREATE TABLE list_entries (
  version_id BIGINT NOT NULL REFERENCES list_versions(id),
  seq        BIGINT NOT NULL,
  list       TEXT   NOT NULL,
  entry_id   TEXT   NOT NULL,
  name       TEXT   NOT NULL,
  body       TEXT   NOT NULL,
  PRIMARY KEY (version_id, seq)
);
