-- The alert queue's pages at 100,000 alerts (issue 15: <= 50 ms a request). A page is
-- found in two steps (storage/queries.h): the ids of the page, filtered and sorted,
-- then those rows. These indexes hold every column the first step reads, one per sort
-- (score ascending and descending both end on the id ascending, so neither is the
-- other read backwards), so that step, and the page's COUNT, read an index and no
-- table row: an alert row is kilobytes of JSON (the match, the facts), and reading
-- 100,000 of them, or sorting them, took 0.3-4.7 s a page on SQLite.
CREATE INDEX alerts_queue_by_score_desc
  ON alerts(organization, score DESC, id, state, list, assignee, party_external_id);
CREATE INDEX alerts_queue_by_score
  ON alerts(organization, score, id, state, list, assignee, party_external_id);
CREATE INDEX alerts_queue_by_id
  ON alerts(organization, id, state, list, assignee, party_external_id, score);
CREATE INDEX alerts_queue_by_opened
  ON alerts(organization, opened_at, id, state, list, assignee, party_external_id, score);
