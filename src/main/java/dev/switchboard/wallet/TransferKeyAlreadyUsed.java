package dev.switchboard.wallet;

/** A concurrent request with the same idempotency key committed first; the caller replays it. */
public class TransferKeyAlreadyUsed extends RuntimeException {
  public TransferKeyAlreadyUsed(String key) {
    super("idempotency key already used: " + key);
  }
}
