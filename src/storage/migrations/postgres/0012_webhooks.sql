-- webhooks (issue 15, item 5): an organization registers a URL and is told of each new
-- or reopened alert by a signed POST. What is to be sent is written to an outbox in the
-- same transaction as the event it reports, so that a restart loses nothing: a
-- delivery stays 'pending' until the receiver answered 2xx ('delivered'), or until
-- its attempts are spent ('failed', kept and re-sendable). The secret signs the body
-- (HMAC-SHA256); it is kept to sign with, and shown only when the webhook is added.
-- removed_at is '' for a webhook in use; a removed one stays, for its deliveries'
-- record.
CREATE TABLE webhooks (
  id            BIGSERIAL PRIMARY KEY,
  organization  TEXT    NOT NULL REFERENCES organizations(id),
  url           TEXT    NOT NULL,
  secret        TEXT    NOT NULL,
  created_at    TEXT    NOT NULL,
  created_by    TEXT    NOT NULL,
  removed_at    TEXT    NOT NULL
);
CREATE INDEX webhooks_of_organization ON webhooks(organization);
-- One row per (webhook, event): the event id is the event's own (e.g. "alert/12/opened/1"),
-- so that two servers reporting the same event write it once.
CREATE TABLE webhook_deliveries (
  id               BIGSERIAL PRIMARY KEY,
  webhook          BIGINT  NOT NULL REFERENCES webhooks(id),
  organization     TEXT    NOT NULL,
  event_id         TEXT    NOT NULL,
  event_type       TEXT    NOT NULL,
  payload          TEXT    NOT NULL,
  state            TEXT    NOT NULL,
  attempts         BIGINT NOT NULL,
  created_at       TEXT    NOT NULL,
  next_attempt_at  TEXT    NOT NULL,
  delivered_at     TEXT    NOT NULL,
  last_error       TEXT    NOT NULL,
  UNIQUE (webhook, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_attempt_at);
CREATE INDEX webhook_deliveries_of_organization ON webhook_deliveries(organization, id);
