package dev.switchboard.sms;

/** What became of a delivery receipt. */
public enum ReceiptResult {
  /** It settled a segment (and, with it, perhaps the SMS). */
  SETTLED,
  /** Its segment was settled already: a repeated receipt, changes nothing. */
  DUPLICATE,
  /** No recorded segment has its carrier id yet: kept, and applied once the SMS is recorded. */
  KEPT
}
