package dev.switchboard.user;

import dev.switchboard.shared.Scope;
import dev.switchboard.shared.Violations;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A validated request to create a user. {@code userId} may be null (an id is generated); {@code
 * password} may be null for users who only authenticate through a dialect's own key-based flow.
 */
public record NewUser(String userId, String displayName, String password, String scopeLabel) {
  public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");
  public static final int MIN_PASSWORD = 8;
  /** BCrypt reads at most 72 bytes; a longer password would be cut without telling anyone. */
  public static final int MAX_PASSWORD_BYTES = 72;

  public Scope scope() {
    return scopeLabel == null ? Scope.BASIC_USER : Scope.fromLabel(scopeLabel).orElseThrow();
  }

  public void validate() {
    Violations v =
        new Violations()
            .matches("userId", userId, USER_ID, "must match [A-Za-z0-9._@+-]{1,64}")
            .maxLength("displayName", displayName, 100)
            .check(
                scopeLabel == null || Scope.fromLabel(scopeLabel).isPresent(),
                "scope must be one of Basic User, Office Manager, Reseller, Super User");
    checkPassword(v, password);
    v.throwIfAny();
  }

  /** The password rule, for new users and for password changes alike (null: no password). */
  static void checkPassword(Violations v, String password) {
    v.check(
            password == null || password.length() >= MIN_PASSWORD,
            "password must be at least " + MIN_PASSWORD + " characters")
        .check(
            password == null || utf8Length(password) <= MAX_PASSWORD_BYTES,
            "password must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
  }

  /** The password's length in UTF-8 bytes, which is what BCrypt counts. */
  public static int utf8Length(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length;
  }
}
