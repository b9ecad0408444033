-- NetSapiens-style message sessions on top of conversations, reseller ownership of domains, and
-- API keys bound to a user with read-only / key-creating permissions.
-- Portable SQL: runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- A reseller groups domains: a Reseller-scoped user manages every domain of his own domain's
-- reseller. NULL: the domain belongs to no reseller (only its own users and Super Users manage it).
ALTER TABLE tenants ADD COLUMN reseller VARCHAR(64);
CREATE INDEX tenants_by_reseller ON tenants (reseller);

ALTER TABLE api_keys ADD COLUMN user_id VARCHAR(64);
ALTER TABLE api_keys ADD COLUMN readonly BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE api_keys ADD COLUMN can_create_keys BOOLEAN NOT NULL DEFAULT FALSE;

-- The public id of a conversation as a message session (client-minted, >= 32 chars, or made by
-- the server) and, for SMS sessions, our number and the remote numbers. A conversation without
-- a row here is a chat session whose id is the conversation id.
CREATE TABLE message_sessions (
  tenant_id       CHAR(24)     NOT NULL,
  id              VARCHAR(128) NOT NULL,
  conversation_id CHAR(24)     NOT NULL,
  channel         VARCHAR(8)   NOT NULL,
  sms_number      VARCHAR(16),
  -- Sorted, comma-separated E.164 numbers of the other side of an SMS session.
  remote_numbers  VARCHAR(1000),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, conversation_id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
  CHECK (channel IN ('chat', 'sms'))
);
CREATE INDEX message_sessions_sms ON message_sessions (tenant_id, sms_number, remote_numbers);

-- "Delete" of a session removes it for one user only: messages up to through_seq are hidden
-- from him; a later message makes the session reappear with only what follows.
CREATE TABLE message_session_hidden (
  tenant_id       CHAR(24)    NOT NULL,
  conversation_id CHAR(24)    NOT NULL,
  user_id         VARCHAR(64) NOT NULL,
  through_seq     BIGINT      NOT NULL,
  PRIMARY KEY (tenant_id, conversation_id, user_id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);

-- What a message is as a session message: its kind, direction and numbers, and for SMS the
-- delivery status reported by the outbox (failed sticks: one failed recipient fails the group).
CREATE TABLE message_session_items (
  tenant_id       CHAR(24)     NOT NULL,
  message_id      CHAR(24)     NOT NULL,
  conversation_id CHAR(24)     NOT NULL,
  kind            VARCHAR(16)  NOT NULL,
  direction       VARCHAR(8)   NOT NULL,
  from_number     VARCHAR(16),
  to_numbers      VARCHAR(1000),
  status          VARCHAR(16),
  PRIMARY KEY (tenant_id, message_id),
  FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
);
