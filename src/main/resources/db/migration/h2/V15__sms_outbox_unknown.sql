-- H2's half of V12 (PostgreSQL's is in ../postgresql/): sms_outbox.status may be 'unknown', an
-- SMS whose submit got no answer (docs/sms.md). H2 named V3's unnamed check CONSTRAINT_ and the
-- shortest unique prefix of the hex hash code of the table name ("sms_outbox" -> EDC91D63), in
-- upper case whatever DATABASE_TO_LOWER says (hence the quotes);
-- should a database have it under another name, this fails rather than leave the old check.
ALTER TABLE sms_outbox DROP CONSTRAINT "CONSTRAINT_EDC9";
ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_status
  CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'unknown'));
