-- The change feed becomes its own module (dev.switchboard.feed), owning conversation_changes and
-- how far retention has cut each log; conversations keep only the sequence counters.

-- The user a membership change is about, so fan-out follows memberships without parsing
-- payloads. Older rows keep NULL: only live fan-out reads it.
ALTER TABLE conversation_changes ADD COLUMN subject_id VARCHAR(64);

CREATE TABLE conversation_change_marks (
  tenant_id         CHAR(24) NOT NULL,
  conversation_id   CHAR(24) NOT NULL,
  compacted_through BIGINT   NOT NULL,
  PRIMARY KEY (tenant_id, conversation_id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);
INSERT INTO conversation_change_marks (tenant_id, conversation_id, compacted_through)
SELECT tenant_id, id, changes_compacted_through FROM conversations
WHERE changes_compacted_through > 0;
ALTER TABLE conversations DROP COLUMN changes_compacted_through;

-- SMS sessions are conversations of their own kind: the posting rule is chosen by the kind.
UPDATE conversations SET kind = 'SMS'
WHERE EXISTS (SELECT 1 FROM message_sessions s
              WHERE s.tenant_id = conversations.tenant_id AND s.conversation_id = conversations.id
                AND s.channel = 'sms');
