-- who did it (issue 11): the actor who put a license in the store, and who asked
-- for a recorded determination (part 762 keeps both with the record). Rows written
-- before this migration say '' (unknown).
ALTER TABLE licenses ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE determinations ADD COLUMN requested_by TEXT NOT NULL DEFAULT '';
