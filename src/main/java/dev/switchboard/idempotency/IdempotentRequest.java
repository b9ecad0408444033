package dev.switchboard.idempotency;

import dev.switchboard.shared.Term;
import dev.switchboard.shared.Violations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One keyed request: who sends it ({@code caller}, e.g. a user id or {@code system:admin}), which
 * operation, the client's key, and a fingerprint of what was asked, so that the same key with
 * another request is recognised as a conflict rather than replayed.
 */
public record IdempotentRequest(
    String tenantId, String caller, String operation, String key, String fingerprint) {
  public static final int MAX_KEY = 150;

  public IdempotentRequest {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(operation, "operation");
  }

  /**
   * A request whose fingerprint is a digest of the given parts (nulls included, in order): the
   * parts are what makes two requests the same request.
   */
  public static IdempotentRequest of(
      String tenantId, String caller, String operation, String key, Object... parts) {
    return new IdempotentRequest(tenantId, caller, operation, key, digest(operation, parts));
  }

  /** A blank key is refused (every dialect); so is one longer than {@value #MAX_KEY}. */
  public void validate() {
    new Violations()
        .check(key == null || !key.isBlank(), Term.IDEMPOTENCY_KEY + " must not be blank")
        .maxLength(Term.IDEMPOTENCY_KEY, key, MAX_KEY)
        .throwIfAny();
  }

  private static String digest(String operation, Object... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(operation.getBytes(StandardCharsets.UTF_8));
      for (Object part : parts) {
        // Length-prefixed, so ("ab", "c") and ("a", "bc") differ; null is its own marker.
        String text = part == null ? "\u0000null" : part.toString();
        sha.update((text.length() + ":" + text + ";").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
