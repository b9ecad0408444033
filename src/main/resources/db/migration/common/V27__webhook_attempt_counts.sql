-- A subscription's attempt counts, spread over 8 rows (stripes): each post adds to one of them at
-- random. On the subscription row itself, every post's settling transaction waited for the
-- previous one's commit (the row lock is held through the WAL flush), which held one endpoint to
-- ~200 posts/s however many were in flight. Readers add the stripes up. Portable SQL.
CREATE TABLE webhook_attempt_counts (
  tenant_id        CHAR(24) NOT NULL,
  subscription_id  CHAR(24) NOT NULL,
  stripe           SMALLINT NOT NULL,
  posts_count      BIGINT   NOT NULL DEFAULT 0,
  error_count      BIGINT   NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, subscription_id, stripe),
  FOREIGN KEY (tenant_id, subscription_id) REFERENCES webhook_subscriptions (tenant_id, id)
    ON DELETE CASCADE,
  CHECK (stripe BETWEEN 0 AND 7)
);

INSERT INTO webhook_attempt_counts (tenant_id, subscription_id, stripe, posts_count, error_count)
  SELECT tenant_id, id, 0, posts_count, error_count FROM webhook_subscriptions;
INSERT INTO webhook_attempt_counts (tenant_id, subscription_id, stripe) SELECT tenant_id, id, 1 FROM webhook_subscriptions;
INSERT INTO webhook_attempt_counts (tenant_id, subscription_id, stripe) SELECT tenant_id, id, 2 FROM webhook_subscriptions;
INSERT INTO webhook_attempt_counts (tenant_id, subscription_id, stripe) SELECT tenant_id, id, 3 FROM webhook_subscriptions;
INSERT INTO webhook_attempt_counts (tenant_id, subscription_id, stripe) SELECT tenant_id, id, 4 FROM webhook_subscriptions;
INSERT INTO webhook_attempt_counts (tenant_id, subscription_id, stripe) SELECT tenant_id, id, 5 FROM webhook_subscriptions;
INSERT INTO webhook_attempt_counts (tenant_id, subscription_id, stripe) SELECT tenant_id, id, 6 FROM webhook_subscriptions;
INSERT INTO webhook_attempt_counts (tenant_id, subscription_id, stripe) SELECT tenant_id, id, 7 FROM webhook_subscriptions;

ALTER TABLE webhook_subscriptions DROP COLUMN posts_count;
ALTER TABLE webhook_subscriptions DROP COLUMN error_count;
