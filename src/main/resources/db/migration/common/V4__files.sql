-- Uploaded files and the conversations they were shared into. Blobs live in the FileStore under
-- their SHA-256; many rows may point at one blob (the same bytes uploaded twice).
CREATE TABLE files (
  tenant_id          CHAR(24)      NOT NULL REFERENCES tenants (id),
  id                 CHAR(24)      NOT NULL,
  owner_id           VARCHAR(64)   NOT NULL,
  name               VARCHAR(255)  NOT NULL,
  mime_type          VARCHAR(255)  NOT NULL,
  kind               VARCHAR(16)   NOT NULL,
  size_bytes         BIGINT        NOT NULL,
  sha256             CHAR(64)      NOT NULL,
  thumbnail_sha256   CHAR(64),
  thumbnail_mime     VARCHAR(64),
  width              INTEGER,
  height             INTEGER,
  duration_ms        BIGINT,
  exif_json          VARCHAR(16000),
  -- "lat,lon" in decimal degrees; served to others only where the domain allows it.
  gps                VARCHAR(64),
  access_type        VARCHAR(16)   NOT NULL,
  alt_text           VARCHAR(1000),
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, user_id)
);
CREATE INDEX files_owner ON files (tenant_id, owner_id, created_at);

CREATE TABLE file_shares (
  tenant_id       CHAR(24) NOT NULL,
  file_id         CHAR(24) NOT NULL,
  conversation_id CHAR(24) NOT NULL,
  PRIMARY KEY (tenant_id, file_id, conversation_id),
  FOREIGN KEY (tenant_id, file_id) REFERENCES files (tenant_id, id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);
