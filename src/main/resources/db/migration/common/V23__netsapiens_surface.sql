-- NetSapiens key ids are 12 characters (nsd_UKkxfEzv); a CHAR(24) column would pad them with
-- blanks. Existing 24-hex ids keep working unchanged.
ALTER TABLE api_keys ALTER COLUMN id SET DATA TYPE VARCHAR(24);
-- GET|PUT|DELETE /ns-api/v2/apikeys/{key-id} names a key without its domain.
CREATE INDEX api_keys_by_id ON api_keys (id);
-- The e-mail address NetSapiens requires on every user object; null until one is given.
ALTER TABLE users ADD COLUMN email VARCHAR(254);
