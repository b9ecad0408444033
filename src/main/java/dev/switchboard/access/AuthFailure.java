package dev.switchboard.access;

import java.util.Locale;

/** A kind of refused credential: each is logged as its own WARN line ({@link AuthFailureLog}). */
public enum AuthFailure {
  BAD_TOKEN("invalid access token"),
  EXPIRED_TOKEN("expired access token"),
  REVOKED_TOKEN("access token of a revoked session"),
  BAD_REFRESH_TOKEN("invalid or reused refresh token"),
  BAD_API_KEY("unknown API key"),
  BAD_ADMIN_KEY("wrong admin key"),
  BAD_PASSWORD("wrong user or password");

  private final String description;

  AuthFailure(String description) {
    this.description = description;
  }

  /** The stable name operators match on, e.g. {@code expired_token}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }
}
