package dev.switchboard.api.amity.realtime;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An MQTT session's state (MQTT 3.1.1 §3.1.2.4): the granted subscription filters and, per
 * channel, the last change sequence delivered. A client that connects with {@code clean=false}
 * gets its session back, so whatever happened in its channels while it was away is replayed from
 * the change log, in order, before live events. Only the connection's drain task touches it.
 */
final class AmityMqttSession {
  static final int MAX_FILTERS = 1000;

  private final Set<String> filters = new LinkedHashSet<>();
  private final Map<String, Long> cursors = new HashMap<>();

  Set<String> filters() {
    return filters;
  }

  /** Channel id to the last change sequence sent on this session. */
  Map<String, Long> cursors() {
    return cursors;
  }
}
