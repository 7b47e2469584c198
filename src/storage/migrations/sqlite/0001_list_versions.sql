-- restricted-list versions and their entries. An entry is stored as its
-- canonical JSON (lists::ToJson) with the columns needed to find it.
CREATE TABLE list_versions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  feed        TEXT    NOT NULL,
  format      TEXT    NOT NULL,
  as_of       TEXT    NOT NULL,
  imported_at TEXT    NOT NULL,
  file_name   TEXT    NOT NULL,
  sha256      TEXT    NOT NULL,
  entry_count INTEGER NOT NULL
);
CREATE INDEX list_versions_by_feed ON list_versions(feed, as_of, id);
CREATE TABLE list_entries (
  version_id INTEGER NOT NULL REFERENCES list_versions(id),
  seq        INTEGER NOT NULL,
  list       TEXT    NOT NULL,
  entry_id   TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  body       TEXT    NOT NULL,
  PRIMARY KEY (version_id, seq)
);
