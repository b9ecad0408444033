-- Per-conversation change log: every change is appended in the transaction that makes it, with
-- a gap-free change_seq taken under the conversation row lock (1, 2, 3 … per conversation).
ALTER TABLE conversations ADD COLUMN last_change_seq BIGINT NOT NULL DEFAULT 0;
-- Highest change_seq removed by retention: asking for changes after a smaller one means resync.
ALTER TABLE conversations ADD COLUMN changes_compacted_through BIGINT NOT NULL DEFAULT 0;

CREATE TABLE conversation_changes (
  tenant_id       CHAR(24)    NOT NULL,
  conversation_id CHAR(24)    NOT NULL,
  change_seq      BIGINT      NOT NULL,
  event           VARCHAR(40) NOT NULL,
  payload         VARCHAR     NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, conversation_id, change_seq),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);
CREATE INDEX conversation_changes_by_age ON conversation_changes (created_at);
