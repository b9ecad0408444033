-- PostgreSQL only (H2 has no partial indexes; its schema stays as V1-V9 made it).
-- Most messages have neither a client id (idempotency key, Amity messageId) nor a thread
-- parent, yet each was entered into three indexes on those columns. Leaving the NULLs out
-- means a plain send writes two index entries (primary key, conversation + seq) instead of five:
-- less WAL and fewer random index pages touched per send, which is what slows sends down once
-- the table is large (bench/run --history). Lookups are unchanged: "client_id = ?" and
-- "parent_id = ?" imply IS NOT NULL, so the planner uses these indexes as before.
ALTER TABLE messages DROP CONSTRAINT messages_tenant_id_sender_id_client_id_key;
CREATE UNIQUE INDEX messages_sender_client_id ON messages (tenant_id, sender_id, client_id)
  WHERE client_id IS NOT NULL;

DROP INDEX messages_by_client_id;
CREATE INDEX messages_by_client_id ON messages (tenant_id, client_id) WHERE client_id IS NOT NULL;

DROP INDEX messages_by_parent;
CREATE INDEX messages_by_parent ON messages (tenant_id, parent_id, seq) WHERE parent_id IS NOT NULL;
