-- SQLite's migration 20 drops the index of screenings by time, which every screening
-- recorded maintained and only the retention prune read. PostgreSQL keeps it (its
-- import writes screenings through its own pipeline, and no target measures that
-- here): nothing changes here but the schema's number.
SELECT 1;
