-- Request idempotency (module idempotency): one row per (tenant, caller, operation, key). While
-- the first request runs, in_progress_until is its lease; once it finished, either result_id
-- (what it made) or the error_* columns (the refusal it got) are replayed until expires_at.
CREATE TABLE idempotency_keys (
  tenant_id         CHAR(24)     NOT NULL,
  caller            VARCHAR(80)  NOT NULL,
  operation         VARCHAR(40)  NOT NULL,
  idem_key          VARCHAR(150) NOT NULL,
  fingerprint       CHAR(64)     NOT NULL,
  in_progress_until TIMESTAMP WITH TIME ZONE,
  result_id         VARCHAR(64),
  error_code        VARCHAR(30),
  error_reason      VARCHAR(30),
  error_message     VARCHAR(1000),
  error_details     VARCHAR(8000),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, caller, operation, idem_key)
);
CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires_at);
