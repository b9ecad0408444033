-- How many tags each message has (module message), so that reading a page of messages asks
-- message_tags only for the messages that have some: most have none, and the history page then
-- costs one statement instead of two. Written with the message and with every change of its
-- tags; the backfill below counts the tags of messages written before this column existed.
-- On PostgreSQL 11+ a column with a constant default is added without rewriting the table.
ALTER TABLE messages ADD COLUMN tag_count INT NOT NULL DEFAULT 0;

UPDATE messages SET tag_count = (
  SELECT COUNT(*) FROM message_tags t
   WHERE t.tenant_id = messages.tenant_id AND t.message_id = messages.id)
 WHERE (tenant_id, id) IN (SELECT tenant_id, message_id FROM message_tags);
