package dev.switchboard.user;

import dev.switchboard.shared.Scope;
import dev.switchboard.shared.Violations;
import java.util.regex.Pattern;

/**
 * A validated request to create a user. {@code userId} may be null (an id is generated); {@code
 * password} may be null for users who only authenticate through a dialect's own key-based flow.
 */
public record NewUser(String userId, String displayName, String password, String scopeLabel) {
  public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");
  public static final int MIN_PASSWORD = 8;
  public static final int MAX_PASSWORD = 128;

  public Scope scope() {
    return scopeLabel == null ? Scope.BASIC_USER : Scope.fromLabel(scopeLabel).orElseThrow();
  }

  public void validate() {
    new Violations()
        .matches("userId", userId, USER_ID, "must match [A-Za-z0-9._@+-]{1,64}")
        .maxLength("displayName", displayName, 100)
        .check(
            password == null
                || (password.length() >= MIN_PASSWORD && password.length() <= MAX_PASSWORD),
            "password must be between " + MIN_PASSWORD + " and " + MAX_PASSWORD + " characters")
        .check(
            scopeLabel == null || Scope.fromLabel(scopeLabel).isPresent(),
            "scope must be one of Basic User, Office Manager, Reseller, Super User")
        .throwIfAny();
  }
}
