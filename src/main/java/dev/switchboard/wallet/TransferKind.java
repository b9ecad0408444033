package dev.switchboard.wallet;

public enum TransferKind {
  /** User to user, in a chat. */
  TRANSFER,
  /** From the domain's issuance account to a user, by an operator. */
  TOP_UP,
  /** From a user back to the domain's issuance account, by an operator, with a reason. */
  ADJUSTMENT
}
