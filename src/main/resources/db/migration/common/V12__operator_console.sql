-- The operator's console and admin API: disabled and erased users, revocable API keys with
-- their last use, deleted domains, revocation cut-offs for signed tokens, and the audit log.
-- Portable SQL: PostgreSQL and H2 in PostgreSQL mode.

-- A disabled user cannot log in or open sessions; an erased one is a tombstone that keeps its
-- user id (messages and ledger entries name it) so the id is never given to someone else.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;

-- A deleted domain keeps its row (the ledger is never rewritten, and it references the domain)
-- and its name, which is not given to a new domain.
ALTER TABLE tenants ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE api_keys ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_keys ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX api_keys_by_user ON api_keys (tenant_id, user_id);

CREATE INDEX refresh_tokens_by_user ON refresh_tokens (tenant_id, user_id);

-- Signed access tokens issued before revoked_at are refused. user_id '*' revokes a whole domain.
-- Every node keeps this small table in memory and re-reads what changed (revoked_at index).
CREATE TABLE access_revocations (
  tenant_id  CHAR(24)    NOT NULL,
  user_id    VARCHAR(64) NOT NULL,
  revoked_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX access_revocations_by_time ON access_revocations (revoked_at);

-- Every operator action. tenant_id is the domain acted on (NULL for server-wide actions such as
-- signing in to the console); domain keeps its name readable after the domain is deleted.
-- No foreign keys: the audit log outlives what it describes.
CREATE TABLE audit_log (
  tenant_id      CHAR(24),
  id             CHAR(24)     NOT NULL PRIMARY KEY,
  at             TIMESTAMP WITH TIME ZONE NOT NULL,
  actor          VARCHAR(100) NOT NULL,
  action         VARCHAR(60)  NOT NULL,
  domain         VARCHAR(64),
  target         VARCHAR(200),
  details        VARCHAR(1000),
  client_address VARCHAR(64)
);
CREATE INDEX audit_log_by_tenant ON audit_log (tenant_id, id);

-- Web console sessions: the admin key is exchanged for a random cookie (stored hashed) and a
-- CSRF token the page sends back on every change. Server-wide, like the admin key itself.
CREATE TABLE operator_sessions (
  token_hash     CHAR(64)    NOT NULL PRIMARY KEY,
  id             CHAR(24)    NOT NULL UNIQUE,
  csrf_token     VARCHAR(64) NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at     TIMESTAMP WITH TIME ZONE,
  client_address VARCHAR(64)
);
