-- A domain's own media policy. Without a row the server-wide default applies
-- (switchboard.files.share-gps).
CREATE TABLE file_policies (
  tenant_id  CHAR(24) PRIMARY KEY REFERENCES tenants (id),
  share_gps  BOOLEAN  NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
