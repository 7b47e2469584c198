-- The screenings on record without an index by time (migration 11's
-- screenings_by_time). Every screening recorded maintained it: 1.3 µs a row in a
-- bulk insert, where an import's rows all share one time (BENCHMARKS.md, h21i). Only
-- the retention prune reads it (15 CFR 762.6: `history prune`, run by hand), which now
-- reads the table through once (0.15 s at 1,000,000 records); the history filter's
-- time bounds ("($4 = '' OR recorded_at >= $4)") never used it: it reads by id.
DROP INDEX screenings_by_time;
