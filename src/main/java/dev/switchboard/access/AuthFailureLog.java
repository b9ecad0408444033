package dev.switchboard.access;

import dev.switchboard.shared.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One WARN line per refused credential, on the logger {@code switchboard.auth}, in a shape a
 * log watcher (fail2ban, an alert rule) can match: {@code Authentication failed
 * [expired_token]: expired access token (user=alice, domain=acme, client=203.0.113.7)}. It never
 * holds the credential itself, nor any part of it: only who claimed to be someone, where known.
 */
public final class AuthFailureLog {
  private static final Logger log = LoggerFactory.getLogger("switchboard.auth");

  private AuthFailureLog() {}

  public static void failed(AuthFailure failure) {
    failed(failure, null, null);
  }

  /** {@code user} and {@code domain} are what the caller claimed (a login), or null. */
  public static void failed(AuthFailure failure, String user, String domain) {
    if (!log.isWarnEnabled()) {
      return;
    }
    StringBuilder context = new StringBuilder();
    append(context, "user", user);
    append(context, "domain", domain);
    append(context, "client", MDC.get(LogContext.CLIENT));
    log.warn("Authentication failed [{}]: {}{}", failure.key(), failure.description(),
        context.isEmpty() ? "" : " (" + context + ")");
  }

  private static void append(StringBuilder context, String name, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    if (!context.isEmpty()) {
      context.append(", ");
    }
    // Claimed names come from the client: keep them on one line and short.
    String safe = value.length() > 64 ? value.substring(0, 64) + "…" : value;
    context.append(name).append('=').append(safe.replaceAll("[\\p{Cntrl}]", "?"));
  }
}
