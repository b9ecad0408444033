-- Webhook subscriptions and their durable delivery outbox (docs/webhooks.md, ADR 0022).
-- Portable SQL: runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- face: which API's shape the posts take (native, amity, netsapiens); model: NetSapiens' model
-- (message, messagesession), else ''. events: comma-separated event names the subscription
-- wants, '' for all. user_filter: only changes of conversations this user is a member of, ''
-- for all. The secret signs every post; it is shown once, at creation.
CREATE TABLE webhook_subscriptions (
  tenant_id     CHAR(24)      NOT NULL REFERENCES tenants (id),
  id            CHAR(24)      NOT NULL,
  face          VARCHAR(16)   NOT NULL,
  model         VARCHAR(32)   NOT NULL,
  url           VARCHAR(2048) NOT NULL,
  events        VARCHAR(2000) NOT NULL,
  user_filter   VARCHAR(64)   NOT NULL,
  secret        VARCHAR(100)  NOT NULL,
  status        VARCHAR(16)   NOT NULL,
  expires_at    TIMESTAMP WITH TIME ZONE,
  created_by    VARCHAR(64),
  posts_count   BIGINT        NOT NULL DEFAULT 0,
  error_count   BIGINT        NOT NULL DEFAULT 0,
  last_error    VARCHAR(500),
  suspended_at  TIMESTAMP WITH TIME ZONE,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (status IN ('active', 'suspended'))
);
-- A second subscription of the same face, model, URL and user is a duplicate (NetSapiens: 409).
CREATE UNIQUE INDEX webhook_subscriptions_unique
  ON webhook_subscriptions (tenant_id, face, model, url, user_filter);

-- One row per (subscription, change): the change is read back from the log when posted, so
-- the row holds only its position. status: queued -> sending -> delivered | failed (and
-- sending -> queued on a retry). A delivery's id is the event id receivers dedupe by.
CREATE TABLE webhook_deliveries (
  tenant_id        CHAR(24)     NOT NULL,
  id               CHAR(24)     NOT NULL,
  subscription_id  CHAR(24)     NOT NULL,
  conversation_id  CHAR(24)     NOT NULL,
  change_seq       BIGINT       NOT NULL,
  event            VARCHAR(40)  NOT NULL,
  status           VARCHAR(16)  NOT NULL,
  attempts         INT          NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  claim_token      CHAR(24),
  lease_until      TIMESTAMP WITH TIME ZONE,
  last_status_code INT,
  last_error       VARCHAR(500),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, subscription_id) REFERENCES webhook_subscriptions (tenant_id, id)
    ON DELETE CASCADE,
  CHECK (status IN ('queued', 'sending', 'delivered', 'failed'))
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_stale ON webhook_deliveries (status, lease_until);
-- The order rule: nothing of a conversation goes out while an earlier change of it is pending.
CREATE INDEX webhook_deliveries_order
  ON webhook_deliveries (tenant_id, subscription_id, conversation_id, change_seq);
