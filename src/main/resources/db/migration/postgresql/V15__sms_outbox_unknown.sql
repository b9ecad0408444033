-- PostgreSQL's half of V12 (H2's is in ../h2/): sms_outbox.status may be 'unknown', an SMS whose
-- submit got no answer (docs/sms.md). PostgreSQL named V3's unnamed check <table>_<column>_check.
ALTER TABLE sms_outbox DROP CONSTRAINT sms_outbox_status_check;
ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_status
  CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'unknown'));
