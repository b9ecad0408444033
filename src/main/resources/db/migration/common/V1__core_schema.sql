-- Portable SQL: runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
-- Every table carries tenant_id and every key and index leads with it (tenant isolation).

CREATE TABLE tenants (
  id          CHAR(24)     PRIMARY KEY,
  name        VARCHAR(64)  NOT NULL UNIQUE,
  description VARCHAR(500),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE users (
  tenant_id     CHAR(24)     NOT NULL REFERENCES tenants (id),
  user_id       VARCHAR(64)  NOT NULL,
  id            CHAR(24)     NOT NULL UNIQUE,
  display_name  VARCHAR(100),
  password_hash VARCHAR(255),
  scope         VARCHAR(20)  NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE refresh_tokens (
  token_hash CHAR(64)    PRIMARY KEY,
  tenant_id  CHAR(24)    NOT NULL,
  user_id    VARCHAR(64) NOT NULL,
  family_id  CHAR(24)    NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id)
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE api_keys (
  tenant_id   CHAR(24)     NOT NULL REFERENCES tenants (id),
  id          CHAR(24)     NOT NULL,
  key_hash    CHAR(64)     NOT NULL UNIQUE,
  description VARCHAR(500),
  scope       VARCHAR(20)  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE conversations (
  tenant_id        CHAR(24)     NOT NULL REFERENCES tenants (id),
  id               CHAR(24)     NOT NULL,
  kind             VARCHAR(16)  NOT NULL,
  title            VARCHAR(200),
  -- "userA|userB" (sorted) for direct chats: at most one direct chat per pair.
  direct_key       VARCHAR(140),
  last_seq         BIGINT       NOT NULL DEFAULT 0,
  last_activity_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, direct_key)
);

CREATE TABLE conversation_members (
  tenant_id       CHAR(24)    NOT NULL,
  conversation_id CHAR(24)    NOT NULL,
  user_id         VARCHAR(64) NOT NULL,
  last_read_seq   BIGINT      NOT NULL DEFAULT 0,
  joined_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, conversation_id, user_id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id)
);
CREATE INDEX conversation_members_by_user ON conversation_members (tenant_id, user_id);

CREATE TABLE messages (
  tenant_id           CHAR(24)    NOT NULL,
  id                  CHAR(24)    NOT NULL,
  conversation_id     CHAR(24)    NOT NULL,
  seq                 BIGINT      NOT NULL,
  sender_id           VARCHAR(64) NOT NULL,
  type                VARCHAR(20) NOT NULL,
  content             VARCHAR,
  client_id           VARCHAR(150),
  credit_amount       BIGINT,
  credit_recipient_id VARCHAR(64),
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, conversation_id, seq),
  UNIQUE (tenant_id, sender_id, client_id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);

-- Balances. Accounts are "user:<userId>" or "system:<name>"; only system accounts (the
-- issuance account that top-ups are drawn from) may go below zero.
CREATE TABLE wallets (
  tenant_id  CHAR(24)    NOT NULL REFERENCES tenants (id),
  account    VARCHAR(80) NOT NULL,
  balance    BIGINT      NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, account),
  CONSTRAINT wallets_no_overdraft CHECK (balance >= 0 OR account LIKE 'system:%')
);

CREATE TABLE credit_transfers (
  tenant_id          CHAR(24)     NOT NULL,
  id                 CHAR(24)     NOT NULL,
  kind               VARCHAR(16)  NOT NULL,
  from_account       VARCHAR(80)  NOT NULL,
  to_account         VARCHAR(80)  NOT NULL,
  amount             BIGINT       NOT NULL CHECK (amount > 0),
  reason             VARCHAR(200),
  initiator          VARCHAR(80)  NOT NULL,
  idempotency_key    VARCHAR(150),
  from_balance_after BIGINT       NOT NULL,
  to_balance_after   BIGINT       NOT NULL,
  message_id         CHAR(24),
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, initiator, idempotency_key)
);

-- Double entry: every transfer writes one debit and one credit that sum to zero.
CREATE TABLE ledger_entries (
  tenant_id     CHAR(24)    NOT NULL,
  transfer_id   CHAR(24)    NOT NULL,
  account       VARCHAR(80) NOT NULL,
  amount        BIGINT      NOT NULL,
  balance_after BIGINT      NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, transfer_id, account),
  FOREIGN KEY (tenant_id, transfer_id) REFERENCES credit_transfers (tenant_id, id)
);
CREATE INDEX ledger_entries_by_account ON ledger_entries (tenant_id, account, created_at);

INSERT INTO tenants (id, name, description, created_at)
VALUES ('000000000000000000000001', 'default', 'Created on first start', CURRENT_TIMESTAMP);
INSERT INTO wallets (tenant_id, account, balance, updated_at)
VALUES ('000000000000000000000001', 'system:issuance', 0, CURRENT_TIMESTAMP);
