-- Send ceiling, one statement: the seq increment and the insert in one CTE (one round trip,
-- autocommit).
\set c random(1, :nconv)
WITH c AS (UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = now() WHERE tenant_id = '000000000000000000000001' AND id = 'ce' || lpad(:c::text, 22, '0') RETURNING tenant_id, id, last_seq) INSERT INTO messages (tenant_id, id, conversation_id, seq, sender_id, type, content, client_id, credit_amount, credit_recipient_id, created_at, updated_at) SELECT c.tenant_id, 'cm' || lpad(:c::text, 6, '0') || lpad(c.last_seq::text, 16, '0'), c.id, c.last_seq, 'bench-ceiling', 'TEXT', 'bench message', NULL, NULL, NULL, now(), now() FROM c;
