package dev.switchboard.message;

/**
 * A concurrent post with the same client key committed first. The post that sees this rolls back
 * what it wrote (its sequence numbers with it) and answers with the stored message instead.
 */
public class ClientKeyTaken extends RuntimeException {
  public ClientKeyTaken(String clientKey) {
    super("client key already used: " + clientKey);
  }
}
