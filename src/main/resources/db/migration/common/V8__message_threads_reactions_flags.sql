-- Channel-style messages (Amity v3): structured payloads, threads, tags, metadata, mentions,
-- edits, soft deletes, reactions and flags. Portable SQL for PostgreSQL and H2.

ALTER TABLE messages ADD COLUMN payload VARCHAR;
ALTER TABLE messages ADD COLUMN parent_id CHAR(24);
ALTER TABLE messages ADD COLUMN metadata VARCHAR;
-- JSON array of {type, userIds}; written and read only by the storage adapter.
ALTER TABLE messages ADD COLUMN mentions VARCHAR;
ALTER TABLE messages ADD COLUMN children_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN flag_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE messages ADD COLUMN is_deleted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE messages ADD COLUMN latest_reaction_id CHAR(24);
ALTER TABLE messages ADD COLUMN latest_reaction_name VARCHAR(100);
ALTER TABLE messages ADD COLUMN latest_reaction_user VARCHAR(64);
ALTER TABLE messages ADD COLUMN latest_reaction_added BOOLEAN;
ALTER TABLE messages ADD COLUMN latest_reaction_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX messages_by_parent ON messages (tenant_id, parent_id, seq);
CREATE INDEX messages_by_client_id ON messages (tenant_id, client_id);

CREATE TABLE message_tags (
  tenant_id  CHAR(24)    NOT NULL,
  message_id CHAR(24)    NOT NULL,
  tag_index  INT         NOT NULL,
  tag        VARCHAR(30) NOT NULL,
  PRIMARY KEY (tenant_id, message_id, tag_index),
  FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
);
CREATE INDEX message_tags_by_tag ON message_tags (tenant_id, tag, message_id);

CREATE TABLE message_reactions (
  tenant_id  CHAR(24)     NOT NULL,
  id         CHAR(24)     NOT NULL,
  message_id CHAR(24)     NOT NULL,
  user_id    VARCHAR(64)  NOT NULL,
  name       VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, message_id, user_id, name),
  FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
);
CREATE INDEX message_reactions_by_message ON message_reactions (tenant_id, message_id, id);

CREATE TABLE message_flags (
  tenant_id  CHAR(24)    NOT NULL,
  message_id CHAR(24)    NOT NULL,
  user_id    VARCHAR(64) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, message_id, user_id),
  FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
);
