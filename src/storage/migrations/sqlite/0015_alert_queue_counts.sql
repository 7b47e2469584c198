-- The alert queue's totals and two of its views (issue 15: a page in <= 50 ms at 100,000
-- alerts). Every page answers with the number of alerts its filter matches; counting
-- them read 100,000 index entries for the views an analyst opens most (all, open, one
-- list), 42 ms of a page on PostgreSQL (BENCHMARKS.md "The alert queue at 100,000
-- alerts"). These counts per organization, state and list are kept by triggers, in the
-- transaction that changes an alert, so they are exact and no writer can forget them; a
-- filter on the party, the assignee or the score still counts rows (few, or read from
-- the covering indexes).
CREATE TABLE alert_counts (
  organization TEXT    NOT NULL,
  state        TEXT    NOT NULL,
  list         TEXT    NOT NULL,
  alerts       INTEGER NOT NULL,
  PRIMARY KEY (organization, state, list)
);
INSERT INTO alert_counts(organization, state, list, alerts)
  SELECT organization, state, list, COUNT(*) FROM alerts GROUP BY organization, state, list;
CREATE TRIGGER alert_counts_insert AFTER INSERT ON alerts
BEGIN
  INSERT INTO alert_counts(organization, state, list, alerts)
    VALUES (new.organization, new.state, new.list, 1)
    ON CONFLICT (organization, state, list) DO UPDATE SET alerts = alerts + 1;
END;
CREATE TRIGGER alert_counts_update AFTER UPDATE OF organization, state, list ON alerts
WHEN old.organization IS NOT new.organization OR old.state IS NOT new.state
  OR old.list IS NOT new.list
BEGIN
  UPDATE alert_counts SET alerts = alerts - 1
    WHERE organization = old.organization AND state = old.state AND list = old.list;
  INSERT INTO alert_counts(organization, state, list, alerts)
    VALUES (new.organization, new.state, new.list, 1)
    ON CONFLICT (organization, state, list) DO UPDATE SET alerts = alerts + 1;
END;
CREATE TRIGGER alert_counts_delete AFTER DELETE ON alerts
BEGIN
  UPDATE alert_counts SET alerts = alerts - 1
    WHERE organization = old.organization AND state = old.state AND list = old.list;
END;
-- One party's alerts and one analyst's, each from an index that leads with it
-- (storage/queries.h, the filter written three ways): these views read every entry of
-- the organization's queue before (60 ms on SQLite at 100,000 alerts). Each holds what
-- the rest of the filter and the sorts read, as the queue's do (migration 14).
CREATE INDEX alerts_queue_of_party
  ON alerts(organization, party_external_id, state, list, score, assignee, opened_at, id);
CREATE INDEX alerts_queue_of_assignee
  ON alerts(organization, assignee, state, list, score, party_external_id, opened_at, id);
