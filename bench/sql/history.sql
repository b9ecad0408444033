-- Preloads :per messages into every bench conversation, directly in SQL, as the server would
-- have written them: seq and change_seq continue each conversation's counters, timestamps
-- follow seq order one millisecond apart, senders alternate, and every message has its
-- message.created change-log entry. The counters are moved in the same transaction.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO messages (tenant_id, id, conversation_id, seq, sender_id, type, content, client_id,
                      credit_amount, credit_recipient_id, created_at, updated_at)
SELECT c.tenant_id, 'h' || lpad(b.n::text, 7, '0') || lpad((c.last_seq + g)::text, 16, '0'), c.id,
       c.last_seq + g, CASE WHEN g % 2 = 0 THEN b.a ELSE b.b END, 'TEXT', 'history message ' || g,
       NULL, NULL, NULL, c.last_activity_at + g * interval '1 millisecond',
       c.last_activity_at + g * interval '1 millisecond'
FROM bench_conversations b
JOIN conversations c ON c.tenant_id = '000000000000000000000001' AND c.id = b.id
CROSS JOIN generate_series(1, :per) g;

INSERT INTO conversation_changes (tenant_id, conversation_id, change_seq, event, payload, created_at)
SELECT c.tenant_id, c.id, c.last_change_seq + g, 'message.created',
       json_build_object('message', json_build_object(
         'id', 'h' || lpad(b.n::text, 7, '0') || lpad((c.last_seq + g)::text, 16, '0'),
         'conversationId', c.id, 'seq', c.last_seq + g,
         'senderId', CASE WHEN g % 2 = 0 THEN b.a ELSE b.b END, 'type', 'text',
         'content', 'history message ' || g, 'creditTransfer', NULL,
         'createdAt', to_char((c.last_activity_at + g * interval '1 millisecond') AT TIME ZONE 'UTC',
                              'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))::text,
       c.last_activity_at + g * interval '1 millisecond'
FROM bench_conversations b
JOIN conversations c ON c.tenant_id = '000000000000000000000001' AND c.id = b.id
CROSS JOIN generate_series(1, :per) g;

UPDATE conversations c
SET last_seq = c.last_seq + :per, last_change_seq = c.last_change_seq + :per,
    last_activity_at = c.last_activity_at + :per * interval '1 millisecond'
FROM bench_conversations b
WHERE c.tenant_id = '000000000000000000000001' AND c.id = b.id;
COMMIT;
VACUUM ANALYZE messages;
VACUUM ANALYZE conversation_changes;
VACUUM ANALYZE conversations;
-- Flush the preload and what VACUUM dirtied (every page of the new rows) now: otherwise the
-- checkpoints they trigger write gigabytes spread over minutes, exactly while the history
-- phase is measured (seen: a 177 s checkpoint covering the whole phase).
CHECKPOINT;
