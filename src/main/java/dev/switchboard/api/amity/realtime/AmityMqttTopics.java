package dev.switchboard.api.amity.realtime;

import java.util.Optional;

/**
 * Amity's topic names for one connected user, as the SDK builds them from {@code user.path}
 * ({@code {net}/user/{_id}}, {@code {net}} being the network, i.e. the domain's tenant id): which
 * filters the user may subscribe to, and the topic each kind of event is published on. Channel
 * paths are {@code {net}/chat/{channelId}} (internal id), as the v3/v5 channel payloads say.
 */
record AmityMqttTopics(String network, String userInternalId) {
  static final int MAX_TOPIC_LENGTH = 512;

  /** What a subscription filter may receive, once checked. */
  sealed interface TopicGrant {}

  /** A filter on the user's own feeds or the network: always granted. */
  record Own() implements TopicGrant {}

  /** A filter on one channel (or a message of it): granted only to its members. */
  record OfChannel(String channelId) implements TopicGrant {}

  String userPath() {
    return network + "/user/" + userInternalId;
  }

  String smartFeed(String kind) {
    return network + "/smartfeed/" + userInternalId + "/" + kind;
  }

  String markers() {
    return network + "/marker/user/" + userInternalId;
  }

  String channelPath(String channelId) {
    return network + "/chat/" + channelId;
  }

  String messagePath(String channelId, String messageId) {
    return channelPath(channelId) + "/message/" + messageId;
  }

  /**
   * What {@code filter} would give access to, or empty when it is not the user's to read: another
   * user's feeds or markers, social topics, wildcards above a channel, other networks.
   */
  Optional<TopicGrant> grant(String filter) {
    if (filter.isEmpty() || filter.length() > MAX_TOPIC_LENGTH || !wellFormed(filter)) {
      return Optional.empty();
    }
    if (filter.equals(network)
        || filter.equals(userPath())
        || filter.equals(markers())
        || filter.equals(smartFeed("channels"))
        || filter.equals(smartFeed("messagefeeds"))
        || filter.equals(smartFeed("messages"))) {
      return Optional.of(new Own());
    }
    String[] levels = filter.split("/", -1);
    // {net}/chat/{channelId}[/…] and {net}/marker/channel/{channelId}/message/{feedId}
    if (levels.length >= 3 && levels[0].equals(network) && levels[1].equals("chat")) {
      return concrete(levels[2]) ? Optional.of(new OfChannel(levels[2])) : Optional.empty();
    }
    if (levels.length == 6 && levels[0].equals(network) && levels[1].equals("marker")
        && levels[2].equals("channel") && levels[4].equals("message")) {
      return concrete(levels[3]) ? Optional.of(new OfChannel(levels[3])) : Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean concrete(String level) {
    return !level.isEmpty() && !level.equals("+") && !level.equals("#");
  }

  /** MQTT 3.1.1 §4.7.1: '#' only as the whole last level, '+' only as a whole level. */
  static boolean wellFormed(String filter) {
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
        return false;
      }
      if (level.contains("+") && !level.equals("+")) {
        return false;
      }
    }
    return !filter.contains("\u0000");
  }

  /** Whether a topic name matches a subscription filter (MQTT 3.1.1 §4.7). */
  static boolean matches(String filter, String topic) {
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return true;
      }
      if (i >= t.length) {
        return false;
      }
      if (!f[i].equals("+") && !f[i].equals(t[i])) {
        return false;
      }
    }
    return f.length == t.length;
  }
}
