package dev.switchboard.api.amity.realtime;

import dev.switchboard.conversation.ConversationChanges;
import dev.switchboard.realtime.bus.BusEvent;
import dev.switchboard.shared.Actor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's index of connected users and of the channels they are members of — loaded at
 * CONNECT and kept current by the membership changes it routes, as {@code /realtime/v1}'s index
 * is — and the router that hands each change to the connections following its channel. Reads no
 * database while routing; never waits on a client.
 */
final class AmityMqttRouter {
  private final Map<String, Set<AmityMqttConnection>> byUser = new ConcurrentHashMap<>();
  private final Map<String, Set<AmityMqttConnection>> byChannel = new ConcurrentHashMap<>();
  private final Function<Actor, List<String>> memberships;
  private final JsonMapper json;

  /** @param memberships the ids of the channels a user is a member of (a database read) */
  AmityMqttRouter(Function<Actor, List<String>> memberships, JsonMapper json) {
    this.memberships = memberships;
    this.json = json;
  }

  /** Routes to a connected client: by user first, so a join committed meanwhile finds it. */
  void add(AmityMqttConnection connection) {
    Actor actor = connection.actor();
    byUser.computeIfAbsent(key(actor.tenantId(), actor.userId()), k -> ConcurrentHashMap.newKeySet())
        .add(connection);
    refollow(connection);
  }

  /** Follows every channel the user is a member of now (at CONNECT, after a bus outage). */
  void refollow(AmityMqttConnection connection) {
    memberships.apply(connection.actor()).forEach(id -> follow(connection, id));
  }

  void remove(AmityMqttConnection connection) {
    Actor actor = connection.actor();
    byUser.computeIfPresent(key(actor.tenantId(), actor.userId()), (k, set) -> {
      set.remove(connection);
      return set.isEmpty() ? null : set;
    });
    List.copyOf(connection.following()).forEach(id -> unfollow(connection, id));
  }

  /**
   * Routes one transaction's changes, joins first so a user added in it hears all of it; a user
   * who left hears that he left, and nothing after.
   */
  void route(List<BusEvent.ChangeNotice> notices,
      BiConsumer<AmityMqttConnection, AmityMqttEvents.Event> deliver) {
    for (BusEvent.ChangeNotice notice : notices) {
      if (ConversationChanges.MEMBER_JOINED.equals(notice.event())) {
        subject(notice).forEach(c -> follow(c, notice.conversationId()));
      }
    }
    for (BusEvent.ChangeNotice notice : notices) {
      Set<AmityMqttConnection> targets =
          byChannel.getOrDefault(key(notice.tenantId(), notice.conversationId()), Set.of());
      if (!targets.isEmpty()) {
        // The notice carries the change's /realtime/v1 frame: its data, parsed once for all.
        JsonNode frame = json.readTree(notice.frame());
        AmityMqttEvents.Event change =
            new AmityMqttEvents.Event(notice.conversationId(), notice.changeSeq(), notice.event(),
                frame.path("at").asString(""), frame.path("data"), notice.loggedAt());
        targets.forEach(c -> deliver.accept(c, change));
      }
      if (ConversationChanges.MEMBER_LEFT.equals(notice.event())) {
        subject(notice).forEach(c -> unfollow(c, notice.conversationId()));
      }
    }
  }

  private void follow(AmityMqttConnection connection, String channelId) {
    if (connection.following().add(channelId)) {
      byChannel.computeIfAbsent(key(connection.actor().tenantId(), channelId),
          k -> ConcurrentHashMap.newKeySet()).add(connection);
    }
  }

  private void unfollow(AmityMqttConnection connection, String channelId) {
    if (connection.following().remove(channelId)) {
      byChannel.computeIfPresent(key(connection.actor().tenantId(), channelId), (k, set) -> {
        set.remove(connection);
        return set.isEmpty() ? null : set;
      });
    }
  }

  private Set<AmityMqttConnection> subject(BusEvent.ChangeNotice notice) {
    return notice.subjectId() == null
        ? Set.of()
        : byUser.getOrDefault(key(notice.tenantId(), notice.subjectId()), Set.of());
  }

  private static String key(String tenantId, String id) {
    return tenantId + "\u0000" + id;
  }
}
