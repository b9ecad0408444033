package dev.switchboard.realtime.gateway;

import dev.switchboard.access.AccessRevocations;
import dev.switchboard.realtime.bus.BusEvent;
import dev.switchboard.realtime.bus.BusListener;
import dev.switchboard.shared.Actor;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's authenticated connections by (domain, user), and the bus listener that hands each
 * event to the mailboxes of its recipients' connections. Handing over is all it does: the bus
 * thread never waits on a client.
 */
final class Connections implements BusListener {
  private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
  private final Map<String, Connection> all = new ConcurrentHashMap<>();
  private final Frames frames;

  Connections(Frames frames) {
    this.frames = frames;
  }

  void add(Connection connection) {
    all.put(connection.id(), connection);
  }

  void authenticated(Connection connection) {
    byUser
        .computeIfAbsent(key(connection.actor().tenantId(), connection.actor().userId()),
            k -> ConcurrentHashMap.newKeySet())
        .add(connection);
  }

  void remove(Connection connection) {
    all.remove(connection.id());
    if (connection.actor() != null) {
      byUser.computeIfPresent(
          key(connection.actor().tenantId(), connection.actor().userId()),
          (k, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
          });
    }
  }

  Connection get(String sessionId) {
    return all.get(sessionId);
  }

  Collection<Connection> all() {
    return all.values();
  }

  int size() {
    return all.size();
  }

  /** Authenticated connections per user of one domain ({@code tenantId} null: every domain). */
  Map<String, Integer> perUser(String tenantId) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    byUser.forEach((key, set) -> {
      String[] parts = key.split("\u0000", 2);
      if (tenantId == null || tenantId.equals(parts[0])) {
        counts.put(key, set.size());
      }
    });
    return counts;
  }

  @Override
  public void onEvent(BusEvent event) {
    if (event instanceof BusEvent.AccessRevocation revocation) {
      closeRevoked(revocation);
      return;
    }
    for (String userId : event.recipients()) {
      Set<Connection> targets = byUser.get(key(event.tenantId(), userId));
      if (targets == null) {
        continue;
      }
      for (Connection connection : targets) {
        switch (event) {
          case BusEvent.ChangeNotice notice ->
              connection.submit(() -> connection.subscriptions().deliver(notice));
          case BusEvent.TypingNotice typing ->
              connection.submit(
                  () -> connection.send(frames.typing(typing.conversationId(), typing.userId())));
          case BusEvent.AccessRevocation revocation -> closeRevoked(revocation);
        }
      }
    }
  }

  /** Closes the connections of a revoked user, or of every user of a revoked domain. */
  private void closeRevoked(BusEvent.AccessRevocation revocation) {
    boolean wholeDomain = AccessRevocations.WHOLE_DOMAIN.equals(revocation.userId());
    for (Connection connection : all.values()) {
      Actor actor = connection.actor();
      if (actor != null
          && actor.tenantId().equals(revocation.tenantId())
          && (wholeDomain || actor.userId().equals(revocation.userId()))) {
        connection.close(CloseCodes.ACCESS_REVOKED);
      }
    }
  }

  @Override
  public void onRecovered() {
    for (Connection connection : all.values()) {
      if (connection.actor() != null) {
        connection.submit(() -> connection.subscriptions().catchUpAll());
      }
    }
  }

  private static String key(String tenantId, String userId) {
    return tenantId + "\u0000" + userId;
  }
}
