-- SMS outcomes settle exactly once (docs/sms.md): receipts that overtake their SMS are kept
-- until the SMS is recorded. (V12, per database, lets sms_outbox.status be 'unknown'.)
-- Portable SQL: runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- Delivery receipts whose carrier message id matched no recorded segment when they came: the
-- carrier answered faster than our own "sent" commit, or the receipt belongs to an SMS whose
-- submit answer was lost. Matched (and deleted) once the segment is recorded; deleted unmatched
-- after switchboard.sms.outbox.unmatched-receipt-ttl.
-- No tenant_id, on purpose (ADR 0010): a receipt names only the carrier's id, and the tenant is
-- what matching it to a segment finds.
CREATE TABLE sms_unmatched_receipts (
  id                 CHAR(24)     NOT NULL PRIMARY KEY,
  carrier_message_id VARCHAR(100) NOT NULL,
  outcome            VARCHAR(16)  NOT NULL,
  detail             VARCHAR(500),
  received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK (outcome IN ('delivered', 'failed'))
);
CREATE INDEX sms_unmatched_receipts_carrier ON sms_unmatched_receipts (carrier_message_id);
CREATE INDEX sms_unmatched_receipts_age ON sms_unmatched_receipts (received_at);
