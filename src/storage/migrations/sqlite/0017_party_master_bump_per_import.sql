-- The party master's revision (migration 10) is bumped once per statement that adds
-- parties (SqlStore::UpsertParties, kBumpPartyMasterRevision), no longer by a trigger
-- per inserted row. The trigger's UPDATE made every insert of a party a statement of
-- two writes, which SQLite journals in a statement journal (a temporary file): for an
-- import of 100,000 parties half of its 4.2 GB of writes (BENCHMARKS.md, h19i). The
-- update and delete triggers stay: a change or removal writes one row at a time.
DROP TRIGGER party_master_insert;
