-- alerts (issue 15, items 2 and 3): a party of a master that scores at or above the
-- review threshold against a listed entry, and the analyst's disposition. One row per
-- (party, list, entry) for the party's life: a later list version or a change of the
-- party updates it, and the UNIQUE key keeps two servers storing the same version at
-- once from doubling it. No foreign key to parties: an alert is a record of what was
-- screened and decided (15 CFR 762.2), kept when the party leaves the master.
-- party_facts / entry_facts are what a false_positive holds against (JSON); match is
-- the forward screening's match (score, explanation, effect); changed says what
-- reopened it.
CREATE TABLE alerts (
  id                BIGSERIAL PRIMARY KEY,
  organization      TEXT    NOT NULL,
  party_id          BIGINT  NOT NULL,
  party_external_id TEXT    NOT NULL,
  party_name        TEXT    NOT NULL,
  party_revision    BIGINT  NOT NULL,
  list              TEXT    NOT NULL,
  entry_id          TEXT    NOT NULL,
  entry_name        TEXT    NOT NULL,
  feed              TEXT    NOT NULL,
  list_version      BIGINT  NOT NULL,
  score             DOUBLE PRECISION NOT NULL,
  match             TEXT    NOT NULL,
  state             TEXT    NOT NULL,
  disposition       TEXT    NOT NULL,
  comment           TEXT    NOT NULL,
  decided_by        TEXT    NOT NULL,
  decided_at        TEXT    NOT NULL,
  assignee          TEXT    NOT NULL,
  opened_at         TEXT    NOT NULL,
  updated_at        TEXT    NOT NULL,
  party_facts       TEXT    NOT NULL,
  entry_facts       TEXT    NOT NULL,
  changed           TEXT    NOT NULL,
  version           BIGINT  NOT NULL,
  UNIQUE (party_id, list, entry_id)
);
-- the queue's pages: by organization, then the sort keys
CREATE INDEX alerts_by_score ON alerts(organization, score DESC, id);
CREATE INDEX alerts_by_state ON alerts(organization, state, score DESC, id);
CREATE INDEX alerts_by_opened ON alerts(organization, opened_at, id);
-- a list version's removed and changed entries find their alerts
CREATE INDEX alerts_by_entry ON alerts(list, entry_id);

-- key/value state of the continuous screening: the fingerprint of the screening
-- configuration (thresholds, normalization) the master was last fully screened with
CREATE TABLE alert_settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- counts every change of the party master, so a process keeping an index of the
-- parties in memory knows when it is stale without reading the master
CREATE TABLE party_master_revision (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  revision BIGINT  NOT NULL
);
INSERT INTO party_master_revision(id, revision) VALUES (1, 0);
CREATE FUNCTION party_master_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE party_master_revision SET revision = revision + 1 WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER party_master_changed AFTER INSERT OR UPDATE OR DELETE ON parties
  FOR EACH STATEMENT EXECUTE FUNCTION party_master_changed();
