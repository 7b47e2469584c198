-- the party master (issue 15): each organization's customers, consignees, end users
-- and suppliers, keyed by the exporter's own external id. The id is stable for the
-- party's life and the revision counts its changes, so that alerts and the history of
-- answers can name the party and the revision they concern; the latest screening's
-- outcome (top score, hits at or above the review threshold, the list versions in
-- force, when) is kept with the party for re-screening to compare against. The body
-- holds what no query needs: aliases, address, date of birth, identifiers (JSON).
CREATE TABLE parties (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  organization  TEXT    NOT NULL REFERENCES organizations(id),
  external_id   TEXT    NOT NULL,
  name          TEXT    NOT NULL,
  type          TEXT    NOT NULL,
  country       TEXT    NOT NULL,
  body          TEXT    NOT NULL,
  revision      INTEGER NOT NULL,
  updated_at    TEXT    NOT NULL,
  updated_by    TEXT    NOT NULL,
  screened_at   TEXT    NOT NULL,
  screened_on   TEXT    NOT NULL,
  top_score     REAL    NOT NULL,
  hit_count     INTEGER NOT NULL,
  screening     TEXT    NOT NULL,
  UNIQUE (organization, external_id)
);
CREATE INDEX parties_with_hits ON parties(organization, hit_count);
