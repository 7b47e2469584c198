-- The alert queue's totals and two of its views (issue 15: a page in <= 50 ms at 100,000
-- alerts). Every page answers with the number of alerts its filter matches; counting
-- them read 100,000 index entries for the views an analyst opens most (all, open, one
-- list), 42 ms of a page on PostgreSQL (BENCHMARKS.md "The alert queue at 100,000
-- alerts"). These counts per organization, state and list are kept by triggers, in the
-- transaction that changes an alert, so they are exact and no writer can forget them; a
-- filter on the party, the assignee or the score still counts rows (few, or read from
-- the covering indexes). Two transactions never update the same counts in opposite
-- orders: every transaction that writes alerts first takes the audit lock
-- (storage/queries.h kLockAudit).
CREATE TABLE alert_counts (
  organization TEXT   NOT NULL,
  state        TEXT   NOT NULL,
  list         TEXT   NOT NULL,
  alerts       BIGINT NOT NULL,
  PRIMARY KEY (organization, state, list)
);
INSERT INTO alert_counts(organization, state, list, alerts)
  SELECT organization, state, list, COUNT(*) FROM alerts GROUP BY organization, state, list;
CREATE FUNCTION alert_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE alert_counts SET alerts = alerts - 1
      WHERE organization = OLD.organization AND state = OLD.state AND list = OLD.list;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO alert_counts(organization, state, list, alerts)
      VALUES (NEW.organization, NEW.state, NEW.list, 1)
      ON CONFLICT (organization, state, list) DO UPDATE SET alerts = alert_counts.alerts + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER alert_counts_insert_delete AFTER INSERT OR DELETE ON alerts
  FOR EACH ROW EXECUTE FUNCTION alert_counts_follow();
CREATE TRIGGER alert_counts_update AFTER UPDATE OF organization, state, list ON alerts
  FOR EACH ROW
  WHEN (OLD.organization IS DISTINCT FROM NEW.organization OR OLD.state IS DISTINCT FROM NEW.state
        OR OLD.list IS DISTINCT FROM NEW.list)
  EXECUTE FUNCTION alert_counts_follow();
-- One party's alerts and one analyst's, each from an index that leads with it
-- (storage/queries.h, the filter written three ways): these views read every entry of
-- the organization's queue before (60 ms on SQLite at 100,000 alerts). Each holds what
-- the rest of the filter and the sorts read, as the queue's do (migration 14).
CREATE INDEX alerts_queue_of_party
  ON alerts(organization, party_external_id, state, list, score, assignee, opened_at, id);
CREATE INDEX alerts_queue_of_assignee
  ON alerts(organization, assignee, state, list, score, party_external_id, opened_at, id);
