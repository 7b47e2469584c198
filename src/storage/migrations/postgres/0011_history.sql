-- every answer on record (issue 15, item 6; 15 CFR 762.2(a)): each screening with who
-- asked, its inputs, the list versions in force and the answer with its explanation,
-- so that a no-hit can be shown to an auditor; and what a determination is filtered
-- by (the asker's organization, the parties' folded names), in a table beside
-- `determinations` so that the table main wrote stays as it was. recorded_at is a UTC
-- "YYYY-MM-DDTHH:MM:SSZ" text in both dialects: the date filters and the retention
-- prune (15 CFR 762.6) compare it as text.
CREATE TABLE screenings (
  id           BIGSERIAL PRIMARY KEY,
  recorded_at  TEXT    NOT NULL,
  requested_by TEXT    NOT NULL,
  organization TEXT    NOT NULL,
  channel      TEXT    NOT NULL,
  name         TEXT    NOT NULL,
  name_folded  TEXT    NOT NULL,
  country      TEXT    NOT NULL,
  type         TEXT    NOT NULL,
  as_of        TEXT    NOT NULL,
  threshold    DOUBLE PRECISION NOT NULL,
  outcome      TEXT    NOT NULL,
  top_score    DOUBLE PRECISION NOT NULL,
  lists        TEXT    NOT NULL,
  matches      TEXT    NOT NULL
);
CREATE INDEX screenings_by_organization ON screenings(organization, recorded_at);
CREATE INDEX screenings_by_time ON screenings(recorded_at);
CREATE TABLE determination_facts (
  determination_id BIGINT  PRIMARY KEY REFERENCES determinations(id) ON DELETE CASCADE,
  organization     TEXT    NOT NULL,
  parties_folded   TEXT    NOT NULL
);
CREATE INDEX determination_facts_by_organization
  ON determination_facts(organization, determination_id);
CREATE INDEX determinations_by_time ON determinations(recorded_at);
