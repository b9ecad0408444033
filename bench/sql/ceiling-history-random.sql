-- History ceiling: a keyset page of 50 ending at a random position of a random bench
-- conversation (maxseq = the smallest last_seq among them).
\set c random(1, :nconv)
\set pos random(50, :maxseq)
SELECT m.tenant_id, m.id, m.conversation_id, m.seq, m.sender_id, m.type, m.content, m.client_id, m.credit_amount, m.credit_recipient_id, m.created_at, m.updated_at FROM messages m WHERE m.tenant_id = '000000000000000000000001' AND m.conversation_id = (SELECT id FROM bench_conversations WHERE n = :c) AND m.seq <= :pos ORDER BY m.seq DESC LIMIT 50;
