-- Bench set-up after `prepare` (psql -v nconv=N; the state file's conversations are loaded into
-- bench_conversations right after by the run script).
-- Ceiling conversations: same table, same shape, rows of their own ('ce' + n), so pgbench writes
-- where the server writes without touching the conversations the server is measured on.
INSERT INTO conversations (tenant_id, id, kind, title, direct_key, last_seq, last_activity_at, created_at)
SELECT '000000000000000000000001', 'ce' || lpad(n::text, 22, '0'), 'DIRECT', NULL, NULL, 0, now(), now()
FROM generate_series(1, :nconv) n
ON CONFLICT DO NOTHING;

DROP TABLE IF EXISTS bench_conversations;
CREATE TABLE bench_conversations (n INT PRIMARY KEY, id CHAR(24) NOT NULL, a VARCHAR(64) NOT NULL, b VARCHAR(64) NOT NULL);
