package dev.switchboard.message;

/**
 * A concurrent request with the same client id committed first. The transaction that sees this
 * rolls back (its sequence number with it) and the caller replays the stored message.
 */
public class ClientIdAlreadyUsed extends RuntimeException {
  public ClientIdAlreadyUsed(String clientId) {
    super("client id already used: " + clientId);
  }
}
