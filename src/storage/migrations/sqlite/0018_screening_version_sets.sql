-- The list versions in force, stored once per distinct set (issue 15, item 6; 15 CFR
-- 762.2(a)): a screening on record names its set by `version_set` instead of repeating
-- the set's JSON (236 bytes for the SDN list alone) in every row. An import of 1,000,000
-- parties records 1,000,000 screenings against one set. `digest` is the SHA-256 of
-- `lists` (a key of fixed size, whatever the number of lists). A row recorded before
-- this migration keeps its own `lists` and version_set 0; a row after has '' there.
CREATE TABLE screening_version_sets (
  id     INTEGER PRIMARY KEY AUTOINCREMENT,
  digest TEXT    NOT NULL UNIQUE,
  lists  TEXT    NOT NULL
);
ALTER TABLE screenings ADD COLUMN version_set INTEGER NOT NULL DEFAULT 0;
-- Indexes that every insert maintains but no query reads (EXPLAIN QUERY PLAN,
-- BENCHMARKS.md h20i): the history filter's "($1 = 0 OR organization = $2)" with
-- ORDER BY id scans screenings by id on SQLite, and no query filters parties by
-- hit_count.
DROP INDEX screenings_by_organization;
DROP INDEX parties_with_hits;
