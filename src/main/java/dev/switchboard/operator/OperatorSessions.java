package dev.switchboard.operator;

import dev.switchboard.access.AdminKey;
import dev.switchboard.access.SecretHashes;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchanges the admin key for a console session: a random cookie value (stored only as its
 * hash, so the table leaks nothing usable) that lives at most {@link #LIFETIME}, and a CSRF
 * token. The admin key itself is checked once and never stored in the browser.
 */
@Service
public class OperatorSessions {
  public static final Duration LIFETIME = Duration.ofHours(8);
  private static final String COOKIE_PREFIX = "sbc_";

  private final OperatorSessionStore store;
  private final AdminKey adminKey;
  private final Ids ids;
  private final Clock clock;

  public OperatorSessions(OperatorSessionStore store, AdminKey adminKey, Ids ids, Clock clock) {
    this.store = store;
    this.adminKey = adminKey;
    this.ids = ids;
    this.clock = clock;
  }

  /** A new session and its cookie value, shown only here. */
  public record SignedIn(String cookie, OperatorSession session) {}

  @Transactional
  public SignedIn signIn(String presentedKey, String clientAddress) {
    if (!adminKey.matches(presentedKey)) {
      throw DomainException.unauthenticated("Invalid admin key");
    }
    Instant now = clock.instant();
    store.purge(now);
    String cookie = SecretHashes.newSecret(COOKIE_PREFIX);
    OperatorSession session =
        new OperatorSession(
            ids.next(),
            SecretHashes.newSecret(""),
            now,
            now.plus(LIFETIME),
            clientAddress);
    store.insert(SecretHashes.sha256(cookie), session);
    return new SignedIn(cookie, session);
  }

  /** The live session of a cookie value, if any. */
  @Transactional(readOnly = true)
  public Optional<OperatorSession> find(String cookie) {
    if (cookie == null || !cookie.startsWith(COOKIE_PREFIX)) {
      return Optional.empty();
    }
    return store.findLive(SecretHashes.sha256(cookie), clock.instant());
  }

  @Transactional
  public void signOut(String cookie) {
    if (cookie != null && cookie.startsWith(COOKIE_PREFIX)) {
      store.revoke(SecretHashes.sha256(cookie), clock.instant());
    }
  }

  /** Whether a presented CSRF token is the session's, compared in constant time. */
  public static boolean csrfMatches(OperatorSession session, String presented) {
    return presented != null
        && SecretHashes.constantTimeEquals(
            SecretHashes.sha256(session.csrfToken()), SecretHashes.sha256(presented));
  }
}
