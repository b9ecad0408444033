-- What a domain's API keys may change about users who already exist when they open sessions
-- for them (ADR 0014). A domain without a row keeps the default: nothing.
CREATE TABLE key_session_policies (
  tenant_id       CHAR(24) PRIMARY KEY REFERENCES tenants (id),
  profile_updates BOOLEAN  NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
