-- History ceiling: the newest page of 50 of a random bench conversation (the same rows the
-- server reads; bench_conversations maps 1..nconv to the conversation ids).
\set c random(1, :nconv)
SELECT m.tenant_id, m.id, m.conversation_id, m.seq, m.sender_id, m.type, m.content, m.client_id, m.credit_amount, m.credit_recipient_id, m.created_at, m.updated_at FROM messages m WHERE m.tenant_id = '000000000000000000000001' AND m.conversation_id = (SELECT id FROM bench_conversations WHERE n = :c) ORDER BY m.seq DESC LIMIT 50;
