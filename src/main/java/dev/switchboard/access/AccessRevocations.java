package dev.switchboard.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes stateless access tokens revocable per user and per domain. Signed tokens carry no
 * server state, so each node keeps the (small) table of cut-offs in memory: a token of a
 * revoked user issued in or before the second of the revocation ({@code iat} has whole seconds)
 * is refused. The node that revokes applies it at commit; the others learn it from the realtime
 * bus at once ({@link #apply}), and from the table itself every {@link #RELOAD} should a bus
 * message be lost — the database stays the truth.
 */
@Component
public class AccessRevocations {
  /** The user id of a cut-off that covers every user of a domain. */
  public static final String WHOLE_DOMAIN = "*";

  static final Duration RELOAD = Duration.ofSeconds(15);

  private final RevocationStore store;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Map<String, Instant> cutoffs = new ConcurrentHashMap<>();
  private volatile Instant loadedUpTo;

  public AccessRevocations(RevocationStore store, ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Revokes every signed token of the user (or, with {@link #WHOLE_DOMAIN}, of the domain)
   * issued until now, inside the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Instant revoke(String tenantId, String userId) {
    Instant now = clock.instant();
    store.put(new RevocationStore.Cutoff(tenantId, userId, now));
    events.publishEvent(new AccessRevoked(tenantId, userId, now));
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            apply(tenantId, userId, now);
          }
        });
    return now;
  }

  /** Applies a cut-off learnt from another node (or this one, after commit). */
  public void apply(String tenantId, String userId, Instant at) {
    cutoffs.merge(key(tenantId, userId), at, (old, fresh) -> fresh.isAfter(old) ? fresh : old);
  }

  /** Whether a token of this user issued at {@code issuedAt} has been revoked. */
  public boolean isRevoked(String tenantId, String userId, Instant issuedAt) {
    if (cutoffs.isEmpty()) {
      return false;
    }
    return covers(cutoffs.get(key(tenantId, userId)), issuedAt)
        || covers(cutoffs.get(key(tenantId, WHOLE_DOMAIN)), issuedAt);
  }

  /** Reads cut-offs set since the last read (all of them the first time). */
  @Scheduled(initialDelay = 0, fixedDelayString = "PT15S")
  @Transactional(readOnly = true)
  public void reload() {
    Instant from = loadedUpTo;
    // Overlap the previous read: a cut-off committed late with an earlier timestamp is not lost.
    Instant upTo = clock.instant().minus(RELOAD);
    List<RevocationStore.Cutoff> changed = store.since(from);
    changed.forEach(c -> apply(c.tenantId(), c.userId(), c.at()));
    loadedUpTo = from == null || upTo.isAfter(from) ? upTo : from;
  }

  /** A token without {@code iat} cannot prove it is newer than the cut-off. */
  private static boolean covers(Instant cutoff, Instant issuedAt) {
    return cutoff != null
        && (issuedAt == null || issuedAt.getEpochSecond() <= cutoff.getEpochSecond());
  }

  private static String key(String tenantId, String userId) {
    return tenantId + "\u0000" + userId;
  }
}
