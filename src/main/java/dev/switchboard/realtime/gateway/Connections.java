package dev.switchboard.realtime.gateway;

import dev.switchboard.access.AccessRevocations;
import dev.switchboard.conversation.ConversationChanges;
import dev.switchboard.realtime.bus.BusEvent;
import dev.switchboard.realtime.bus.BusListener;
import dev.switchboard.shared.Actor;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This node's connections, indexed by user and by the conversations they follow — every
 * conversation their user is a member of, loaded when the connection authenticates and kept up
 * to date by the membership changes it routes — and the router that hands each event to the
 * mailboxes of the connections that follow its conversation. Routing reads no database: the
 * index is the cache of memberships, invalidated by the membership changes themselves. Handing
 * over is all it does: no caller ever waits on a client.
 */
final class Connections implements BusListener {
  private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
  private final Map<String, Set<Connection>> byConversation = new ConcurrentHashMap<>();
  private final Map<String, Connection> all = new ConcurrentHashMap<>();
  private final Function<Actor, List<String>> memberships;
  private final Frames frames;

  /** @param memberships the ids of the conversations a user is a member of (a database read) */
  Connections(Function<Actor, List<String>> memberships, Frames frames) {
    this.memberships = memberships;
    this.frames = frames;
  }

  void add(Connection connection) {
    all.put(connection.id(), connection);
  }

  /**
   * Starts routing to an authenticated connection: by user first, so that a membership change
   * committed while its conversations load still finds it, then by each conversation.
   */
  void authenticated(Connection connection) {
    Actor actor = connection.actor();
    byUser.computeIfAbsent(key(actor.tenantId(), actor.userId()), k -> ConcurrentHashMap.newKeySet())
        .add(connection);
    memberships.apply(actor).forEach(id -> follow(connection, id));
  }

  /** Routes the conversation's events to the connection from now on. */
  void follow(Connection connection, String conversationId) {
    if (connection.following().add(conversationId)) {
      byConversation
          .computeIfAbsent(key(connection.actor().tenantId(), conversationId),
              k -> ConcurrentHashMap.newKeySet())
          .add(connection);
    }
  }

  void unfollow(Connection connection, String conversationId) {
    if (connection.following().remove(conversationId)) {
      byConversation.computeIfPresent(
          key(connection.actor().tenantId(), conversationId),
          (k, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
          });
    }
  }

  void remove(Connection connection) {
    all.remove(connection.id());
    Actor actor = connection.actor();
    if (actor == null) {
      return;
    }
    byUser.computeIfPresent(
        key(actor.tenantId(), actor.userId()),
        (k, set) -> {
          set.remove(connection);
          return set.isEmpty() ? null : set;
        });
    List.copyOf(connection.following()).forEach(id -> unfollow(connection, id));
  }

  Connection get(String connectionId) {
    return all.get(connectionId);
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

  /** Routes an event of this node or of another one. */
  @Override
  public void onEvent(BusEvent event) {
    switch (event) {
      case BusEvent.Changes changes -> route(changes.notices());
      case BusEvent.AccessRevocation revocation -> closeRevoked(revocation);
      case BusEvent.TypingNotice typing -> {
        String frame = frames.typing(typing.conversationId(), typing.userId());
        for (Connection c : followers(typing.tenantId(), typing.conversationId())) {
          if (!c.actor().userId().equals(typing.userId())) {
            c.submit(() -> c.send(frame), frame.length());
          }
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

  /**
   * Routes one transaction's changes to the members as they are once it committed: its joins and
   * leaves are applied to the index first, in order. Someone who left still hears that he left
   * (or was removed or banned), and nothing after.
   */
  private void route(List<BusEvent.ChangeNotice> notices) {
    for (BusEvent.ChangeNotice notice : notices) {
      if (ConversationChanges.MEMBER_JOINED.equals(notice.event())) {
        subject(notice).forEach(c -> follow(c, notice.conversationId()));
      } else if (ConversationChanges.MEMBER_LEFT.equals(notice.event())) {
        subject(notice).forEach(c -> unfollow(c, notice.conversationId()));
      }
    }
    for (BusEvent.ChangeNotice notice : notices) {
      Set<Connection> targets = followers(notice.tenantId(), notice.conversationId());
      if (ConversationChanges.MEMBER_LEFT.equals(notice.event())) {
        targets = new LinkedHashSet<>(targets);
        targets.addAll(subject(notice));
      }
      for (Connection c : targets) {
        c.submit(() -> c.subscriptions().deliver(notice), notice.frame().length());
      }
    }
  }

  private Set<Connection> subject(BusEvent.ChangeNotice notice) {
    return notice.subjectId() == null
        ? Set.of()
        : byUser.getOrDefault(key(notice.tenantId(), notice.subjectId()), Set.of());
  }

  private Set<Connection> followers(String tenantId, String conversationId) {
    return byConversation.getOrDefault(key(tenantId, conversationId), Set.of());
  }

  /** After a bus outage: memberships may have changed elsewhere; whatever was missed is in the log. */
  @Override
  public void onRecovered() {
    for (Connection connection : all.values()) {
      if (connection.actor() != null) {
        connection.submit(
            () -> {
              memberships.apply(connection.actor()).forEach(id -> follow(connection, id));
              connection.subscriptions().catchUpAll();
            });
      }
    }
  }

  private static String key(String tenantId, String id) {
    return tenantId + "\u0000" + id;
  }
}
