-- SMS numbers, the durable SMS outbox and its carrier message ids.
-- Portable SQL: runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- A number belongs to one domain (tenant) and optionally to one user of it.
CREATE TABLE sms_numbers (
  tenant_id  CHAR(24)    NOT NULL REFERENCES tenants (id),
  number     VARCHAR(16) NOT NULL,
  user_id    VARCHAR(64),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, number),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id)
);
-- The one key not led by tenant_id, on purpose: a phone number can belong to one domain only,
-- and an inbound SMS names only the receiving number, which is how its domain is found.
CREATE UNIQUE INDEX sms_numbers_routing ON sms_numbers (number);
CREATE INDEX sms_numbers_by_user ON sms_numbers (tenant_id, user_id);

-- status: queued -> sending -> sent -> delivered | failed (failed also from queued/sending).
CREATE TABLE sms_outbox (
  tenant_id       CHAR(24)     NOT NULL REFERENCES tenants (id),
  id              CHAR(24)     NOT NULL,
  message_id      CHAR(24),
  sender          VARCHAR(16)  NOT NULL,
  recipient       VARCHAR(16)  NOT NULL,
  body            VARCHAR      NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  attempts        INT          NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  -- Set while a worker holds the row in 'sending'; only the holder of claim_token may finish it.
  claim_token     CHAR(24),
  lease_until     TIMESTAMP WITH TIME ZONE,
  segments        INT,
  last_error      VARCHAR(500),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'failed'))
);
-- The worker serves every tenant, so its scans for due and stale rows start at status.
CREATE INDEX sms_outbox_due ON sms_outbox (status, next_attempt_at);
CREATE INDEX sms_outbox_stale ON sms_outbox (status, lease_until);
CREATE INDEX sms_outbox_by_message ON sms_outbox (tenant_id, message_id);

-- One row per segment the carrier accepted: receipts arrive per carrier message id.
CREATE TABLE sms_outbox_parts (
  tenant_id          CHAR(24)     NOT NULL,
  outbox_id          CHAR(24)     NOT NULL,
  part               INT          NOT NULL,
  carrier_message_id VARCHAR(100) NOT NULL,
  status             VARCHAR(16)  NOT NULL,
  PRIMARY KEY (tenant_id, outbox_id, part),
  FOREIGN KEY (tenant_id, outbox_id) REFERENCES sms_outbox (tenant_id, id),
  CHECK (status IN ('sent', 'delivered', 'failed'))
);
-- Receipts name only the carrier's id: the lookup that finds the tenant.
CREATE INDEX sms_outbox_parts_carrier ON sms_outbox_parts (carrier_message_id);
