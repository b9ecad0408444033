-- Device sessions (Amity sessions), secure mode, and channel features of conversations.
-- Portable SQL: PostgreSQL and H2 in PostgreSQL mode.

-- One row per issued session; access tokens carry its id ("sid") and stop working when it is
-- revoked (a new session on the same device, or an explicit revoke).
CREATE TABLE device_sessions (
  tenant_id   CHAR(24)     NOT NULL,
  id          CHAR(24)     NOT NULL,
  user_id     VARCHAR(64)  NOT NULL,
  device_id   VARCHAR(150) NOT NULL,
  device_kind VARCHAR(16),
  device_model VARCHAR(100),
  sdk_version VARCHAR(30),
  issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at  TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id)
);
CREATE INDEX device_sessions_by_device ON device_sessions (tenant_id, user_id, device_id);

-- A domain's server key; secure mode requires sessions to present an auth token minted with it.
CREATE TABLE session_settings (
  tenant_id       CHAR(24) PRIMARY KEY REFERENCES tenants (id),
  server_key_hash CHAR(64) NOT NULL UNIQUE,
  secure_mode     BOOLEAN  NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Short-lived tokens minted with the server key, redeemed by a session for the same user.
CREATE TABLE session_auth_tokens (
  token_hash CHAR(64)    PRIMARY KEY,
  tenant_id  CHAR(24)    NOT NULL REFERENCES tenants (id),
  user_id    VARCHAR(64) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Channel fields. kind gains COMMUNITY, LIVE and BROADCAST (GROUP/DIRECT are Amity
-- "conversation" channels). channel_key is the client's channelId (or the id when none given).
ALTER TABLE conversations ADD COLUMN channel_key VARCHAR(150);
ALTER TABLE conversations ADD COLUMN avatar_file_id VARCHAR(50);
ALTER TABLE conversations ADD COLUMN metadata VARCHAR;
ALTER TABLE conversations ADD COLUMN muted_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversations ADD COLUMN auto_delete_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE conversations ADD COLUMN auto_delete_flag_limit INTEGER;
ALTER TABLE conversations ADD COLUMN is_public BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE conversations ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversations ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX conversations_by_channel_key ON conversations (tenant_id, channel_key);
CREATE INDEX conversations_by_activity ON conversations (tenant_id, last_activity_at);

CREATE TABLE conversation_tags (
  tenant_id       CHAR(24)     NOT NULL,
  conversation_id CHAR(24)     NOT NULL,
  tag             VARCHAR(100) NOT NULL,
  PRIMARY KEY (tenant_id, conversation_id, tag),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);
CREATE INDEX conversation_tags_by_tag ON conversation_tags (tenant_id, tag);

-- Per-member state: mentions cursor and a timed mute.
ALTER TABLE conversation_members ADD COLUMN last_mentioned_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversation_members ADD COLUMN muted_until TIMESTAMP WITH TIME ZONE;

CREATE TABLE conversation_member_roles (
  tenant_id       CHAR(24)     NOT NULL,
  conversation_id CHAR(24)     NOT NULL,
  user_id         VARCHAR(64)  NOT NULL,
  role            VARCHAR(100) NOT NULL,
  PRIMARY KEY (tenant_id, conversation_id, user_id, role),
  FOREIGN KEY (tenant_id, conversation_id, user_id)
    REFERENCES conversation_members (tenant_id, conversation_id, user_id) ON DELETE CASCADE
);

-- A ban removes the membership and keeps the user out until unbanned.
CREATE TABLE conversation_bans (
  tenant_id       CHAR(24)    NOT NULL,
  conversation_id CHAR(24)    NOT NULL,
  user_id         VARCHAR(64) NOT NULL,
  banned_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, conversation_id, user_id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id)
);
