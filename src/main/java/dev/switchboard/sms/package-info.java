/** SMS: a domain's numbers, the carrier gateway port (SMPP, HTTP), the durable outbox, receipts. */
@Owns({"sms_numbers", "sms_outbox", "sms_outbox_parts", "sms_unmatched_receipts"})
package dev.switchboard.sms;

import dev.switchboard.shared.Owns;
