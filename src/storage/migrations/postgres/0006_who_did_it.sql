-- who did it (as in SQLite's 6): who put a license in the store, who asked for a
-- recorded determination.
ALTER TABLE licenses ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE determinations ADD COLUMN requested_by TEXT NOT NULL DEFAULT '';
