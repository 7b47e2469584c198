-- counts the changes of each organization's decided alerts (issue 15, item 4): a
-- server keeps an organization's dispositions in memory for its determinations and
-- learns with one read of this row whether they are still the stored ones (another
-- server on the same database included). Bumped by the store in the transaction that
-- writes a decided alert, or takes one out of the decided state.
CREATE TABLE alert_decision_revisions (
  organization TEXT   PRIMARY KEY,
  revision     BIGINT NOT NULL
);
