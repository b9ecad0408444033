-- Send ceiling, two round trips: BEGIN + take the next seq under the row lock, then the insert
-- + COMMIT (compound commands, so each line is one round trip). Ceiling conversations are
-- 'ce' + n; message ids are unique per (conversation, seq).
\set c random(1, :nconv)
BEGIN \; UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = now() WHERE tenant_id = '000000000000000000000001' AND id = 'ce' || lpad(:c::text, 22, '0') RETURNING last_seq \gset
INSERT INTO messages (tenant_id, id, conversation_id, seq, sender_id, type, content, client_id, credit_amount, credit_recipient_id, created_at, updated_at) VALUES ('000000000000000000000001', 'cm' || lpad(:c::text, 6, '0') || lpad(:last_seq::text, 16, '0'), 'ce' || lpad(:c::text, 22, '0'), :last_seq, 'bench-ceiling', 'TEXT', 'bench message', NULL, NULL, NULL, now(), now()) \; COMMIT;
