-- What vouches for each party row (issue 15; audit/party_digest.h). An import writes
-- one chained audit record, not one per party (part 762 asks for the records, and a
-- record per row was most of a large import's cost); each party row written gets a
-- version here in the same transaction: the audit record that vouches for it, its
-- revision (0: removed) and the SHA-256 of the row's content. The import's record
-- holds the digest of its versions, so `audit verify` can prove what each party was
-- and find a row changed outside Tollgate. (SQLite: WITHOUT ROWID, the key is the
-- table: an import appends its versions in key order to one B-tree, not two.)
CREATE TABLE party_versions (
  audit_sequence INTEGER NOT NULL,
  organization   TEXT    NOT NULL,
  external_id    TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  content_hash   TEXT    NOT NULL,
  PRIMARY KEY (audit_sequence, organization, external_id)
) WITHOUT ROWID;
