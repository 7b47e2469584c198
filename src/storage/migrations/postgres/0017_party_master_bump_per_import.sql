-- SQLite's migration 17 replaces its per-row insert trigger on parties by one bump of
-- party_master_revision per import (SqlStore::UpsertParties). PostgreSQL's trigger
-- (migration 10) already fires once per statement, and a COPY of an import's parties is
-- one statement, so it stays; the import's own bump moves the revision once more, which
-- is harmless: readers only compare it with the one they saw. Nothing changes here.
SELECT 1;
